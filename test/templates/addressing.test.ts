import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewResponse, Run } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';
import { addressesOf, addressOf, messageTo, newFolder, sentMessages } from './support';

const CLIENTS = [
  'company;email;owner;assistants',
  'Kaya Gıda;info@kaya.example;Ayşe Demir <ayse@firm.example>;',
  'Nowak Sp.;biuro@nowak.example;jan@firm.example;"ola@firm.example; piotr@firm.example"',
  'Self;self@firm.example;self@firm.example;',
  'Broken;broken@example.com;not an address;',
].join('\n');

describe('addressing: Cc, Bcc and Reply-To, fixed or from a column', () => {
  let s: TestServer;
  let listId: string;
  beforeAll(async () => {
    s = await startTestServer();
    listId = (await s.upload('clients.csv', CLIENTS)).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  const template = { subject: 'Offer for {{company}}', html: '<p>Dear {{company}}</p>' };

  it('puts each row\'s account owner in Cc and Reply-To, a fixed archive in Bcc, and counts every recipient toward the budget', async () => {
    const list = (await s.upload('good.csv', CLIENTS.split('\n').slice(0, 4).join('\n'))).body;
    const folderId = await newFolder(s, 'Addressing');
    const created = await s.api('POST', '/api/runs', {
      listId: list.id, folderId, template,
      cc: [{ column: 'owner' }, { column: 'assistants' }], bcc: [{ address: 'archive@firm.example' }], replyTo: { column: 'owner' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = Run.parse(await s.waitForRun(created.body.id));
    expect(run.counts.sent).toBe(3);
    const messages = await sentMessages(s, folderId);

    const kaya = messageTo(messages, 'info@kaya.example');
    expect(addressesOf(kaya.cc)).toEqual(['ayse@firm.example']);
    expect(addressesOf(kaya.bcc)).toEqual(['archive@firm.example']);
    expect(addressOf(kaya.replyTo)).toBe('ayse@firm.example');

    const nowak = messageTo(messages, 'biuro@nowak.example');
    expect(addressesOf(nowak.cc)).toEqual(['jan@firm.example', 'ola@firm.example', 'piotr@firm.example']);
    expect(addressOf(nowak.replyTo)).toBe('jan@firm.example');

    // Nobody gets two copies: the owner who is also the recipient is not copied.
    const self = messageTo(messages, 'self@firm.example');
    expect(self.cc).toBeUndefined();

    const stored = s.core.db.prepare('SELECT email, recipients FROM deliveries WHERE run_id = ? ORDER BY idx').all(run.id);
    expect(stored).toEqual([
      { email: 'info@kaya.example', recipients: 3 },
      { email: 'biuro@nowak.example', recipients: 5 },
      { email: 'self@firm.example', recipients: 2 },
    ]);
  });

  it('refuses a run whose column holds something that is not an address, naming the row', async () => {
    const res = await s.api('POST', '/api/runs', { listId, template, cc: [{ column: 'owner' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('row 4 (broken@example.com): "not an address" (Cc) is not an e-mail address.');
    expect(res.body.error.details.rows).toEqual([
      { rowIndex: 3, to: 'broken@example.com', warnings: [{ code: 'INVALID_ADDRESS', field: 'owner', message: '"not an address" (Cc) is not an e-mail address.' }] },
    ]);
  });

  it('checks address columns exist, and fixed addresses are addresses', async () => {
    const unknown = await s.api('POST', '/api/runs', { listId, template, bcc: [{ column: 'ownr' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.unknownFields).toEqual([{ field: 'ownr', suggestion: 'owner' }]);
    const invalid = await s.api('POST', '/api/runs', { listId, template, replyTo: { address: 'nope' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('previews the addressing of a row and lists the rows with warnings', async () => {
    const preview = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId, template, cc: [{ column: 'owner' }], replyTo: { column: 'owner' }, rowIndex: 1 })).body);
    expect(preview).toMatchObject({ to: 'biuro@nowak.example', cc: ['jan@firm.example'], bcc: [], replyTo: 'jan@firm.example', warningRows: [3], rowWarnings: [] });
  });

  it('sends a test message to the tester alone: Reply-To kept, never Cc or Bcc', async () => {
    const res = await s.api('POST', '/api/test-message', { listId, template, cc: [{ column: 'owner' }], bcc: [{ address: 'archive@firm.example' }], replyTo: { column: 'owner' }, to: 'me@example.org' });
    expect(res.status).toBe(201);
    const detail = (await s.api('GET', `/api/mailbox/messages/${encodeURIComponent(res.body.messageId)}`)).body;
    expect(detail.to).toEqual(['me@example.org']);
    const names = detail.headers.map((h: { name: string }) => h.name.toLowerCase());
    expect(names).not.toContain('cc');
    expect(names).not.toContain('bcc');
    expect(detail.headers.find((h: { name: string }) => h.name.toLowerCase() === 'reply-to').value).toContain('ayse@firm.example');
  });
});
