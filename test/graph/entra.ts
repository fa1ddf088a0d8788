/**
 * A stand-in for Microsoft Entra ID, for tests: signing keys generated here and served as a JWKS
 * from a real HTTP server on port 0, access tokens signed with them, and a token endpoint that
 * MSAL reaches through its network-client seam, answering as Entra ID documents (token responses,
 * AADSTS errors, claims challenges).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** The tenant every test token belongs to. */
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The app registration's client id. */
export const CLIENT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
/** Where MSAL thinks Entra ID is; the network module answers for it. */
export const AUTHORITY = 'https://login.entra.test';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** A running JWKS endpoint and a way to sign access tokens. */
export interface Keys {
  jwksUrl: string;
  sign(claims: JWTPayload, options?: { key?: Key; kid?: string; expiresIn?: string | number }): Promise<string>;
  /** A key that is not published: tokens signed with it must fail. */
  strangerKey: Key;
  close(): Promise<void>;
}

/** Starts a JWKS server on port 0 with one RS256 key. */
export async function startKeys(): Promise<Keys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    strangerKey: stranger.privateKey,
    sign(claims, options = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Claims of a valid v2 access token for Seriatim's API. */
export function apiClaims(oid: string, extra: JWTPayload = {}): JWTPayload {
  return {
    aud: CLIENT_ID, iss: `${AUTHORITY}/${TENANT}/v2.0`, tid: TENANT, oid, ver: '2.0', scp: 'access_as_user',
    name: 'Adele Vance', preferred_username: 'adele@contoso.test', azp: CLIENT_ID, ...extra,
  };
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** What the token endpoint answers for one request. */
export type TokenReply = { status: number; body: Record<string, unknown> };

/** A successful token response for a user, as Entra ID sends it (id token, client info, refresh token). */
export function tokenResponse(oid: string, accessToken: string, refreshToken: string): TokenReply {
  const now = Math.floor(Date.now() / 1000);
  const idToken = [b64({ alg: 'none', typ: 'JWT' }), b64({
    aud: CLIENT_ID, iss: `${AUTHORITY}/${TENANT}/v2.0`, tid: TENANT, oid, sub: oid, preferred_username: 'adele@contoso.test',
    name: 'Adele Vance', exp: now + 3600, iat: now, nbf: now - 5, ver: '2.0',
  }), 'x'].join('.');
  return {
    status: 200,
    body: {
      token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken, refresh_token: refreshToken,
      scope: 'https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Contacts.Read',
      id_token: idToken, client_info: b64({ uid: oid, utid: TENANT }),
    },
  };
}

/** An AADSTS error response. */
export function aadError(status: number, error: string, code: number, description: string, extra: Record<string, unknown> = {}): TokenReply {
  return { status, body: { error, error_description: `AADSTS${code}: ${description}`, error_codes: [code], timestamp: new Date().toISOString(), trace_id: 't', correlation_id: 'c', ...extra } };
}

/** MSAL's HTTP client replaced by Entra ID's behaviour; `onToken` decides each token request. */
export function fakeEntra(onToken: (params: URLSearchParams) => TokenReply): INetworkModule & { requests: URLSearchParams[] } {
  const requests: URLSearchParams[] = [];
  return {
    requests,
    async sendGetRequestAsync<T>(url: string) {
      const tenant = new URL(url).pathname.split('/')[1];
      const base = `${AUTHORITY}/${tenant}`;
      const body = {
        token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        issuer: `${base}/v2.0`, jwks_uri: `${AUTHORITY}/common/discovery/v2.0/keys`, end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      };
      return { status: 200, headers: {}, body: body as T };
    },
    async sendPostRequestAsync<T>(_url: string, options?: NetworkRequestOptions) {
      const params = new URLSearchParams(String(options?.body ?? ''));
      requests.push(params);
      const reply = onToken(params);
      return { status: reply.status, headers: {}, body: { ...reply.body, status: reply.status } as T };
    },
  };
}
