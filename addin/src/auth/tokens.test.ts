import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, claimsChallenge, configureApi, request } from '../api';
import { createTokenSource, SignInError, type SignInProblem } from './tokens';

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';

/** A server that wants `Bearer fresh-with-claims` and answers 401 with a claims challenge otherwise; /consent is 403. */
function startApi(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/api/consent') {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'CONSENT_REQUIRED', message: 'Consent is needed' } }));
    } else if (req.headers.authorization === 'Bearer fresh-with-claims') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    } else {
      const challenge = Buffer.from(CLAIMS).toString('base64');
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="", error="insufficient_claims", claims="${challenge}"` });
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the token source', () => {
  let server: http.Server;
  const asked: Array<string | undefined> = [];
  const problems: Array<SignInProblem | null> = [];
  beforeAll(async () => {
    server = await startApi();
    const acquire = async (claims?: string) => (asked.push(claims), claims ? 'fresh-with-claims' : 'plain');
    configureApi({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tokens: createTokenSource(acquire, (p) => problems.push(p)) });
  });
  afterAll(() => {
    server.close();
    configureApi({ baseUrl: '', tokens: { getToken: async () => null, refreshToken: async () => null } });
  });

  it('decodes a claims challenge', () => {
    expect(claimsChallenge(`Bearer claims="${Buffer.from(CLAIMS).toString('base64')}"`)).toBe(CLAIMS);
    expect(claimsChallenge('Bearer realm=""')).toBeUndefined();
    expect(claimsChallenge(null)).toBeUndefined();
  });

  it('answers a 401 claims challenge once, with the claims', async () => {
    const response = await request('/api/anything');
    expect(await response.json()).toEqual({ ok: true });
    expect(asked).toEqual([undefined, CLAIMS]);
  });

  it('reports consent-required on a 403 and reports failures instead of throwing them', async () => {
    await expect(request('/api/consent')).rejects.toBeInstanceOf(ApiError);
    expect(problems.at(-1)).toBe('consent');
    const failing = createTokenSource(async () => {
      throw new SignInError('unavailable');
    }, (p) => problems.push(p));
    expect(await failing.getToken()).toBeNull();
    expect(problems.at(-1)).toBe('unavailable');
  });
});
