import { UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator, userIdOf, type TokenValidator } from '../../server/auth/token-validator';
import { AppError } from '../../server/errors';
import { apiClaims, AUTHORITY, CLIENT_ID, startKeys, TENANT, type Keys } from './entra';

let keys: Keys;
let validate: TokenValidator;
const OID = '0b3f4a5e-1111-4222-8333-944455556666';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

beforeAll(async () => {
  keys = await startKeys();
  validate = createTokenValidator({ jwksUrl: keys.jwksUrl, audiences: [CLIENT_ID, `api://${CLIENT_ID}`], authorityUrl: AUTHORITY, tenantId: TENANT });
});

afterAll(async () => {
  await keys.close();
});

async function reason(token: string): Promise<unknown> {
  const err = await validate(token).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, reason: ((err as AppError).details as { reason: string }).reason };
}

describe('access token validation', () => {
  it('accepts a valid v2 token and maps it to a user', async () => {
    const claims = await validate(await keys.sign(apiClaims(OID)));
    expect(claims).toMatchObject({ oid: OID, tid: TENANT, email: 'adele@contoso.test', name: 'Adele Vance', scopes: ['access_as_user'] });
    expect(userIdOf(claims)).toBe(`${OID}.${TENANT}`);
    expect(claims.roles).toEqual([]);
  });

  it('reads the app roles the administrator assigned, ignoring anything that is not a role name', async () => {
    const claims = await validate(await keys.sign(apiClaims(OID, { roles: ['Seriatim.Admin', 42] })));
    expect(claims.roles).toEqual(['Seriatim.Admin']);
  });

  it('accepts a v1 token for the App ID URI from the tenant\'s v1 issuer', async () => {
    const token = await keys.sign(apiClaims(OID, { aud: `api://${CLIENT_ID}`, iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0', upn: 'adele@contoso.test' }));
    expect((await validate(token)).oid).toBe(OID);
  });

  it('rejects a wrong audience', async () => {
    expect(await reason(await keys.sign(apiClaims(OID, { aud: '00000003-0000-0000-c000-000000000000' })))).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid-aud' });
  });

  it('rejects a wrong issuer, and an issuer of another tenant than the token names', async () => {
    expect(await reason(await keys.sign(apiClaims(OID, { iss: 'https://evil.example/v2.0' })))).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid-iss' });
    expect(await reason(await keys.sign(apiClaims(OID, { iss: `${AUTHORITY}/${OTHER_TENANT}/v2.0` })))).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid-iss' });
  });

  it('rejects a token from another tenant on a single-tenant server', async () => {
    const token = await keys.sign(apiClaims(OID, { tid: OTHER_TENANT, iss: `${AUTHORITY}/${OTHER_TENANT}/v2.0` }));
    expect(await reason(token)).toEqual({ code: 'UNAUTHENTICATED', reason: 'other-tenant' });
    const multi = createTokenValidator({ jwksUrl: keys.jwksUrl, audiences: [CLIENT_ID], authorityUrl: AUTHORITY, tenantId: 'organizations' });
    expect((await multi(token)).tid).toBe(OTHER_TENANT);
  });

  it('rejects an expired token', async () => {
    expect(await reason(await keys.sign(apiClaims(OID), { expiresIn: Math.floor(Date.now() / 1000) - 3600 }))).toEqual({ code: 'UNAUTHENTICATED', reason: 'token-expired' });
  });

  it('rejects alg none', async () => {
    const token = new UnsecuredJWT(apiClaims(OID)).setIssuedAt().setExpirationTime('1h').encode();
    expect(await reason(token)).toEqual({ code: 'UNAUTHENTICATED', reason: 'algorithm-not-allowed' });
  });

  it('rejects a bad signature', async () => {
    expect(await reason(await keys.sign(apiClaims(OID), { key: keys.strangerKey }))).toEqual({ code: 'UNAUTHENTICATED', reason: 'bad-signature' });
    const [header, , signature] = (await keys.sign(apiClaims(OID))).split('.');
    const tampered = Buffer.from(JSON.stringify({ ...apiClaims(OID), oid: 'someone-else' })).toString('base64url');
    expect(await reason([header, tampered, signature].join('.'))).toEqual({ code: 'UNAUTHENTICATED', reason: 'bad-signature' });
  });

  it('rejects a token without the access_as_user scope with 403', async () => {
    expect(await reason(await keys.sign(apiClaims(OID, { scp: 'User.Read' })))).toEqual({ code: 'FORBIDDEN', reason: 'missing-scope' });
  });

  it('rejects garbage', async () => {
    expect(await reason('not-a-jwt')).toEqual({ code: 'UNAUTHENTICATED', reason: 'malformed' });
  });
});
