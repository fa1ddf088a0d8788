import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { createOfficeHost } from './host';

type Callback = (result: { status: string; value?: string; error?: { message: string } }) => void;

/** An Outlook compose item whose saveAsync answers `answer`, recording the calls made. */
function mockOutlook(answer: Parameters<Callback>[0], calls: string[]) {
  return new OfficeMockObject({
    host: 'outlook',
    MailboxEnums: { RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } },
    context: {
      mailbox: {
        item: {
          subject: { getAsync: (cb: Callback) => cb({ status: 'succeeded', value: 'S' }) },
          saveAsync: (cb: Callback) => {
            calls.push('saveAsync');
            cb(answer);
          },
        },
        convertToRestId: (id: string, version: string) => {
          calls.push(`convertToRestId:${id}:${version}`);
          return id.replace(/\//g, '-').replace(/\+/g, '_');
        },
      },
    },
  }) as unknown as typeof Office;
}

describe('saving the Outlook draft for the server', () => {
  it('saves the draft, then converts its EWS id to a REST v2.0 id', async () => {
    const calls: string[] = [];
    const host = createOfficeHost(mockOutlook({ status: 'succeeded', value: 'AAMk/a+b=' }, calls), 'compose');
    expect(host.canSaveDraft).toBe(true);
    await expect(host.saveDraft()).resolves.toBe('AAMk-a_b=');
    expect(calls).toEqual(['saveAsync', 'convertToRestId:AAMk/a+b=:v2.0']);
  });

  it("passes Outlook's reason on when the save fails", async () => {
    const calls: string[] = [];
    const host = createOfficeHost(mockOutlook({ status: 'failed', error: { message: 'The item is being edited elsewhere' } }, calls), 'compose');
    await expect(host.saveDraft()).rejects.toThrow('The item is being edited elsewhere');
    expect(calls).toEqual(['saveAsync']);
  });

  it('offers no save when reading a message or outside Outlook', () => {
    const host = createOfficeHost(mockOutlook({ status: 'succeeded', value: 'x' }, []), 'read');
    expect(host.canSaveDraft).toBe(false);
    const bare = createOfficeHost(new OfficeMockObject({ host: 'outlook', context: { mailbox: {} } }) as unknown as typeof Office, 'compose');
    expect(bare.canSaveDraft).toBe(false);
  });
});
