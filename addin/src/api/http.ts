import type { z } from 'zod';
import { ErrorBody } from '../../../shared/api';

/** An error the server reported (`{ error: { code, message } }`) or a failure to reach it. */
export class ApiError extends Error {
  /** Builds an error with the server's stable code and HTTP status (0 when unreachable). */
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Supplies the bearer token for a request: null when none is needed (local mode). */
export type TokenSource = {
  getToken(): Promise<string | null>;
  /** A new token after a 401; `claims` carries the server's claims challenge, if it sent one. */
  refreshToken(claims?: string): Promise<string | null>;
  /** Told when the server answers 403 because the user (or an admin) must consent first. */
  consentRequired?(): void;
};

/** The claims challenge of a 401 (`WWW-Authenticate: Bearer ..., claims="base64"`), decoded. */
export function claimsChallenge(header: string | null): string | undefined {
  const match = header ? /claims="([^"]+)"/i.exec(header) : null;
  if (!match) return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Whether a 403 means consent is missing rather than the request being forbidden. */
function isConsentError(error: ApiError): boolean {
  return error.status === 403 && (/CONSENT/i.test(error.code) || /consent_required|AADSTS65001/i.test(error.message));
}

let tokens: TokenSource = { getToken: async () => null, refreshToken: async () => null };
let baseUrl = '';

/** Sets where the server is and how requests get their token; called once at start-up. */
export function configureApi(options: { baseUrl?: string; tokens?: TokenSource }): void {
  if (options.baseUrl !== undefined) baseUrl = options.baseUrl.replace(/\/$/, '');
  if (options.tokens) tokens = options.tokens;
}

/** The absolute URL of an API path, for links such as CSV and raw message downloads. */
export function apiUrl(path: string): string {
  return `${baseUrl}${path}`;
}

async function send(path: string, init: RequestInit, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  try {
    return await fetch(apiUrl(path), { ...init, headers });
  } catch {
    throw new ApiError('NETWORK', '', 0);
  }
}

/** Turns a non-2xx response into an ApiError carrying the server's message. */
async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(code, message, response.status, details);
  }
  return new ApiError('HTTP_' + response.status, `${response.status} ${response.statusText}`, response.status);
}

/** Sends a request with the token, retrying once with a fresh token (answering any claims challenge) after a 401. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response = await send(path, init, await tokens.getToken());
  if (response.status === 401) {
    const fresh = await tokens.refreshToken(claimsChallenge(response.headers.get('WWW-Authenticate')));
    if (fresh) response = await send(path, init, fresh);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (isConsentError(error)) tokens.consentRequired?.();
    throw error;
  }
  return response;
}

/** Sends a request and parses the JSON answer with the shared zod schema. */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  const response = await request(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', '', response.status, parsed.error.issues);
  return parsed.data;
}

/** RequestInit for a JSON body. */
export function jsonBody(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
