// Marks that follow people: each list suggests a key column (present and unique in every row,
// identifiers first), keeps it when its file is replaced, and a run or a schedule marked by it
// leaves out the same person after the rows were reordered — where positions would not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudiencePreview, CreateScheduleRequest, Delivery, ListSummary } from '../../shared/api';
import { RecurringScheduler } from '../../server/engine/recurring';
import { createLogger } from '../../server/log';
import { createLocalProvider } from '../../server/providers/local/local-mailbox';
import { importList, presentList, replaceListFile } from '../../server/services/lists';
import { createSchedule } from '../../server/services/schedules';
import { listScheduledRuns } from '../../server/store/schedules';
import { useTempStore } from '../engine/support';
import { startTestServer, type TestServer } from '../support/server';

const STAFF = [
  'name,email,Sicil No,city',
  'Ayşe,ayse@example.com,1001,İstanbul',
  'Bora,bora@example.com,1002,Ankara',
  'Can,can@example.com,1003,İzmir',
].join('\n');
/** The same people and one more, in another order: Bora is now the third row, Deniz the second. */
const STAFF_REORDERED = [
  'name,email,Sicil No,city',
  'Can,can@example.com,1003,İzmir',
  'Deniz,deniz@example.com,1004,Bursa',
  'Bora,bora@example.com,1002,Ankara',
  'Ayşe,ayse@example.com,1001,İstanbul',
].join('\n');
const template = { subject: 'Merhaba {{name}}', html: '<p>{{name}}</p>' };

describe('the key column of a list, over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ seedSamples: true });
  });
  afterAll(async () => {
    await s.close();
  });

  const put = async (listId: string, fileName: string, csv: string) => {
    const res = await fetch(`${s.url}/api/lists/${listId}?fileName=${fileName}`, {
      method: 'PUT', body: csv, headers: { 'content-type': 'application/octet-stream' },
    });
    return { status: res.status, body: ListSummary.parse(await res.json()) };
  };
  const sentTo = async (runId: string) => {
    await s.waitForRun(runId);
    const { deliveries } = (await s.api('GET', `/api/runs/${runId}/deliveries?limit=100`)).body;
    return deliveries.map((d: unknown) => Delivery.parse(d)).map((d: Delivery) => d.to).sort();
  };

  it('suggests an identifier, else the address column, else none; the samples are keyed by address', async () => {
    expect(ListSummary.parse((await s.upload('staff.csv', STAFF)).body).keyColumn).toBe('Sicil No');
    const noIds = 'name,email\nAyşe,ayse@example.com\nBora,bora@example.com\n';
    expect(ListSummary.parse((await s.upload('people.csv', noIds)).body).keyColumn).toBe('email');
    const repeats = 'name,email,city\nJan,jan@example.pl,Kraków\nJan,jan@example.pl,Kraków\n';
    expect(ListSummary.parse((await s.upload('repeats.csv', repeats)).body).keyColumn).toBeNull();
    const { lists } = (await s.api('GET', '/api/lists')).body as { lists: ListSummary[] };
    const samples = lists.filter((l) => l.source === 'sample' && l.emailColumn);
    expect(samples.map((l) => [l.name, l.keyColumn]).sort()).toEqual([['Sample: client contacts', 'email'], ['Sample: employees', 'email']]);
  });

  it('gives a list saved before key columns one, once, when it is next listed', async () => {
    const saved = ListSummary.parse((await s.upload('older.csv', STAFF)).body);
    // As stored by an earlier version: no key column recorded at all.
    s.core.db.prepare("UPDATE lists SET meta = json_remove(meta, '$.keyColumn') WHERE id = ?").run(saved.id);
    expect(JSON.parse(s.core.db.prepare('SELECT meta FROM lists WHERE id = ?').pluck().get(saved.id) as string).keyColumn).toBeUndefined();
    const { lists } = (await s.api('GET', '/api/lists')).body as { lists: ListSummary[] };
    expect(lists.find((l) => l.id === saved.id)?.keyColumn).toBe('Sicil No');
    expect(JSON.parse(s.core.db.prepare('SELECT meta FROM lists WHERE id = ?').pluck().get(saved.id) as string).keyColumn).toBe('Sicil No');
  });

  it('keeps the key column through a replaced file, and only takes another when it stops being one', async () => {
    const list = ListSummary.parse((await s.upload('staff.csv', STAFF)).body);
    const replaced = await put(list.id, 'staff-2.csv', STAFF_REORDERED);
    expect(replaced).toMatchObject({ status: 200, body: { id: list.id, keyColumn: 'Sicil No', rowCount: 4 } });
    const listed = (await s.api('GET', `/api/lists/${list.id}`)).body;
    expect(ListSummary.parse(listed).keyColumn).toBe('Sicil No');
    // A file whose numbers repeat: the address column names each person now.
    const clash = `${STAFF}\nBoran,boran@example.com,1002,Ankara`;
    expect((await put(list.id, 'staff-3.csv', clash)).body.keyColumn).toBe('email');
  });

  it('leaves out the marked person, not the row now in their place, after the list was reordered', async () => {
    const list = ListSummary.parse((await s.upload('staff.csv', STAFF)).body);
    // Bora is left out by hand, keyed as the pane keys him; by position he was row 1.
    const audience = { rowKey: list.keyColumn!, exclude: ['1002'] };
    const before = AudiencePreview.parse((await s.api('POST', '/api/audience/preview', { listId: list.id, audience })).body);
    expect(before.recipients.map((r) => r.to)).toEqual(['ayse@example.com', 'can@example.com']);

    await put(list.id, 'staff-2.csv', STAFF_REORDERED);
    // The old mark by position would now drop Deniz and mail Bora.
    const byPosition = AudiencePreview.parse((await s.api('POST', '/api/audience/preview', { listId: list.id, audience: { exclude: ['1'] } })).body);
    expect(byPosition.recipients.map((r) => r.to)).toEqual(['can@example.com', 'bora@example.com', 'ayse@example.com']);
    const run = await s.api('POST', '/api/runs', { listId: list.id, template, audience });
    expect(run.status).toBe(201);
    expect(await sentTo(run.body.id)).toEqual(['ayse@example.com', 'can@example.com', 'deniz@example.com']);
  });
});

describe('a schedule marked by key, run weeks later on a replaced list', () => {
  const LIMITS = { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 };
  const at = (iso: string) => Date.parse(iso);
  const store = useTempStore();

  it('plans the run without the marked person, wherever the new file puts them', async () => {
    const { db, user } = store;
    const list = await importList(db, user.id, { bytes: Buffer.from(STAFF), fileName: 'staff.csv' });
    const keyColumn = presentList(list).keyColumn!;
    let clock = at('2026-03-02T04:00:00Z');
    const { id } = await createSchedule(db, createLocalProvider(db, LIMITS).open(user), user.id, CreateScheduleRequest.parse({
      name: 'Monthly note', cron: '0 8 1 * *', timeZone: 'Europe/Istanbul',
      run: { listId: list.id, template, audience: { rowKey: keyColumn, exclude: ['1002'], include: [] } },
    }), clock);

    const replaced = await replaceListFile(db, user.id, list.id, { bytes: Buffer.from(STAFF_REORDERED), fileName: 'staff-april.csv' });
    expect(replaced.meta.keyColumn).toBe(keyColumn);
    clock = at('2026-04-01T05:00:01Z');
    await new RecurringScheduler({ db, provider: createLocalProvider(db, LIMITS), log: createLogger('silent'), now: () => clock, holderId: 'server-a' }).tick();
    const planned = listScheduledRuns(db, id).find((d) => d.runDate === '2026-04-01');
    expect(planned?.status).toBe('planned');
    const to = db.prepare('SELECT email FROM deliveries WHERE run_id = ? ORDER BY email').pluck().all(planned!.runId) as string[];
    expect(to).toEqual(['ayse@example.com', 'can@example.com', 'deniz@example.com']);
  });
});
