import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDraft } from '../../server/providers/graph/draft';
import type { GraphMailbox } from '../../server/providers/graph/graph-provider';
import { listContactFolders, readContacts } from '../../server/providers/graph/sources/contacts';
import { readDirectoryUsers } from '../../server/providers/graph/sources/directory';
import { listGroups, readGroupMembers } from '../../server/providers/graph/sources/groups';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;
let graph: ReturnType<GraphMailbox['graph']>;

beforeAll(async () => {
  h = await startGraphHarness();
  graph = (h.mailbox as GraphMailbox).graph();
});

afterAll(async () => {
  await h.close();
});

describe('recipient sources', () => {
  it('pages through 10,000 contacts, each once, with their fields', async () => {
    h.emulator.addContacts(h.user.id, 10_000);
    // A no-op rule counts the pages asked for.
    const pages = h.emulator.faults.add({ method: 'GET', path: '/me/contacts', action: { type: 'delay', ms: 0 } });
    const rows = await readContacts(graph.api, graph.retry);
    pages.remove();
    expect(pages.matched).toBe(10);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10_000);
    expect(rows[0]).toMatchObject({ email: 'contact1@example.test', companyName: expect.any(String), birthday: expect.stringMatching(/^19\d\d-\d\d-\d\d$/) });
    expect(rows[9_999].email).toBe('contact10000@example.test');
  });

  it('reads one contact folder, a contact with several addresses as email, email2', async () => {
    h.emulator.addContacts(h.user.id, [
      { givenName: 'Zeynep', surname: 'Kaya', emailAddresses: [{ address: 'zeynep@work.test' }, { address: 'zeynep@home.test' }] },
    ], 'Clients');
    const folders = await listContactFolders(graph.api, graph.retry);
    const clients = folders.find((f) => f.name === 'Clients')!;
    const rows = await readContacts(graph.api, graph.retry, clients.id);
    expect(rows).toEqual([expect.objectContaining({ givenName: 'Zeynep', email: 'zeynep@work.test', email2: 'zeynep@home.test', email3: null })]);
  });

  it('reads directory users with birthday and hireDate in $batches of 20, retrying throttled inner requests', async () => {
    for (let i = 1; i <= 44; i++) {
      h.emulator.addUser({
        userPrincipalName: `emp${i}@contoso.test`, mail: `emp${i}@contoso.test`, givenName: `Emp${i}`, department: i % 2 ? 'Sales' : 'HR',
        birthday: i === 3 ? null : `1985-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}`, hireDate: `2015-03-0${(i % 9) + 1}`,
      });
    }
    const throttles = [2, 7, 30].map((nth) =>
      h.emulator.faults.add({ method: 'GET', path: /^\/users\/[^/]+$/, nth, action: { type: 'status', status: 429, retryAfterSec: 0 } }));
    const rows = await readDirectoryUsers(graph.api, graph.retry, { withDates: true });
    h.emulator.faults.clear();
    expect(throttles.map((t) => t.fired)).toEqual([1, 1, 1]);
    expect(rows).toHaveLength(45);
    const emp5 = rows.find((r) => r.email === 'emp5@contoso.test');
    expect(emp5).toMatchObject({ birthday: '1985-06-15', hireDate: '2015-03-06', department: 'Sales' });
    expect(rows.find((r) => r.email === 'emp3@contoso.test')?.birthday).toBeNull();
    expect(rows.filter((r) => r.hireDate === null).map((r) => r.email)).toEqual(['adele@contoso.test']);
  });

  it('fails, saying why, when Microsoft 365 refuses the dates, instead of giving a list without birthdays', async () => {
    const denied = h.emulator.faults.add({ method: 'GET', path: /^\/users\/[^/]+$/, action: { type: 'status', status: 403 } });
    const err = await readDirectoryUsers(graph.api, graph.retry, { withDates: true }).catch((e: unknown) => e);
    h.emulator.faults.clear();
    expect(denied.fired).toBeGreaterThan(0);
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { status: 403 } });
    expect((err as Error).message).toContain('User.Read.All');
  });

  it('reads a group\'s transitive members, nested groups flattened, each person once', async () => {
    const users = ['ann', 'bob', 'cem'].map((n) => h.emulator.addUser({ userPrincipalName: `${n}@contoso.test`, mail: `${n}@contoso.test` }));
    // Someone who has left: their account is disabled, so they are nobody to mail.
    const gone = h.emulator.addUser({ userPrincipalName: 'gone@contoso.test', mail: 'gone@contoso.test', accountEnabled: false });
    const inner = h.emulator.addGroup({ displayName: 'Payroll Istanbul', members: [users[1].id, users[2].id, gone.id] });
    const outer = h.emulator.addGroup({ displayName: 'Payroll', members: [users[0].id, users[1].id, inner.id] });
    expect((await listGroups(graph.api, graph.retry, 'Payroll')).map((g) => g.name).sort()).toEqual(['Payroll', 'Payroll Istanbul']);
    const rows = await readGroupMembers(graph.api, graph.retry, outer.id);
    expect(rows.map((r) => r.email).sort()).toEqual(['ann@contoso.test', 'bob@contoso.test', 'cem@contoso.test']);
  });
});

describe('reading a draft', () => {
  it('returns subject, HTML, recipients and every file with its bytes, inline images with their cid', async () => {
    const png = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
    const draft = await graph.api.post<{ id: string }>('/me/messages', {
      subject: 'Happy birthday, {{givenName}}',
      body: { contentType: 'HTML', content: '<p>Dear {{givenName}}</p><img src="cid:cake">' },
      toRecipients: [{ emailAddress: { address: 'hr@contoso.test' } }],
      attachments: [
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'cake.png', contentType: 'image/png', contentBytes: png.toString('base64'), isInline: true, contentId: 'cake' },
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'voucher.pdf', contentType: 'application/pdf', contentBytes: Buffer.from('%PDF-1.7').toString('base64') },
      ],
    });
    const read = await readDraft(graph.api, graph.retry, draft.id);
    expect(read).toMatchObject({ subject: 'Happy birthday, {{givenName}}', html: '<p>Dear {{givenName}}</p><img src="cid:cake">', to: ['hr@contoso.test'], cc: [], skipped: [] });
    expect(read.attachments.map((a) => [a.name, a.contentType, a.inline ?? false, a.contentId ?? null, Buffer.from(a.content).toString('base64')])).toEqual([
      ['cake.png', 'image/png', true, 'cake', png.toString('base64')],
      ['voucher.pdf', 'application/pdf', false, null, Buffer.from('%PDF-1.7').toString('base64')],
    ]);
  });
});
