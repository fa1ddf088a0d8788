import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundGrantStatus, MeResponse } from '../../shared/api';
import { createMicrosoftAuth } from '../../server/auth/microsoft';
import { seal } from '../../server/auth/sealed';
import type { AccountKey, TokenClient } from '../../server/auth/token-client';
import { loadConfig } from '../../server/config';
import { AppError } from '../../server/errors';
import { startServer } from '../../server/main';
import type { Db } from '../../server/store/db';
import { deleteGrant, findGrant, saveGrant } from '../../server/store/grants';
import type { GraphEmulator } from '../graph-emulator/index';
import { apiClaims, AUTHORITY, CLIENT_ID, TENANT, type Keys } from './entra';
import { startMicrosoftApp, type MicrosoftApp } from './microsoft-app';

const OID = 'a1b2c3d4-0000-4000-8000-00000000000a';
const KEY = Buffer.alloc(32, 3);

let app: MicrosoftApp;
let keys: Keys;
let emulator: GraphEmulator;
let db: Db;
let base: string;
let refuseWith: AppError | null = null;
const calls: Array<{ kind: string; assertion?: string }> = [];

/** The injected token client: Entra ID's answer is an emulator token for the same person. */
const client: TokenClient = {
  async onBehalfOf(account: AccountKey, assertion: string) {
    calls.push({ kind: 'obo', assertion });
    if (refuseWith) throw refuseWith;
    return emulator.issueToken(account.userId.split('.')[0]);
  },
  async grant(account: AccountKey) {
    calls.push({ kind: 'grant' });
    saveGrant(db, account.userId, seal(KEY, account.userId, '{}'), ['Mail.Send']);
  },
  async background(account: AccountKey) {
    calls.push({ kind: 'background' });
    return emulator.issueToken(account.userId.split('.')[0]);
  },
  async revoke(account: AccountKey) {
    deleteGrant(db, account.userId);
  },
};

const api = (method: string, url: string, token?: string, body?: unknown) => app.api(method, url, token, body);

beforeAll(async () => {
  app = await startMicrosoftApp({ client: () => client, secretKey: KEY, env: { SERIATIM_ORG_LIMITS: JSON.stringify({ [TENANT]: { perDay: 2500 } }) } });
  ({ keys, emulator, base } = app);
  db = app.core.db;
  emulator.addUser({ id: OID, userPrincipalName: 'adele@contoso.test', displayName: 'Adele Vance' });
});

afterAll(async () => {
  await app.close();
});

describe('the API in Microsoft mode', () => {
  it('refuses a request without a token, or with a bad one, with 401 and WWW-Authenticate', async () => {
    const none = await api('GET', '/api/mailbox/folders');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const expired = await api('GET', '/api/mailbox/folders', await keys.sign(apiClaims(OID), { expiresIn: Math.floor(Date.now() / 1000) - 600 }));
    expect(expired.status).toBe(401);
    expect(expired.body.error.details.reason).toBe('token-expired');
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('serves the signed-in user\'s own Graph mailbox, on behalf of the pane\'s token', async () => {
    const token = await keys.sign(apiClaims(OID));
    const res = await api('GET', '/api/mailbox/folders', token);
    expect(res.status).toBe(200);
    const sent = res.body.folders.find((f: { wellKnownName: string }) => f.wellKnownName === 'sentitems');
    expect(sent).toMatchObject({ name: 'Sent Items', parentId: null });
    expect(calls.at(-1)).toEqual({ kind: 'obo', assertion: token });
    const created = await api('POST', '/api/mailbox/folders', token, { name: 'Campaigns' });
    expect(created.status).toBe(201);
    const again = await api('POST', '/api/mailbox/folders', token, { name: 'campaigns' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FOLDER_EXISTS');
  });

  it('passes consent and claims problems to the pane unchanged', async () => {
    const token = await keys.sign(apiClaims(OID, { jti: 'second' }));
    refuseWith = new AppError('FORBIDDEN', 'Ask an administrator to grant admin consent.', { reason: 'consent-required' });
    const consent = await api('GET', '/api/mailbox/folders', token);
    refuseWith = new AppError('UNAUTHENTICATED', 'Verify again.', { reason: 'claims-challenge', claims: '{"access_token":{}}' });
    const claims = await api('GET', '/api/mailbox/folders', token);
    refuseWith = null;
    expect(consent.status).toBe(403);
    expect(consent.body.error.details.reason).toBe('consent-required');
    expect(claims.status).toBe(401);
    expect(claims.body.error.details).toEqual({ reason: 'claims-challenge', claims: '{"access_token":{}}' });
  });

  it('says on /api/me that it sends through Graph, with the organisation\'s limits and the caller\'s role', async () => {
    const me = await api('GET', '/api/me', await keys.sign(apiClaims(OID)));
    expect(me.status).toBe(200);
    expect(MeResponse.parse(me.body)).toEqual({
      user: { id: `${OID}.${TENANT}`, name: 'Adele Vance', email: 'adele@contoso.test' },
      mode: 'microsoft',
      provider: 'graph',
      limits: { perMinute: 30, perDay: 2500, concurrency: 2 },
      admin: false,
      backgroundGrant: { granted: false, grantedAt: null, updatedAt: null },
    });
    const admin = await api('GET', '/api/me', await keys.sign(apiClaims(OID, { roles: ['Seriatim.Admin'] })));
    expect(admin.body.admin).toBe(true);
  });

  it('grants, uses and revokes background sending', async () => {
    const token = await keys.sign(apiClaims(OID));
    expect((await api('GET', '/api/background-grant', token)).body.granted).toBe(false);
    expect((await api('GET', '/api/me', token)).body.backgroundGrant).toEqual({ granted: false, grantedAt: null, updatedAt: null });
    const granted = await api('POST', '/api/background-grant', token);
    expect(granted.status).toBe(201);
    expect(granted.body.granted).toBe(true);
    expect(BackgroundGrantStatus.parse(granted.body)).toEqual(granted.body);
    expect((await api('GET', '/api/me', token)).body.backgroundGrant).toEqual(granted.body);
    // After a restart there is no pane token in memory: tokens come from the grant.
    const restarted = createMicrosoftAuth({ config: loadConfig({
      SERIATIM_PROVIDER: 'graph', SERIATIM_TENANT_ID: TENANT, SERIATIM_CLIENT_ID: CLIENT_ID, SERIATIM_CLIENT_SECRET: 'app-secret',
      SERIATIM_SECRET_KEY: KEY.toString('base64'), SERIATIM_AUTHORITY_URL: AUTHORITY, SERIATIM_JWKS_URL: keys.jwksUrl,
    }).graph!, db, client });
    const user = { id: `${OID}.${TENANT}`, name: 'Adele Vance', email: 'adele@contoso.test' };
    await restarted.tokens.getToken(user);
    expect(calls.at(-1)).toEqual({ kind: 'background' });
    expect((await api('DELETE', '/api/background-grant', token)).status).toBe(204);
    expect(findGrant(db, user.id)).toBeUndefined();
    expect((await api('GET', '/api/background-grant', token)).body.granted).toBe(false);
    expect((await api('GET', '/api/me', token)).body.backgroundGrant.granted).toBe(false);
    expect(await restarted.tokens.getToken(user).catch((e: AppError) => (e.details as { reason: string }).reason)).toBe('sign-in-required');
  });
});

describe('startServer in Microsoft mode', () => {
  it('wires bearer authentication, the grant routes and the Graph provider from the environment', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-graph-mode-'));
    const running = await startServer({ port: 0, dataDir: data, seedSamples: false, logLevel: 'silent' }, {
      SERIATIM_PROVIDER: 'graph', SERIATIM_TENANT_ID: TENANT, SERIATIM_CLIENT_ID: CLIENT_ID, SERIATIM_CLIENT_SECRET: 'app-secret',
      SERIATIM_SECRET_KEY: KEY.toString('base64'), SERIATIM_GRAPH_URL: emulator.url, SERIATIM_AUTHORITY_URL: AUTHORITY, SERIATIM_JWKS_URL: keys.jwksUrl,
    });
    try {
      expect(running.core.provider.name).toBe('graph');
      expect((await fetch(`${running.url}/api/background-grant`)).status).toBe(401);
      const token = await keys.sign(apiClaims(OID));
      const grant = await fetch(`${running.url}/api/background-grant`, { headers: { authorization: `Bearer ${token}` } });
      expect(await grant.json()).toEqual({ granted: false, grantedAt: null, updatedAt: null });
      const me = await fetch(`${running.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ mode: 'microsoft', provider: 'graph', admin: false, backgroundGrant: { granted: false } });
    } finally {
      await running.close();
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('download links in Microsoft mode', () => {
  const upload = async (token: string, name: string, text: string) => {
    const res = await fetch(`${base}/api/files?fileName=${encodeURIComponent(name)}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: text,
    });
    return (await res.json()) as { id: string };
  };
  const get = async (url: string) => {
    const res = await fetch(base + url);
    return { status: res.status, text: await res.text() };
  };

  it('opens a file with a one-minute, single-use ticket instead of a bearer token, for that path only', async () => {
    const token = await keys.sign(apiClaims(OID));
    const file = await upload(token, 'bordro-açıklaması.txt', 'Şükrü Öztürk — Ekim');
    expect((await get(`/api/files/${file.id}`)).status).toBe(401);

    const issued = await api('POST', '/api/downloads', token, { path: `/api/files/${file.id}` });
    expect(issued.status).toBe(201);
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    const first = await get(issued.body.url);
    expect(first).toEqual({ status: 200, text: 'Şükrü Öztürk — Ekim' });
    const again = await get(issued.body.url);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.text).error.details.reason).toBe('ticket-used');

    const other = await upload(token, 'other.txt', 'other');
    const ticket = new URL(base + (await api('POST', '/api/downloads', token, { path: `/api/files/${file.id}` })).body.url).searchParams.get('ticket') as string;
    const elsewhere = await get(`/api/files/${other.id}?ticket=${encodeURIComponent(ticket)}`);
    expect(elsewhere.status).toBe(401);
    expect(JSON.parse(elsewhere.text).error.details.reason).toBe('ticket-invalid');
    const forged = await get(`/api/files/${file.id}?ticket=${encodeURIComponent(ticket.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))}`);
    expect(forged.status).toBe(401);
  });

  it('offers tickets only for downloads, and a ticket never opens what its user does not own', async () => {
    const token = await keys.sign(apiClaims(OID));
    const refused = await api('POST', '/api/downloads', token, { path: '/api/lists' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect((await api('POST', '/api/downloads', undefined, { path: '/api/lists' })).status).toBe(401);

    const mine = await upload(token, 'mine.txt', 'private');
    const stranger = await keys.sign(apiClaims('b2c3d4e5-0000-4000-8000-00000000000b', { name: 'Megan Bowen', preferred_username: 'megan@contoso.test' }));
    const theirs = await api('POST', '/api/downloads', stranger, { path: `/api/files/${mine.id}` });
    expect(theirs.status).toBe(201);
    expect((await get(theirs.body.url)).status).toBe(404);
  });
});
