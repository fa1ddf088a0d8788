import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssertionCache } from '../../server/auth/assertions';
import { DelegatedTokenSource, GRAPH_SCOPES } from '../../server/auth/graph-tokens';
import { seal, SealedBoxError, unseal } from '../../server/auth/sealed';
import { MsalTokenClient } from '../../server/auth/token-client';
import { AppError } from '../../server/errors';
import { openDb, type Db } from '../../server/store/db';
import { findGrant } from '../../server/store/grants';
import { upsertUser } from '../../server/store/users';
import { aadError, AUTHORITY, CLIENT_ID, fakeEntra, TENANT, tokenResponse, type TokenReply } from './entra';

const OID = '5d2c1b0a-aaaa-4bbb-8ccc-dddddddddddd';
const USER = { userId: `${OID}.${TENANT}`, tenantId: TENANT };
const KEY = Buffer.alloc(32, 7);

let dir: string;
let db: Db;
let answer: (p: URLSearchParams) => TokenReply;
let issued = 0;

const client = (key = KEY) => new MsalTokenClient({
  db, clientId: CLIENT_ID, clientSecret: 'app-secret', authorityUrl: AUTHORITY, secretKey: key,
  networkClient: fakeEntra((p) => answer(p)),
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-auth-'));
  db = openDb(path.join(dir, 'store.db'));
  issued = 0;
  upsertUser(db, { id: USER.userId, tenantId: TENANT, email: 'adele@contoso.test', name: 'Adele Vance' });
  answer = () => tokenResponse(OID, `graph-access-token-${++issued}`, `refresh-token-secret-${issued}`);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string; details: Record<string, unknown> }> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return { status: e.status, code: e.code, details: e.details as Record<string, unknown> };
}

describe('on-behalf-of through MSAL', () => {
  it('exchanges the pane\'s token for a Graph token with the jwt-bearer grant, in the user\'s tenant', async () => {
    const entra = fakeEntra((p) => answer(p));
    const c = new MsalTokenClient({ db, clientId: CLIENT_ID, clientSecret: 'app-secret', authorityUrl: AUTHORITY, secretKey: KEY, networkClient: entra });
    const token = await c.onBehalfOf(USER, 'pane-assertion', GRAPH_SCOPES);
    expect(token).toMatch(/^graph-access-token-/);
    const p = entra.requests[0];
    expect(p.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(p.get('requested_token_use')).toBe('on_behalf_of');
    expect(p.get('assertion')).toBe('pane-assertion');
    expect(p.get('scope')).toContain('https://graph.microsoft.com/Mail.Send');
    // The same assertion is answered from MSAL's cache.
    expect(await c.onBehalfOf(USER, 'pane-assertion', GRAPH_SCOPES)).toBe(token);
    expect(entra.requests).toHaveLength(1);
  });

  it('turns an expired assertion into 401 token-expired, so the pane retries once with a fresh token', async () => {
    answer = () => aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.');
    expect(await failure(client().onBehalfOf(USER, 'old', GRAPH_SCOPES))).toMatchObject({ status: 401, details: { reason: 'token-expired' } });
  });

  it('turns a claims challenge (MFA) into 401 carrying the claims', async () => {
    const claims = '{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}';
    answer = () => aadError(400, 'invalid_grant', 50076, 'Due to a configuration change made by your administrator, you must use multi-factor authentication.', { suberror: 'basic_action', claims });
    expect(await failure(client().onBehalfOf(USER, 'a', GRAPH_SCOPES))).toMatchObject({ status: 401, details: { reason: 'claims-challenge', claims } });
  });

  it('turns missing consent (AADSTS65001) into 403 saying what to do', async () => {
    answer = () => aadError(400, 'invalid_grant', 65001, 'The user or administrator has not consented to use the application.', { suberror: 'consent_required' });
    const f = await failure(client().onBehalfOf(USER, 'a', GRAPH_SCOPES));
    expect(f).toMatchObject({ status: 403, code: 'FORBIDDEN', details: { reason: 'consent-required' } });
  });
});

describe('background grant', () => {
  it('stores the refreshable cache encrypted, and a restarted server refreshes from it', async () => {
    await client().grant(USER, 'pane-assertion', GRAPH_SCOPES);
    const blob = findGrant(db, USER.userId)!.cache;
    const text = blob.toString('latin1');
    expect(text).not.toContain('refresh-token-secret');
    expect(text).not.toContain('graph-access-token');
    expect(unseal(KEY, USER.userId, blob)).toContain('refresh-token-secret-1');

    // A new client is a restarted server: nothing in memory, only the stored grant.
    const restarted = client();
    answer = (p) => {
      expect(p.get('grant_type')).toBe('refresh_token');
      expect(p.get('refresh_token')).toBe('refresh-token-secret-1');
      return tokenResponse(OID, 'refreshed-access-token', 'refresh-token-secret-2');
    };
    // Force a refresh by making the cached access token look old: drop it from the stored cache.
    const cache = JSON.parse(unseal(KEY, USER.userId, blob));
    cache.AccessToken = {};
    db.prepare('UPDATE graph_grants SET cache = ? WHERE user_id = ?').run(seal(KEY, USER.userId, JSON.stringify(cache)), USER.userId);
    expect(await restarted.background(USER, GRAPH_SCOPES)).toBe('refreshed-access-token');
    expect(unseal(KEY, USER.userId, findGrant(db, USER.userId)!.cache)).toContain('refresh-token-secret-2');
  });

  it('fails cleanly with a wrong key: 401 grant-unreadable, nothing thrown from deep inside', async () => {
    await client().grant(USER, 'pane-assertion', GRAPH_SCOPES);
    expect(() => unseal(Buffer.alloc(32, 9), USER.userId, findGrant(db, USER.userId)!.cache)).toThrow(SealedBoxError);
    expect(() => unseal(KEY, 'someone-else', findGrant(db, USER.userId)!.cache)).toThrow(SealedBoxError);
    expect(await failure(client(Buffer.alloc(32, 9)).background(USER, GRAPH_SCOPES))).toMatchObject({ status: 401, details: { reason: 'grant-unreadable' } });
  });

  it('is gone after revocation, and a revoked refresh token says allow again', async () => {
    const c = client();
    await c.grant(USER, 'pane-assertion', GRAPH_SCOPES);
    await c.revoke(USER);
    expect(findGrant(db, USER.userId)).toBeUndefined();
    const source = new DelegatedTokenSource(db, c, new AssertionCache());
    expect(await failure(source.getToken({ id: USER.userId, name: 'Adele', email: 'adele@contoso.test' }))).toMatchObject({ status: 401, details: { reason: 'sign-in-required' } });

    await c.grant(USER, 'pane-assertion', GRAPH_SCOPES);
    const cache = JSON.parse(unseal(KEY, USER.userId, findGrant(db, USER.userId)!.cache));
    cache.AccessToken = {};
    db.prepare('UPDATE graph_grants SET cache = ? WHERE user_id = ?').run(seal(KEY, USER.userId, JSON.stringify(cache)), USER.userId);
    answer = () => aadError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
    expect(await failure(client().background(USER, GRAPH_SCOPES))).toMatchObject({ status: 401, details: { reason: 'grant-expired' } });
  });
});
