// The audience over HTTP on a real server and store: list overrides and replacement, the preview
// and the plan agreeing, filters and their errors, marks, multi-address cells, companies, the
// change log, suppression and exclusions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudiencePreview, Delivery, ErrorBody, ListSummary, SuppressionEntry } from '../../shared/api';
import { SAMPLE_COMPANY_COUNT, SAMPLE_CHANGE_DATE, employeeChangeLog, sampleEmployees } from '../../server/recipients/sample';
import { startTestServer, type TestServer } from '../support/server';

const STAFF = [
  'id,name,email,department,city,hireDate',
  'e1,Ayşe,ayse@example.com,Sales,İstanbul,2020-03-15',
  'e2,Bora,"bora@example.com; bora.home@example.net",Sales,Ankara,2019-07-01',
  'e3,Can,CAN@example.com,Sales,İzmir,2021-01-10',
  'e4,Deniz,can@EXAMPLE.com,Sales,İzmir,2022-05-05',
  'e5,Ece,,Sales,Bursa,2018-09-09',
  'e6,Fikret,not-an-address,Sales,Bursa,2017-02-02',
  'e7,Gül,gul@blocked.example,Sales,Bursa,2016-06-06',
  'e8,Hakan,hakan@example.com,Sales,Bursa,2015-05-05',
  'e9,Irmak,irmak@example.com,Finance,Ankara,2014-04-04',
].join('\n');

const template = { subject: 'Merhaba {{name}}', html: '<p>{{name}}, {{city}}</p>' };
const sales = { type: 'equals', field: 'department', value: 'sales' };

describe('the audience API', () => {
  let s: TestServer;
  let staff: ListSummary;

  beforeAll(async () => {
    s = await startTestServer({ seedSamples: true });
    staff = ListSummary.parse((await s.upload('staff.csv', STAFF)).body);
  });
  afterAll(async () => {
    await s.close();
  });

  const preview = async (listId: string, audience: unknown, limit = 20) =>
    s.api('POST', '/api/audience/preview', { listId, audience, limit });
  const deliveriesOf = async (runId: string): Promise<Delivery[]> =>
    (await s.api('GET', `/api/runs/${runId}/deliveries?limit=1000`)).body.deliveries.map((d: unknown) => Delivery.parse(d));
  const listByName = async (name: string): Promise<ListSummary> =>
    (await s.api('GET', '/api/lists')).body.lists.map((l: unknown) => ListSummary.parse(l)).find((l: ListSummary) => l.name === name);

  it('uploads with import overrides, replaces the file under the same id and chooses columns', async () => {
    const file = 'Personel 2026\nname|mail|zip|mobile\nAyşe|ayse@example.com|01234|+90 532 111 22 33\n';
    const query = { delimiter: '|', headerRow: '2', columnTypes: '{"zip":"text"}', phoneColumn: 'mobile', emailColumn: 'mail' };
    const up = await s.upload('people.csv', file, query);
    expect(up.status).toBe(201);
    const list = ListSummary.parse(up.body);
    expect(list).toMatchObject({ emailColumn: 'mail', phoneColumn: 'mobile', import: { format: 'csv', delimiter: '|', headerRow: 2 } });
    expect(list.columns.find((c) => c.name === 'zip')?.type).toBe('text');
    expect((await s.api('GET', `/api/lists/${list.id}/rows`)).body.rows[0].zip).toBe('01234');

    const bad = await s.upload('people.csv', file, { ...query, columnTypes: '{zip:text}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('columnTypes');

    const put = await fetch(`${s.url}/api/lists/${list.id}?fileName=people-v2.csv`, {
      method: 'PUT', body: 'name;mail;mobile\nBora;bora@example.com;+90 533 000 11 22\nCan;can@example.com;\n',
      headers: { 'content-type': 'application/octet-stream' },
    });
    const replaced = ListSummary.parse(await put.json());
    expect(put.status).toBe(200);
    expect(replaced).toMatchObject({ id: list.id, name: 'people.csv', fileName: 'people-v2.csv', rowCount: 2, emailColumn: 'mail', phoneColumn: 'mobile' });
    expect(replaced.updatedAt >= list.updatedAt).toBe(true);

    const patched = await s.api('PATCH', `/api/lists/${list.id}`, { name: 'People', phoneColumn: null });
    expect(ListSummary.parse(patched.body)).toMatchObject({ name: 'People', phoneColumn: null, emailColumn: 'mail' });
    const wrong = await s.api('PATCH', `/api/lists/${list.id}`, { emailColumn: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues[0].path).toBe('emailColumn');
  });

  it('previews exactly what planning the run freezes, with every reason rows drop out', async () => {
    expect((await s.api('POST', '/api/suppression', { domain: 'blocked.example', reason: 'asked to stop' })).status).toBe(201);
    const audience = { filter: sales, exclusions: ['hakan@example.com'], addresses: 'all' };
    const res = await preview(staff.id, audience);
    expect(res.status).toBe(200);
    const p = AudiencePreview.parse(res.body);
    expect(p).toMatchObject({ rows: 9, selected: 8, deliveries: 9, sendable: 4 });
    expect(p.dropped).toEqual({ filteredOut: 1, markedOut: 0, noAddress: 1, invalidAddress: 1, duplicate: 1, suppressed: 1, excluded: 1 });
    expect(p.recipients.filter((r) => r.key === '1').map((r) => [r.to, r.values.email])).toEqual([
      ['bora@example.com', 'bora@example.com'], ['bora.home@example.net', 'bora.home@example.net'],
    ]);

    const created = await s.api('POST', '/api/runs', { listId: staff.id, template, audience });
    expect(created.status).toBe(201);
    const run = await s.waitForRun(created.body.id);
    expect(run.counts).toMatchObject({ planned: p.deliveries, sent: p.sendable, skipped: p.deliveries - p.sendable });
    const reasons = (await deliveriesOf(run.id)).map((d) => d.reason).filter(Boolean).sort();
    expect(reasons).toEqual(['DUPLICATE', 'EXCLUDED', 'INVALID_ADDRESS', 'NO_ADDRESS', 'SUPPRESSED']);
    expect((await deliveriesOf(run.id)).map((d) => d.to)).not.toContain('irmak@example.com');
  });

  it('refuses a bad filter with the path of the mistake, and changes nothing', async () => {
    const runsBefore = (await s.api('GET', '/api/runs')).body.runs.length;
    const filter = { type: 'group', op: 'and', children: [sales, { type: 'dateEquals', field: 'hireDate', date: '2026-02-30' }] };
    for (const res of [await preview(staff.id, { filter }), await s.api('POST', '/api/runs', { listId: staff.id, template, audience: { filter } })]) {
      expect(res.status).toBe(400);
      const { error } = ErrorBody.parse(res.body);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect((error.details as { issues: Array<{ path: string }> }).issues[0].path).toBe('audience.filter.children.1.date');
      expect(error.message).toContain('must be a real date');
    }
    const unknownKey = await preview(staff.id, { filter: sales, rowKey: 'nope' });
    expect(unknownKey.body.error.details.issues[0].path).toBe('audience.rowKey');
    expect((await s.api('GET', '/api/runs')).body.runs.length).toBe(runsBefore);
  });

  it('refuses to plan a run whose filter selects nobody, saying why', async () => {
    const audience = { filter: { type: 'equals', field: 'city', value: 'Trabzon' } };
    const p = AudiencePreview.parse((await preview(staff.id, audience)).body);
    expect(p).toMatchObject({ selected: 0, deliveries: 0, dropped: { filteredOut: 9 } });
    const res = await s.api('POST', '/api/runs', { listId: staff.id, template, audience });
    expect(res.status).toBe(400);
    expect(res.body.error.details.reason).toBe('EMPTY_AUDIENCE');
    expect(res.body.error.message).toContain('nobody in "staff.csv" is in the audience');
    expect(res.body.error.message).toContain('9 do not match the filter');
  });

  it('evaluates date rules on the day the run is scheduled for, in the user\'s time zone', async () => {
    const { runDateIn } = await import('../../shared/audience');
    const at = new Date(Date.now() + 3 * 86_400_000);
    const [today, then] = [runDateIn('Asia/Tokyo', new Date()), runDateIn('Asia/Tokyo', at)];
    const born = (day: string) => `1988${day.slice(4)}`; // a leap year, so 29 February exists too
    const list = ListSummary.parse((await s.upload('birthdays.csv', `name,email,birthDate\nToday,t@example.com,${born(today)}\nThen,l@example.com,${born(then)}\n`)).body);
    const audience = { filter: { type: 'birthdayToday', field: 'birthDate' }, timeZone: 'Asia/Tokyo' };
    const created = await s.api('POST', '/api/runs', {
      listId: list.id, template: { subject: 'Happy {{age}}', html: 'x' }, audience, options: { scheduledAt: at.toISOString() },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('scheduled');
    expect((await deliveriesOf(created.body.id)).map((d) => [d.to, d.values.age])).toEqual([['l@example.com', Number(then.slice(0, 4)) - 1988]]);
    await s.api('POST', `/api/runs/${created.body.id}/cancel`);
  });

  it('applies manual marks by position, or by a key column', async () => {
    const byPosition = AudiencePreview.parse((await preview(staff.id, { filter: sales, include: ['8'], exclude: ['0'] })).body);
    expect(byPosition.recipients.map((r) => r.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(byPosition.dropped).toMatchObject({ filteredOut: 0, markedOut: 1 });
    const byId = AudiencePreview.parse((await preview(staff.id, { filter: sales, rowKey: 'id', include: ['e9'], exclude: ['e1', 'e2'] })).body);
    expect(byId.recipients.map((r) => r.key)).toEqual(['e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
  });

  it('takes addresses by type from the columns chosen, and names a column the list does not have', async () => {
    const contacts = 'name,work,private\nAyşe,ayse@work.example,ayse@home.example\nBora,,bora@home.example\n';
    const list = ListSummary.parse((await s.upload('contacts.csv', contacts, { emailColumn: 'work' })).body);
    const workFirst = AudiencePreview.parse((await preview(list.id, { addressColumns: ['work', 'private'] })).body);
    expect(workFirst.recipients.map((r) => r.to)).toEqual(['ayse@work.example', 'bora@home.example']);
    const privateOnly = AudiencePreview.parse((await preview(list.id, { addressColumns: ['private'] })).body);
    expect(privateOnly.recipients.map((r) => r.to)).toEqual(['ayse@home.example', 'bora@home.example']);
    const wrong = await preview(list.id, { addressColumns: ['work', 'home'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues[0]).toMatchObject({ path: 'audience.addressColumns[1]' });
    expect(wrong.body.error.details.issues[0].message).toMatch(/no column "home"/);
  });

  it('lets each run choose company addresses, default contacts or other contacts of the sample clients', async () => {
    const clients = await listByName('Sample: client contacts');
    expect(clients.companies).toEqual({ typeColumn: 'recipientType' });
    const typesOf = async (companies?: object) => {
      const p = AudiencePreview.parse((await preview(clients.id, companies ? { companies } : {}, 500)).body);
      return { p, types: new Set(p.recipients.map((r) => r.values.recipientType)) };
    };
    const general = await typesOf({ general: true, defaultContact: false, otherContacts: false });
    expect(general.p.rows).toBe(SAMPLE_COMPANY_COUNT);
    expect([...general.types]).toEqual(['company']);
    const byDefault = await typesOf();
    expect(byDefault.p.rows).toBe(2 * SAMPLE_COMPANY_COUNT);
    expect([...byDefault.types].sort()).toEqual(['company', 'defaultContact']);
    const others = await typesOf({ general: false, defaultContact: false, otherContacts: true });
    expect([...others.types]).toEqual(['otherContact']);

    const campaign = 'title = "general manager" and age > 35 and sector = "food" and region in ("Black Sea", "Marmara")';
    const { parseFilterExpression } = await import('../../shared/audience');
    const people = { general: false, defaultContact: true, otherContacts: true };
    const p = AudiencePreview.parse((await preview(clients.id, { companies: people, filter: parseFilterExpression(campaign) })).body);
    expect(p.sendable).toBeGreaterThanOrEqual(3);
    for (const r of p.recipients) expect(r.values).toMatchObject({ title: 'General Manager', sector: 'food' });

    const notCompanies = await preview(staff.id, { companies: people });
    expect(notCompanies.body.error.details.issues[0].path).toBe('audience.companies');
  });

  it('joins the sample employees to their change log and freezes what changed as merge fields', async () => {
    const employees = await listByName('Sample: employees');
    expect(employees.changeLog?.personKeyField).toBe('email');
    const audience = { filter: { type: 'changedOn', date: SAMPLE_CHANGE_DATE, reason: 'salary' }, runDate: SAMPLE_CHANGE_DATE, timeZone: 'Europe/Istanbul' };
    const expected = employeeChangeLog(sampleEmployees()).filter((e) => e.date === SAMPLE_CHANGE_DATE && e.reason === 'salary');
    const p = AudiencePreview.parse((await preview(employees.id, audience)).body);
    expect(p.selected).toBe(expected.length);
    expect(p.derivedFields).toEqual(['changeDate', 'changeReason', 'changeOldValue', 'changeNewValue']);

    const salaryTemplate = { subject: 'Your salary', html: '{{firstName}}: {{changeOldValue}} → {{changeNewValue}} from {{changeDate}}' };
    const created = await s.api('POST', '/api/runs', { listId: employees.id, template: salaryTemplate, audience });
    expect(created.status).toBe(201);
    const run = await s.waitForRun(created.body.id);
    const byAddress = new Map((await deliveriesOf(run.id)).map((d) => [d.to.toLowerCase(), d.values]));
    for (const e of expected) {
      expect(byAddress.get(e.personKey.toLowerCase())).toMatchObject({ changeDate: SAMPLE_CHANGE_DATE, changeOldValue: e.oldValue, changeNewValue: e.newValue });
    }
  });

  it('uses an uploaded list marked as the change log, and asks for one when there is none', async () => {
    const audience = { filter: { type: 'changedOn', date: '2026-07-01' } };
    const missing = await preview(staff.id, audience);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('needs a change log');

    const changes = 'Employee ID;Date;Reason;Old value;New value\ne1;2026-07-01;position;Rep;Lead\ne9;2026-06-30;salary;1;2\n';
    const up = await s.upload('changes.csv', changes, { changeLogFor: staff.id, personKeyField: 'id' });
    expect(up.status).toBe(201);
    const log = ListSummary.parse(up.body);
    expect(log.emailColumn).toBeNull();
    const link = {
      listId: log.id, personKeyField: 'id', columns: { personKey: 'Employee ID', date: 'Date', reason: 'Reason', oldValue: 'Old value', newValue: 'New value' },
    };
    expect(ListSummary.parse((await s.api('GET', `/api/lists/${staff.id}`)).body).changeLog).toEqual(link);
    expect(ListSummary.parse((await s.api('DELETE', `/api/lists/${staff.id}/change-log`)).body).changeLog).toBeNull();
    const relinked = await s.api('PUT', `/api/lists/${staff.id}/change-log`, { changeLogListId: log.id, personKeyField: 'id' });
    expect(ListSummary.parse(relinked.body).changeLog).toEqual(link);
    const p = AudiencePreview.parse((await preview(staff.id, audience)).body);
    expect(p.recipients.map((r) => [r.to, r.values.changeNewValue])).toEqual([['ayse@example.com', 'Lead']]);
    expect(ListSummary.parse((await s.api('DELETE', `/api/lists/${staff.id}/change-log`)).body).changeLog).toBeNull();
  });

  it('keeps an organisation-wide suppression list, also fed from a report', async () => {
    const one = ListSummary.parse((await s.upload('one.csv', 'name,email\nJale,Jale@Example.org\nKaan,kaan@example.org\n')).body);
    const run = await s.waitForRun((await s.api('POST', '/api/runs', { listId: one.id, template: { subject: 'Hi', html: 'x' } })).body.id);
    const jale = (await deliveriesOf(run.id)).find((d) => d.to === 'Jale@Example.org')!;

    const added = await s.api('POST', '/api/suppression', { deliveryId: jale.id, reason: 'bounced' });
    expect(added.status).toBe(201);
    expect(SuppressionEntry.parse(added.body)).toMatchObject({ value: 'jale@example.org', kind: 'address', source: 'report', deliveryId: jale.id, reason: 'bounced' });
    expect((await s.api('POST', '/api/suppression', { address: 'JALE@example.org' })).status).toBe(200);
    expect((await s.api('POST', '/api/suppression', { deliveryId: 'no-such-delivery' })).status).toBe(404);
    const both = await s.api('POST', '/api/suppression', { address: 'a@example.org', domain: 'example.org' });
    expect(both.status).toBe(400);

    const listed = (await s.api('GET', '/api/suppression')).body;
    expect(listed.entries.map((e: SuppressionEntry) => e.value)).toEqual(['blocked.example', 'jale@example.org']);
    expect(AudiencePreview.parse((await preview(one.id, {})).body).dropped.suppressed).toBe(1);

    expect((await s.api('DELETE', `/api/suppression/${encodeURIComponent('Jale@Example.org')}`)).status).toBe(204);
    expect((await s.api('DELETE', '/api/suppression/jale%40example.org')).status).toBe(404);
    expect(AudiencePreview.parse((await preview(one.id, {})).body).dropped.suppressed).toBe(0);
  });

  it('never changes a run\'s report when its list is edited, replaced or deleted later', async () => {
    const list = ListSummary.parse((await s.upload('snap.csv', 'name,email,city\nAyşe,ayse@example.com,İstanbul\nBora,bora@example.com,Ankara\n')).body);
    const audience = { filter: { type: 'equals', field: 'city', value: 'istanbul' }, locale: 'tr-TR' };
    const run = await s.waitForRun((await s.api('POST', '/api/runs', { listId: list.id, template, audience })).body.id);
    const before = await deliveriesOf(run.id);
    const csvBefore = (await s.api('GET', `/api/runs/${run.id}/report.csv`)).body;
    expect(before.map((d) => [d.to, d.values.name, d.values.city])).toEqual([['ayse@example.com', 'Ayşe', 'İstanbul']]);

    await s.api('PATCH', `/api/lists/${list.id}`, { name: 'renamed' });
    await fetch(`${s.url}/api/lists/${list.id}?fileName=snap2.csv`, {
      method: 'PUT', body: 'name,email,city\nZeynep,ayse@example.com,Paris\n', headers: { 'content-type': 'application/octet-stream' },
    });
    expect(await deliveriesOf(run.id)).toEqual(before);
    expect((await s.api('DELETE', `/api/lists/${list.id}`)).status).toBe(204);
    expect(await deliveriesOf(run.id)).toEqual(before);
    expect((await s.api('GET', `/api/runs/${run.id}/report.csv`)).body).toBe(csvBefore);
    expect((await s.api('GET', `/api/runs/${run.id}`)).body.listName).toBe('snap.csv');
  });
});
