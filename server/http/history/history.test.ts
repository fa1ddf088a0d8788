import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryResponse } from '../../../shared/api';
import { startTestServer, type TestServer } from '../../../test/support/server';
import { newId } from '../../store/db';
import { insertDeliveries } from '../../store/deliveries';
import { insertRun } from '../../store/runs';
import { upsertUser } from '../../store/users';

describe('GET /api/history', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it("lists every delivery to one address across the user's runs, and nobody else's", async () => {
    const list = (await s.upload('p.csv', 'email,firstName\nolga@example.com,Ольга\nayse@example.com,Ayşe\n')).body;
    for (const subject of ['Первое письмо', 'İkinci mesaj']) {
      const run = (await s.api('POST', '/api/runs', { listId: list.id, template: { subject, html: '<p>{{firstName}}</p>' } })).body;
      await s.waitForRun(run.id);
    }
    const db = s.core.db;
    const other = upsertUser(db, { id: newId(), tenantId: 'other', email: 'other@example.com', name: 'Other' });
    const foreign = insertRun(db, {
      id: newId(), ownerId: other.id, listId: null, listName: 'x', provider: 'local', status: 'completed',
      subject: 'Not yours', html: '<p>x</p>', text: null, folderId: 'f', folderName: 'Sent Items',
      options: { maxErrors: 0, acceptUnknownFields: false }, scheduledAt: null,
    });
    insertDeliveries(db, foreign.id, [{ email: 'olga@example.com', values: {}, status: 'skipped', reason: 'test' }]);

    const res = await s.api('GET', '/api/history?address=OLGA@example.com');
    expect(res.status).toBe(200);
    const body = HistoryResponse.parse(res.body);
    expect(body.entries.map((e) => e.subject).sort()).toEqual(['İkinci mesaj', 'Первое письмо']);
    expect(body.entries.every((e) => e.status === 'sent' && e.sentAt !== null)).toBe(true);

    expect(HistoryResponse.parse((await s.api('GET', '/api/history?address=nobody@example.com')).body).entries).toEqual([]);
    expect((await s.api('GET', '/api/history')).body.error.code).toBe('VALIDATION_FAILED');
  });
});
