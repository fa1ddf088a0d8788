// Recipient lists from Microsoft 365 over HTTP: the real app in Microsoft mode (tokens from a
// stand-in Entra ID) reading the Graph emulator: contacts, a contact folder, the directory with
// birthdays, a group's transitive members, a draft's To and Cc; refresh, owners, errors, and a run
// planned from a directory list. Local mode answers SOURCE_UNAVAILABLE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Delivery, ErrorBody, ListRowsResponse, ListSummary, SourcesResponse } from '../../shared/api';
import { runDateIn } from '../../shared/audience';
import { AppError } from '../../server/errors';
import type { Db } from '../../server/store/db';
import type { GraphEmulator, StoredContact } from '../graph-emulator/index';
import { startTestServer, type TestServer } from '../support/server';
import { apiClaims, type Keys } from './entra';
import { startMicrosoftApp, type MicrosoftApp } from './microsoft-app';

const ADELE = 'a1b2c3d4-0000-4000-8000-0000000000a1';
const MEGAN = 'a1b2c3d4-0000-4000-8000-0000000000b2';
const KEY = Buffer.alloc(32, 7);

let app: MicrosoftApp;
let keys: Keys;
let emulator: GraphEmulator;
let db: Db;
let adele: string;
let megan: string;
let zeynep: StoredContact;

const api = async (token: string, method: string, url: string, body?: unknown) => app.api(method, url, token, body);

const fromSource = async (source: unknown, name?: string, token = adele) =>
  api(token, 'POST', '/api/lists/from-source', { ...(name ? { name } : {}), source });
const rowsOf = async (listId: string, token = adele) =>
  ListRowsResponse.parse((await api(token, 'GET', `/api/lists/${listId}/rows?limit=1000`)).body).rows;
const errorOf = (body: unknown) => ErrorBody.parse(body).error;

beforeAll(async () => {
  // The engine is never started: runs planned here stay queued, nothing is sent.
  app = await startMicrosoftApp({ secretKey: KEY });
  ({ keys, emulator } = app);
  db = app.core.db;
  emulator.addUser({ id: ADELE, userPrincipalName: 'adele@contoso.test', displayName: 'Adele Vance', department: 'HR' });
  emulator.addUser({ id: MEGAN, userPrincipalName: 'megan@contoso.test', displayName: 'Megan Bowen', department: 'Sales' });
  adele = await keys.sign(apiClaims(ADELE));
  megan = await keys.sign(apiClaims(MEGAN, { name: 'Megan Bowen', preferred_username: 'megan@contoso.test' }));

  [zeynep] = emulator.addContacts(ADELE, [
    { givenName: 'Zeynep', surname: 'Kaya', companyName: 'Kaya Lojistik', birthday: '1984-02-29T11:59:00Z',
      emailAddresses: [{ address: 'zeynep@kaya.test' }, { address: 'zeynep.kaya@home.test' }, { address: 'z.kaya@old.test' }],
      mobilePhone: '+90 532 111 22 33', businessAddress: { city: 'İzmir' } },
    { givenName: 'Jan', surname: 'Nowak', emailAddresses: [{ address: 'jan@nowak.test' }] },
    { displayName: 'Reception (no address)', businessPhones: ['+48 22 555 01 02'] },
  ]);
  emulator.addContacts(ADELE, [
    { givenName: 'Ľubomír', surname: 'Šťastný', emailAddresses: [{ address: 'lubomir@klient.test', name: 'Ľubo' }, { address: 'lubo@home.test' }] },
    { givenName: 'Olga', surname: 'Ivanova', emailAddresses: [{ address: 'olga@klient.test' }] },
  ], 'Clients');
});

afterAll(async () => {
  await app.close();
});

describe('recipient sources in Microsoft mode', () => {
  it('lists what the user can draw from: kinds, contact folders, groups by prefix', async () => {
    const payroll = emulator.addGroup({ displayName: 'Payroll', members: [MEGAN] });
    emulator.addGroup({ displayName: 'Marketing', members: [ADELE] });
    const all = SourcesResponse.parse((await api(adele, 'GET', '/api/sources')).body);
    expect(all).toMatchObject({ available: true, reason: null, kinds: ['contacts', 'directory', 'group', 'draft'], groups: null });
    expect(all.contactFolders.map((f) => f.name)).toEqual(['Clients']);
    const found = SourcesResponse.parse((await api(adele, 'GET', '/api/sources?q=Pay')).body);
    expect(found.groups).toEqual([{ id: payroll.id, name: 'Payroll', mail: payroll.mail }]);
    const bad = await api(adele, 'GET', `/api/sources?q=${'x'.repeat(101)}`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).details).toMatchObject({ issues: [{ path: 'q' }] });
  });

  it('makes a list of all contacts, several addresses each as email, email2, email3, usable like an upload', async () => {
    const res = await fromSource({ kind: 'contacts' });
    expect(res.status).toBe(201);
    const list = ListSummary.parse(res.body);
    expect(list).toMatchObject({
      name: 'Outlook contacts', source: 'outlook', fileName: null, rowCount: 3, emailColumn: 'email', phoneColumn: 'mobilePhone',
      origin: { source: { kind: 'contacts' }, label: null, readAt: expect.any(String) },
    });
    expect(list.columns.filter((c) => c.type === 'email').map((c) => c.name)).toEqual(['email', 'email2', 'email3']);
    expect(list.columns.find((c) => c.name === 'birthday')?.type).toBe('date');
    const rows = await rowsOf(list.id);
    expect(rows[0]).toMatchObject({
      id: zeynep.id, givenName: 'Zeynep', email: 'zeynep@kaya.test', email2: 'zeynep.kaya@home.test', email3: 'z.kaya@old.test',
      birthday: '1984-02-29', city: 'İzmir', companyName: 'Kaya Lojistik',
    });
    expect(rows[2]).toMatchObject({ displayName: 'Reception (no address)', email: null, businessPhone: '+48 22 555 01 02' });
    // Address columns of the run, as with an uploaded file: the private address first, else the work one.
    const preview = await api(adele, 'POST', '/api/audience/preview', { listId: list.id, audience: { addressColumns: ['email2', 'email'] } });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients.map((r: { to: string; status: string }) => [r.to, r.status])).toEqual([
      ['zeynep.kaya@home.test', 'pending'], ['jan@nowak.test', 'pending'], ['', 'skipped'],
    ]);
    expect(preview.body.dropped.noAddress).toBe(1);
  });

  it('reads one contact folder, named after it; another id is NOT_FOUND', async () => {
    const folders = SourcesResponse.parse((await api(adele, 'GET', '/api/sources')).body).contactFolders;
    const res = await fromSource({ kind: 'contacts', folderId: folders[0].id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Contacts: Clients', rowCount: 2, origin: { label: 'Clients' } });
    expect((await rowsOf(res.body.id)).map((r) => [r.email, r.email2])).toEqual([['lubomir@klient.test', 'lubo@home.test'], ['olga@klient.test', null]]);
    const missing = await fromSource({ kind: 'contacts', folderId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAA' });
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no contact folder') });
  });

  it('reads the directory with birthdays and hire dates ($batch per 20 users), and plans a "birthday today" run from it', async () => {
    const today = runDateIn('UTC', new Date());
    // Leap years, so a 29 February today works too.
    const born = (year: number, day: string) => `${year}${day.slice(4)}`;
    const other = today.endsWith('-01-15') ? '-02-15' : '-01-15';
    for (let i = 1; i <= 23; i++) {
      emulator.addUser({
        userPrincipalName: `emp${i}@contoso.test`, givenName: `Emp${i}`, department: i % 2 ? 'Payroll' : 'IT', city: i % 3 ? 'Kraków' : 'Bratislava',
        jobTitle: 'Analyst', birthday: i === 4 || i === 17 ? born(i === 4 ? 1988 : 2004, today) : `1980${other}`, hireDate: `2016-03-${String(i).padStart(2, '0')}`,
        employeeHireDate: `2016-03-${String(i).padStart(2, '0')}T08:00:00Z`,
      });
    }
    const singleGets = emulator.faults.add({ method: 'GET', path: /^\/users\/[^/]+$/, action: { type: 'delay', ms: 0 } });
    const batches = emulator.faults.add({ method: 'POST', path: '/$batch', action: { type: 'delay', ms: 0 } });
    const res = await fromSource({ kind: 'directory' }, 'Everyone');
    singleGets.remove();
    batches.remove();
    expect(res.status).toBe(201);
    const list = ListSummary.parse(res.body);
    expect(list).toMatchObject({ name: 'Everyone', rowCount: 25, origin: { source: { kind: 'directory' }, label: null } });
    expect(batches.matched).toBe(2);
    expect(singleGets.matched).toBe(25);
    const rows = await rowsOf(list.id);
    expect(rows.find((r) => r.email === 'emp4@contoso.test')).toMatchObject({
      birthday: born(1988, today), hireDate: '2016-03-04', employeeHireDate: '2016-03-04', department: 'IT', city: 'Kraków', jobTitle: 'Analyst',
    });
    expect(rows.find((r) => r.email === 'adele@contoso.test')).toMatchObject({ birthday: null, hireDate: null, department: 'HR' });

    const audience = { filter: { type: 'birthdayToday', field: 'birthday' }, timeZone: 'UTC' };
    const preview = await api(adele, 'POST', '/api/audience/preview', { listId: list.id, audience });
    expect(preview.body).toMatchObject({ rows: 25, selected: 2 });
    const run = await api(adele, 'POST', '/api/runs', { listId: list.id, template: { subject: 'Happy {{age}}, {{givenName}}', html: '<p>{{department}}</p>' }, audience });
    expect(run.status).toBe(201);
    const deliveries = (await api(adele, 'GET', `/api/runs/${run.body.id}/deliveries?limit=100`)).body.deliveries.map((d: unknown) => Delivery.parse(d));
    const year = Number(today.slice(0, 4));
    expect(deliveries.map((d: Delivery) => [d.to, d.values.age]).sort()).toEqual([
      ['emp17@contoso.test', year - 2004], ['emp4@contoso.test', year - 1988],
    ]);
    expect((await api(adele, 'POST', `/api/runs/${run.body.id}/cancel`)).status).toBe(200);
  });

  it("reads a group's people, nested groups included, each once, with their dates; an unknown group is NOT_FOUND", async () => {
    const people = ['ann', 'bob', 'cem'].map((n) => emulator.addUser({ userPrincipalName: `${n}@contoso.test`, birthday: '1991-07-07' }));
    const inner = emulator.addGroup({ displayName: 'Payroll İstanbul', members: [people[1].id, people[2].id] });
    const outer = emulator.addGroup({ displayName: 'Payroll Türkiye', members: [people[0].id, people[1].id, inner.id] });
    const res = await fromSource({ kind: 'group', groupId: outer.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Group: Payroll Türkiye', rowCount: 3, origin: { source: { kind: 'group', groupId: outer.id }, label: 'Payroll Türkiye' } });
    const rows = await rowsOf(res.body.id);
    expect(rows.map((r) => r.email).sort()).toEqual(['ann@contoso.test', 'bob@contoso.test', 'cem@contoso.test']);
    expect(rows.every((r) => r.birthday === '1991-07-07')).toBe(true);
    const unknown = await fromSource({ kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('NOT_FOUND');
  });

  it("makes a list of the draft's To and Cc, each address once; a draft without any is refused", async () => {
    const draft = emulator.saveOutlookDraft(ADELE, {
      subject: 'Quarterly review',
      toRecipients: [{ emailAddress: { address: 'ayse@example.com', name: 'Ayşe Yılmaz' } }, { emailAddress: { address: 'bora@example.com' } }],
      ccRecipients: [{ emailAddress: { address: 'AYSE@example.com', name: 'Ayşe' } }, { emailAddress: { address: 'olga@example.com', name: 'Ольга' } }],
    });
    const res = await fromSource({ kind: 'draft', itemId: draft.restId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Recipients of "Quarterly review"', rowCount: 3, emailColumn: 'email', phoneColumn: null });
    expect(await rowsOf(res.body.id)).toEqual([
      { email: 'ayse@example.com', name: 'Ayşe Yılmaz', recipientType: 'to' },
      { email: 'bora@example.com', name: null, recipientType: 'to' },
      { email: 'olga@example.com', name: 'Ольга', recipientType: 'cc' },
    ]);
    // Remembered by its immutable id (the REST id changes once the draft is sent), so it can be read again.
    expect(ListSummary.parse(res.body).origin?.source).toEqual({ kind: 'draft', itemId: draft.immutableId });
    expect((await api(adele, 'POST', `/api/lists/${res.body.id}/refresh`)).status).toBe(200);
    const empty = emulator.saveOutlookDraft(ADELE, { subject: 'Nobody yet' });
    const refused = await fromSource({ kind: 'draft', itemId: empty.restId });
    expect(refused.status).toBe(422);
    expect(errorOf(refused.body)).toMatchObject({ code: 'IMPORT_FAILED', details: { reason: 'EMPTY_SOURCE' } });
  });

  it('refreshes a source-backed list in place after the contacts change, keeping its settings', async () => {
    const created = ListSummary.parse((await fromSource({ kind: 'contacts' }, 'Customers')).body);
    expect((await api(adele, 'PATCH', `/api/lists/${created.id}`, { emailColumn: 'email2', name: 'Customers 2026' })).status).toBe(200);
    zeynep.emailAddresses = [{ address: 'zeynep@kaya-yeni.test' }];
    emulator.addContacts(ADELE, [{ givenName: 'Marek', surname: 'Kováč', emailAddresses: [{ address: 'marek@example.sk' }] }]);
    const res = await api(adele, 'POST', `/api/lists/${created.id}/refresh`);
    expect(res.status).toBe(200);
    const refreshed = ListSummary.parse(res.body);
    expect(refreshed).toMatchObject({ id: created.id, name: 'Customers 2026', emailColumn: 'email2', rowCount: 4, source: 'outlook' });
    expect(refreshed.origin!.readAt > created.origin!.readAt).toBe(true);
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => r.email)).toEqual(['zeynep@kaya-yeni.test', 'jan@nowak.test', null, 'marek@example.sk']);
    expect(rows[0].email2).toBeNull();
  });

  it("keeps lists to their owners: another user's list is not found, not refreshed", async () => {
    const mine = ListSummary.parse((await fromSource({ kind: 'contacts' })).body);
    const theirs = await api(megan, 'POST', `/api/lists/${mine.id}/refresh`);
    expect(theirs.status).toBe(404);
    expect(errorOf(theirs.body).code).toBe('NOT_FOUND');
    expect((await api(megan, 'GET', `/api/lists/${mine.id}`)).status).toBe(404);
    // Megan reads her own (empty) Contacts folder, never Adele's.
    const own = await fromSource({ kind: 'contacts' }, undefined, megan);
    expect(own.status).toBe(422);
    expect(errorOf(own.body).message).toBe('Your Contacts folder has no contacts.');
  });

  it('refuses to refresh a list from a file (409), and to replace a source list with a file', async () => {
    const upload = await fetch(`${app.base}/api/lists?fileName=people.csv`, {
      method: 'POST', body: 'name,email\nAyşe,ayse@example.com\n', headers: { authorization: `Bearer ${adele}`, 'content-type': 'text/csv' },
    });
    const file = ListSummary.parse(await upload.json());
    expect(file.origin).toBeNull();
    const res = await api(adele, 'POST', `/api/lists/${file.id}/refresh`);
    expect(res.status).toBe(409);
    expect(errorOf(res.body)).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'NOT_FROM_SOURCE' } });

    const source = ListSummary.parse((await fromSource({ kind: 'contacts' })).body);
    const put = await fetch(`${app.base}/api/lists/${source.id}?fileName=people.csv`, {
      method: 'PUT', body: 'name,email\nAyşe,ayse@example.com\n', headers: { authorization: `Bearer ${adele}`, 'content-type': 'text/csv' },
    });
    expect(put.status).toBe(409);
    expect(errorOf(await put.json())).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'FROM_SOURCE' } });
  });

  it('names the bad field of a request', async () => {
    const noGroup = await fromSource({ kind: 'group' });
    expect(noGroup.status).toBe(400);
    expect(errorOf(noGroup.body)).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'source.groupId' }] } });
    const kind = await fromSource({ kind: 'calendar' });
    expect(errorOf(kind.body).details).toMatchObject({ issues: [{ path: 'source.kind' }] });
    const injected = await fromSource({ kind: 'contacts', folderId: '../../users' });
    expect(errorOf(injected.body).details).toMatchObject({ issues: [{ path: 'source.folderId' }] });
    const name = await api(adele, 'POST', '/api/lists/from-source', { name: ' ', source: { kind: 'directory' } });
    expect(errorOf(name.body).details).toMatchObject({ issues: [{ path: 'name' }] });
  });

  it('turns Graph failures into coded errors, never a 500', async () => {
    const down = emulator.faults.add({ method: 'GET', path: '/users', action: { type: 'status', status: 504 } });
    const res = await fromSource({ kind: 'directory' });
    down.remove();
    expect(res.status).toBe(502);
    expect(errorOf(res.body)).toMatchObject({ code: 'PROVIDER_FAILED', details: { providerCode: 'GATEWAY_TIMEOUT' } });
    const denied = emulator.faults.add({ method: 'GET', path: '/me/contactFolders', action: { type: 'status', status: 403 } });
    const sources = await api(adele, 'GET', '/api/sources');
    denied.remove();
    expect(sources.status).toBe(502);
    expect(errorOf(sources.body).message).toContain('permissions');
  });
});

describe('recipient sources in local mode', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('says sources need Microsoft 365, and refuses to read one with SOURCE_UNAVAILABLE', async () => {
    const sources = SourcesResponse.parse((await s.api('GET', '/api/sources')).body);
    expect(sources).toMatchObject({ available: false, kinds: [], contactFolders: [], groups: null });
    expect(sources.reason).toContain('need Microsoft 365');
    const res = await s.api('POST', '/api/lists/from-source', { source: { kind: 'directory' } });
    expect(res.status).toBe(409);
    expect(errorOf(res.body)).toMatchObject({ code: 'SOURCE_UNAVAILABLE', details: { provider: 'local' } });
    const file = ListSummary.parse((await s.upload('p.csv', 'email\na@example.com\n')).body);
    expect((await s.api('POST', `/api/lists/${file.id}/refresh`)).body.error.code).toBe('INVALID_STATE');
    expect((await s.api('POST', '/api/lists/nope/refresh')).status).toBe(404);
  });
});
