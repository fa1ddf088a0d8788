import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../server/engine/classify';
import { findDraft } from '../../server/providers/graph/draft-ids';
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { TAG_PROPERTY_ID } from '../../server/providers/graph/requests';
import { TAG_HEADER, type OutgoingMessage } from '../../server/providers/mailbox';
import { FAST, startGraphHarness, testMessage, type GraphHarness } from './harness';

let h: GraphHarness;



beforeEach(async () => {
  h = await startGraphHarness();
});

afterEach(async () => {
  await h.close();
});

describe('send', () => {
  it('sends once, tagged by header and property, and files the sent copy in the chosen folder', async () => {
    const folder = await h.mailbox.createFolder('Greetings 2025');
    const receipt = await h.mailbox.send(testMessage(1), { folderId: folder.id });
    expect(h.emulator.sentLog).toHaveLength(1);
    const sent = h.emulator.sentLog[0];
    expect(sent.to).toEqual(['person1@example.test']);
    expect(sent.headers).toContainEqual({ name: TAG_HEADER, value: 'run-1:d1' });
    expect(Object.values(sent.extendedProperties)).toEqual(['run-1:d1']);
    expect(receipt.providerId).toBe(sent.messageId);
    expect(`<${receipt.messageId}>`).toBe(sent.internetMessageId);
    const inFolder = h.emulator.messagesIn(h.user.id, folder.id);
    expect(inFolder.map((m) => m.immutableId)).toEqual([sent.messageId]);
    expect(h.emulator.messagesIn(h.user.id, 'sentitems')).toHaveLength(0);
    expect(h.emulator.messagesIn(h.user.id, 'drafts')).toHaveLength(0);
    expect(findDraft(h.db, h.user.id, 'run-1:d1')?.state).toBe('filed');
  });

  it('is idempotent by tag: a second send of the same delivery sends nothing', async () => {
    const first = await h.mailbox.send(testMessage(2), { folderId: 'sentitems' });
    const again = await h.mailbox.send(testMessage(2), { folderId: 'sentitems' });
    expect(again).toEqual(first);
    expect(h.emulator.sentLog).toHaveLength(1);
  });

  it('attaches small files in the draft and a 5 MB file through an upload session', async () => {
    const big = new Uint8Array(5 * 1024 * 1024).map((_, i) => i % 251);
    const receipt = await h.mailbox.send(testMessage(3, {
      attachments: [
        { name: 'note.txt', contentType: 'text/plain', content: new TextEncoder().encode('hello') },
        { name: 'logo.png', contentType: 'image/png', content: new Uint8Array([137, 80, 78, 71]), contentId: 'logo' },
        { name: 'payslip.pdf', contentType: 'application/pdf', content: big },
      ],
    }), { folderId: 'sentitems' });
    const sent = h.emulator.sentLog[0];
    expect(sent.attachments.map((a) => [a.name, a.size, a.isInline, a.contentId])).toEqual([
      ['note.txt', 5, false, null],
      ['logo.png', 4, true, 'logo'],
      ['payslip.pdf', big.length, false, null],
    ]);
    const stored = h.emulator.findMessage(h.user.id, receipt.providerId);
    expect(Buffer.compare(stored!.attachments[2].content, Buffer.from(big))).toBe(0);
  });

  it('classifies refusals: an invalid recipient is permanent and leaves no draft behind', async () => {
    const err = await h.mailbox.send(testMessage(4, { to: ['not an address'] }), { folderId: 'sentitems' }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'permanent', code: 'RECIPIENT_REJECTED', outcome: 'not-sent', status: 400 });
    expect(h.emulator.messagesIn(h.user.id, 'drafts')).toHaveLength(0);
  });

  it('classifies throttling on send with its Retry-After, and reuses the draft next time', async () => {
    h.emulator.faults.add({ method: 'POST', path: /\/send$/, times: 1, action: { type: 'status', status: 429, retryAfterSec: 7 } });
    const err = await h.mailbox.send(testMessage(5), { folderId: 'sentitems' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'throttled', retryAfterMs: 7000, outcome: 'not-sent' });
    const draftId = findDraft(h.db, h.user.id, 'run-1:d5')?.draftId;
    const receipt = await h.mailbox.send(testMessage(5), { folderId: 'sentitems' });
    expect(receipt.providerId).toBe(draftId);
    expect(h.emulator.sentLog).toHaveLength(1);
  });

  it('calls a 503 on draft creation not-sent, and a 504 after the send went out unknown', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/me/messages', times: 1, action: { type: 'status', status: 503 } });
    expect(await h.mailbox.send(testMessage(6), { folderId: 'sentitems' }).catch((e) => e)).toMatchObject({ kind: 'transient', outcome: 'not-sent' });
    h.emulator.faults.add({ method: 'POST', path: /\/send$/, times: 1, phase: 'after', action: { type: 'status', status: 504 } });
    expect(await h.mailbox.send(testMessage(6), { folderId: 'sentitems' }).catch((e) => e)).toMatchObject({ kind: 'transient', outcome: 'unknown', status: 504 });
    const found = await h.mailbox.findSent({ runId: 'run-1', deliveryId: 'd6' });
    expect(found?.providerId).toBe(h.emulator.sentLog[0].messageId);
    await h.mailbox.send(testMessage(6), { folderId: 'sentitems' });
    expect(h.emulator.sentLog).toHaveLength(1);
  });
});

describe('findSent', () => {
  const tag = (n: number) => ({ runId: 'run-1', deliveryId: `d${n}` });

  it('says not sent while the stored id is still a draft', async () => {
    h.emulator.faults.add({ method: 'POST', path: /\/send$/, times: 1, action: { type: 'status', status: 503 } });
    await h.mailbox.send(testMessage(10), { folderId: 'sentitems' }).catch(() => undefined);
    expect(h.emulator.messagesIn(h.user.id, 'drafts')).toHaveLength(1);
    expect(await h.mailbox.findSent(tag(10))).toBeUndefined();
    expect(h.emulator.sentLog).toHaveLength(0);
  });

  it('finds a message whose send reply was lost, once its copy lands in Sent Items', async () => {
    h.emulator.sentCopyLagMs = 150;
    h.emulator.faults.add({ method: 'POST', path: /\/send$/, times: 1, phase: 'after', action: { type: 'reset' } });
    const err = await h.mailbox.send(testMessage(11), { folderId: 'sentitems' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'transient', code: 'CONNECTION_LOST', outcome: 'unknown' });
    const found = await h.mailbox.findSent(tag(11));
    expect(found?.providerId).toBe(h.emulator.sentLog[0].messageId);
  });

  it('finds a message moved to the chosen folder', async () => {
    const folder = await h.mailbox.createFolder('Moved');
    const receipt = await h.mailbox.send(testMessage(12), { folderId: folder.id });
    expect(await h.mailbox.findSent(tag(12))).toEqual(receipt);
    expect(h.emulator.messagesIn(h.user.id, folder.id)).toHaveLength(1);
  });

  it('files a sent copy that was still in Sent Items when asked', async () => {
    const folder = await h.mailbox.createFolder('Filed later');
    h.emulator.faults.add({ method: 'POST', path: /\/move$/, action: { type: 'status', status: 503, retryAfterSec: 0 } });
    await h.mailbox.send(testMessage(13), { folderId: folder.id });
    expect(h.emulator.messagesIn(h.user.id, 'sentitems')).toHaveLength(1);
    h.emulator.faults.clear();
    expect(await h.mailbox.findSent(tag(13))).toBeDefined();
    expect(h.emulator.messagesIn(h.user.id, folder.id)).toHaveLength(1);
  });

  it('files copies left in Sent Items on a later send', async () => {
    const folder = await h.mailbox.createFolder('Swept');
    const eager = createGraphProvider({
      db: h.db, graphUrl: h.emulator.url, tokens: { getToken: async () => h.emulator.issueToken(h.user.id) }, ...FAST, leftoverAfterMs: 0,
    }).open(h.user);
    const stuck = h.emulator.faults.add({ method: 'POST', path: /\/move$/, action: { type: 'status', status: 503, retryAfterSec: 0 } });
    await eager.send(testMessage(15), { folderId: folder.id });
    expect(findDraft(h.db, h.user.id, 'run-1:d15')?.state).toBe('sent');
    stuck.remove();
    await eager.send(testMessage(16), { folderId: folder.id });
    expect(h.emulator.messagesIn(h.user.id, folder.id)).toHaveLength(2);
    expect(findDraft(h.db, h.user.id, 'run-1:d15')?.state).toBe('filed');
  });

  it('searches by the tag property when there is no stored id, and finds nothing for an unknown tag', async () => {
    await h.mailbox.send(testMessage(14), { folderId: 'sentitems' });
    h.db.prepare('DELETE FROM graph_drafts').run();
    expect((await h.mailbox.findSent(tag(14)))?.providerId).toBe(h.emulator.sentLog[0].messageId);
    expect(await h.mailbox.findSent(tag(99))).toBeUndefined();
  });
});
