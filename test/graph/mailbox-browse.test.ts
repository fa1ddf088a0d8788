import http from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageDetail, MessagesResponse } from '../../shared/api';
import { AppError } from '../../server/errors';
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { TAG_PROPERTY_ID } from '../../server/providers/graph/requests';
import { parseTag, type Mailbox, type OutgoingMessage } from '../../server/providers/mailbox';
import { openDb, type Db } from '../../server/store/db';
import { upsertUser } from '../../server/store/users';
import type { GraphEmulator } from '../graph-emulator/index';
import { apiClaims, TENANT, type Keys } from './entra';
import { FAST, startGraphHarness, testMessage, type GraphHarness } from './harness';
import { startMicrosoftApp, type MicrosoftApp } from './microsoft-app';

const COUNT = 25;


const NOTE = { name: 'note.txt', contentType: 'text/plain', content: new TextEncoder().encode('hello') };

/** Sends COUNT tagged messages (the first with a file) and files them in a new folder, oldest first. */
async function sendInto(mailbox: Mailbox, folderName: string): Promise<string> {
  const folder = await mailbox.createFolder(folderName);
  for (let n = 1; n <= COUNT; n++) await mailbox.send(testMessage(n, n === 1 ? { attachments: [NOTE] } : {}), { folderId: folder.id });
  return folder.id;
}

/** Delivery ids, newest first, of the messages numbered `from` down to `to`. */
const deliveries = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `d${from - i}`);

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err);

describe('parseTag', () => {
  it('reads runId:deliveryId, and nothing else, for every provider alike', () => {
    expect(parseTag('run-1:d7')).toEqual({ runId: 'run-1', deliveryId: 'd7' });
    expect(parseTag('run-1')).toBeNull();
    expect(parseTag(':d7')).toBeNull();
    expect(parseTag(null)).toBeNull();
  });
});

describe('browsing a Graph mailbox through the provider', () => {
  let h: GraphHarness;
  let folderId: string;
  const requests: Array<{ url: string; prefer: string | null }> = [];

  beforeAll(async () => {
    const recording: typeof fetch = (input, init) => {
      requests.push({ url: String(input instanceof Request ? input.url : input), prefer: new Headers(init?.headers).get('prefer') });
      return fetch(input, init);
    };
    h = await startGraphHarness({ emulator: { sentCopyLagMs: 0 }, provider: { fetch: recording } });
    folderId = await sendInto(h.mailbox, 'Browse');
  });

  afterAll(async () => {
    await h.close();
  });

  afterEach(() => {
    h.emulator.faults.clear();
    requests.length = 0;
  });

  it('lists a folder a page at a time, newest first, with the folder\'s total', async () => {
    const pages = [];
    for (const offset of [0, 10, 20, 30]) pages.push(await h.mailbox.listMessages(folderId, { offset, limit: 10 }));
    expect(pages.map((p) => p.total)).toEqual([COUNT, COUNT, COUNT, COUNT]);
    expect(pages.map((p) => p.messages.map((m) => m.tag?.deliveryId))).toEqual([deliveries(25, 16), deliveries(15, 6), deliveries(5, 1), []]);

    const sent = new Map(h.emulator.sentLog.map((s) => [s.messageId, s]));
    const last = pages[2].messages[4];
    expect(last).toEqual({
      id: expect.any(String), folderId, messageId: sent.get(last.id)!.internetMessageId.replace(/^<|>$/g, ''), to: ['person1@example.test'],
      subject: 'Hello 1', tag: { runId: 'run-1', deliveryId: 'd1' }, createdAt: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(last.createdAt))).toBe(false);
    // Immutable ids: the ones the send path recorded.
    expect(pages.flatMap((p) => p.messages.map((m) => m.id)).every((id) => sent.has(id))).toBe(true);
  });

  it('asks Graph for the page with $select, the tag property, $top, $skip and $count, with immutable ids', async () => {
    await h.mailbox.listMessages(folderId, { offset: 10, limit: 5 });
    const list = requests.find((r) => r.url.includes('/messages?'))!;
    const query = new URL(list.url).searchParams;
    expect(new URL(list.url).pathname).toMatch(new RegExp(`/me/mailFolders/${encodeURIComponent(folderId)}/messages$`));
    expect(query.get('$select')!.split(',')).toEqual(expect.arrayContaining(['subject', 'toRecipients', 'internetMessageId', 'sentDateTime', 'parentFolderId']));
    expect(query.get('$expand')).toBe(`singleValueExtendedProperties($filter=id eq '${TAG_PROPERTY_ID}')`);
    expect([query.get('$top'), query.get('$skip'), query.get('$count')]).toEqual(['5', '10', 'true']);
    expect(requests.every((r) => r.prefer === 'IdType="ImmutableId"')).toBe(true);
  });

  it('shows a message without the tag property untagged', async () => {
    h.emulator.receiveMessage(h.user.id, { subject: 'Out of office', toRecipients: [{ emailAddress: { address: 'adele@contoso.test' } }] });
    const inbox = await h.mailbox.listMessages('inbox', { offset: 0, limit: 10 });
    expect(inbox.messages.map((m) => [m.subject, m.tag])).toEqual([['Out of office', null]]);
  });

  it('reads one message: headers, decoded bodies, attachments and its tag', async () => {
    const first = (await h.mailbox.listMessages(folderId, { offset: 24, limit: 1 })).messages[0];
    const detail = MessageDetail.parse(await h.mailbox.getMessage(first.id));
    expect(detail).toMatchObject({ ...first, subject: 'Hello 1', tag: { runId: 'run-1', deliveryId: 'd1' } });
    expect(detail.html).toContain('Dear person 1');
    expect(detail.text).toContain('Dear person 1');
    expect(detail.headers.find((x) => x.name.toLowerCase() === 'x-seriatim-tag')?.value).toBe('run-1:d1');
    expect(detail.headers.find((x) => x.name.toLowerCase() === 'subject')?.value).toBe('Hello 1');
    expect(detail.attachments).toEqual([{ name: 'note.txt', contentType: 'text/plain', size: 5, inline: false, contentId: null }]);
    expect(detail.size).toBe((await h.mailbox.getRawMessage(first.id)).length);
  });

  it('returns the raw MIME through $value', async () => {
    const second = (await h.mailbox.listMessages(folderId, { offset: 23, limit: 1 })).messages[0];
    const raw = await h.mailbox.getRawMessage(second.id);
    expect(requests.some((r) => new URL(r.url).pathname.endsWith(`/me/messages/${encodeURIComponent(second.id)}/$value`))).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Hello 2');
    expect(parsed.headers.get('x-seriatim-tag')).toBe('run-1:d2');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toContain('person2@example.test');
  });

  it('answers NOT_FOUND for an unknown or deleted message and FOLDER_NOT_FOUND for an unknown folder', async () => {
    for (const read of [(id: string) => h.mailbox.getMessage(id), (id: string) => h.mailbox.getRawMessage(id)]) {
      const err = await rejection(read('AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnotThere'));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'NOT_FOUND', status: 404 });
      expect((err as AppError).message).toContain('There is no message');
    }
    const gone = h.emulator.receiveMessage(h.user.id, { subject: 'Deleted soon' });
    h.emulator.mailbox(h.user.id).deleteMessage(gone);
    expect(await rejection(h.mailbox.getMessage(gone.immutableId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(h.mailbox.listMessages('AAMkNoSuchFolder', { offset: 0, limit: 10 }))).toMatchObject({ code: 'FOLDER_NOT_FOUND', status: 404 });
  });

  it('waits out throttling and transient failures, and reports what persists as PROVIDER_FAILED', async () => {
    const throttled = h.emulator.faults.add({ method: 'GET', path: /\/messages$/, times: 1, action: { type: 'status', status: 429, retryAfterSec: 0 } });
    const unavailable = h.emulator.faults.add({ method: 'GET', path: /\/\$value$/, times: 2, action: { type: 'status', status: 503, retryAfterSec: 0 } });
    const page = await h.mailbox.listMessages(folderId, { offset: 0, limit: 1 });
    expect(page.total).toBe(COUNT);
    expect((await h.mailbox.getRawMessage(page.messages[0].id)).length).toBeGreaterThan(0);
    expect([throttled.fired, unavailable.fired]).toEqual([1, 2]);
    h.emulator.faults.add({ method: 'GET', path: /\/\$value$/, action: { type: 'status', status: 500 } });
    const err = await rejection(h.mailbox.getMessage(page.messages[0].id));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'PROVIDER_FAILED', status: 502, details: { providerCode: 'SERVER_ERROR', kind: 'transient' } });
  });
});

describe('the mailbox routes in Microsoft mode', () => {
  const OID = 'b2c3d4e5-0000-4000-8000-00000000000b';
  let app: MicrosoftApp;
  let keys: Keys;
  let emulator: GraphEmulator;
  let seedDb: Db;
  let base: string;
  let token: string;
  let folderId: string;

  /** A GET whose path goes on the wire exactly as written. */
  function rawGet(pathname: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}/`, { path: pathname, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async function get(url: string) {
    const res = await fetch(base + url, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(bytes.toString('utf8')) : null;
    return { status: res.status, headers: res.headers, bytes, body: json };
  }

  beforeAll(async () => {
    app = await startMicrosoftApp({ emulator: { sentCopyLagMs: 0 }, secretKey: Buffer.alloc(32, 5) });
    ({ keys, emulator, base } = app);
    emulator.addUser({ id: OID, userPrincipalName: 'adele@contoso.test', displayName: 'Adele Vance' });
    // The messages are sent the way the engine sends them, through the provider, before anyone browses.
    seedDb = openDb(path.join(app.env.SERIATIM_DATA_DIR, 'seed.db'));
    const user = upsertUser(seedDb, { id: `${OID}.${TENANT}`, tenantId: TENANT, email: 'adele@contoso.test', name: 'Adele Vance' });
    const sender = createGraphProvider({ db: seedDb, graphUrl: emulator.url, tokens: { getToken: async () => emulator.issueToken(OID) }, ...FAST });
    folderId = await sendInto(sender.open(user), 'Campaign 2025');
    token = await keys.sign(apiClaims(OID));
  });

  afterAll(async () => {
    seedDb.close();
    await app.close();
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  it('lists the Graph folder\'s messages page by page, by id or by name', async () => {
    const page = await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages?offset=10&limit=10`);
    expect(page.status).toBe(200);
    const parsed = MessagesResponse.parse(page.body);
    expect(parsed.total).toBe(COUNT);
    expect(parsed.messages.map((m) => m.tag?.deliveryId)).toEqual(deliveries(15, 6));
    expect(parsed.messages.every((m) => m.folderId === folderId)).toBe(true);
    const byName = MessagesResponse.parse((await get('/api/mailbox/folders/Campaign%202025/messages?limit=3')).body);
    expect(byName.messages.map((m) => m.subject)).toEqual(['Hello 25', 'Hello 24', 'Hello 23']);
    expect(MessagesResponse.parse((await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages`)).body).messages).toHaveLength(COUNT);
  });

  it('reads one message and its raw MIME from Graph', async () => {
    const [m] = MessagesResponse.parse((await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages?offset=24&limit=1`)).body).messages;
    const res = await get(`/api/mailbox/messages/${encodeURIComponent(m.id)}`);
    expect(res.status).toBe(200);
    const detail = MessageDetail.parse(res.body);
    expect(detail).toMatchObject({ id: m.id, subject: 'Hello 1', to: ['person1@example.test'], tag: { runId: 'run-1', deliveryId: 'd1' } });
    expect(detail.html).toContain('Dear person 1');
    expect(detail.headers.find((x) => x.name.toLowerCase() === 'x-seriatim-tag')?.value).toBe('run-1:d1');
    expect(detail.attachments.map((a) => a.name)).toEqual(['note.txt']);

    const raw = await get(`/api/mailbox/messages/${encodeURIComponent(m.id)}/raw`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename="?[A-Za-z0-9._-]+\.eml"?$/);
    const parsed = await simpleParser(raw.bytes);
    expect(parsed.subject).toBe('Hello 1');
    expect(parsed.headers.get('x-seriatim-tag')).toBe('run-1:d1');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['note.txt']);
  });

  it('answers 404 with a code for unknown messages and folders, and 502 (never 500) when Graph keeps failing', async () => {
    const unknown = await get('/api/mailbox/messages/AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnotThere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('There is no message') });
    expect((await get('/api/mailbox/messages/AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnotThere/raw')).body.error.code).toBe('NOT_FOUND');
    const folder = await get('/api/mailbox/folders/Nowhere/messages');
    expect(folder.status).toBe(404);
    expect(folder.body.error.code).toBe('FOLDER_NOT_FOUND');
    expect((await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages?limit=0`)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages?offset=99999999`)).body.error.code).toBe('VALIDATION_FAILED');
    // An id that a URL would resolve away ("/me/messages/.." is "/me/") is refused before Graph sees it.
    // (fetch would resolve it itself, so the request is written as a client that does not would send it.)
    for (const dots of ['%2e%2e', '%2E']) {
      const refused = await rawGet(`/api/mailbox/messages/${dots}/raw`);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.text).error.details.issues).toEqual([{ path: 'id', message: 'not a message id' }]);
    }

    const [m] = MessagesResponse.parse((await get(`/api/mailbox/folders/${encodeURIComponent(folderId)}/messages?limit=1`)).body).messages;
    emulator.faults.add({ method: 'GET', path: /\/\$value$/, action: { type: 'status', status: 500 } });
    const failing = await get(`/api/mailbox/messages/${encodeURIComponent(m.id)}/raw`);
    expect(failing.status).toBe(502);
    expect(failing.body.error.code).toBe('PROVIDER_FAILED');
  });
});
