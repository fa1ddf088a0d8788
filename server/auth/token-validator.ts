/**
 * Validates the access token the task pane sends for Seriatim's own API (never an ID token):
 * signed with RS256 by one of the tenant keys (fetched from the JWKS URL and cached), issued by
 * Entra ID for the tenant named in the token itself, meant for this app (audience), unexpired,
 * and carrying the delegated scope `access_as_user`.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';

/** Who the token speaks for. */
export interface AccessClaims {
  oid: string;
  tid: string;
  name: string;
  email: string;
  scopes: string[];
  /** App roles the tenant's administrator assigned to the user (`Seriatim.Admin`). */
  roles: string[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** What a validator checks against. */
export interface ValidatorOptions {
  jwksUrl: string;
  /** The app's client id and its App ID URI (v2 tokens carry the first, v1 tokens the second). */
  audiences: string[];
  authorityUrl: string;
  /** A tenant GUID accepts only that tenant; 'organizations' or 'common' accept any. */
  tenantId: string;
  requiredScope?: string;
  /** Keys to verify with; by default fetched from `jwksUrl`. */
  keys?: JWTVerifyGetKey;
}

/** Validates a bearer token and returns its claims, or throws AppError UNAUTHENTICATED / FORBIDDEN. */
export type TokenValidator = (token: string) => Promise<AccessClaims>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a token was refused, as the pane sees it in `details.reason`. */
const REASONS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'token-expired',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm-not-allowed',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad-signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown-signing-key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown-signing-key',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
};

function refuse(reason: string, message = 'Sign in again: the access token was not accepted.'): AppError {
  return new AppError('UNAUTHENTICATED', message, { reason });
}

function readString(payload: JWTPayload, ...names: string[]): string {
  for (const name of names) if (typeof payload[name] === 'string' && payload[name]) return payload[name] as string;
  return '';
}

/** The issuers Entra ID uses for a tenant: v2.0 tokens, and v1.0 tokens if the app still gets those. */
export function issuersFor(authorityUrl: string, tid: string): string[] {
  return [`${authorityUrl.replace(/\/+$/, '')}/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
}

/** Builds the validator; keys are fetched lazily and cached by jose (refetched for an unknown kid). */
export function createTokenValidator(options: ValidatorOptions): TokenValidator {
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl));
  const scope = options.requiredScope ?? 'access_as_user';
  const singleTenant = GUID.test(options.tenantId);
  return async (token) => {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw refuse('malformed');
    }
    // The issuer is bound to the tenant the token claims; the signature check then vouches for both.
    const tid = typeof unverified.tid === 'string' && GUID.test(unverified.tid) ? unverified.tid : '';
    if (!tid) throw refuse('no-tenant');
    if (singleTenant && tid.toLowerCase() !== options.tenantId.toLowerCase()) throw refuse('other-tenant', 'This Seriatim server serves another organisation.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: options.audiences,
        issuer: issuersFor(options.authorityUrl, tid),
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: 60,
      }));
    } catch (err) {
      const e = err as { code?: string; claim?: string };
      if (e.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw refuse(`invalid-${e.claim ?? 'claim'}`);
      const reason = e.code ? REASONS[e.code] : undefined;
      if (reason) throw refuse(reason);
      throw new AppError('PROVIDER_FAILED', 'The sign-in keys of Microsoft Entra ID could not be read; try again shortly.', { reason: 'keys-unavailable' });
    }
    const scopes = readString(payload, 'scp').split(' ').filter(Boolean);
    if (!scopes.includes(scope)) {
      throw new AppError('FORBIDDEN', `The access token lacks the ${scope} permission; the add-in must ask for it.`, { reason: 'missing-scope', scope });
    }
    return {
      oid: readString(payload, 'oid'),
      tid,
      name: readString(payload, 'name') || readString(payload, 'preferred_username', 'upn'),
      email: readString(payload, 'preferred_username', 'upn', 'email', 'unique_name'),
      scopes,
      roles: Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [],
      exp: payload.exp as number,
    };
  };
}

/** Seriatim's user id for a Microsoft account: MSAL's home account id (object id, tenant id). */
export function userIdOf(claims: Pick<AccessClaims, 'oid' | 'tid'>): string {
  return `${claims.oid}.${claims.tid}`;
}
