import { invalidToken, GraphError } from "./errors";
import { createSecret } from "./ids";

/** Who a valid token speaks for. */
export interface TokenGrant {
  userId: string;
  appId: string;
  expiresAt: number;
}

/** Options of `issueToken`. */
export interface IssueTokenOptions {
  /** Lifetime in seconds; 3600 by default, as Entra ID issues. Zero or less gives an expired token. */
  expiresInSec?: number;
  /** The client application; throttling windows are kept per app and mailbox. */
  appId?: string;
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * Issues and checks bearer tokens. Tokens look like JWTs (three dot-separated parts) so clients
 * treat them as they would real ones, but only this registry can vouch for them.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();

  /** Issues a token for a user. */
  issue(userId: string, options: IssueTokenOptions = {}): string {
    const expiresAt = Date.now() + (options.expiresInSec ?? 3600) * 1000;
    const appId = options.appId ?? "seriatim-emulated-app";
    const token = [
      encodeSegment({ typ: "JWT", alg: "none" }),
      encodeSegment({ oid: userId, appid: appId, exp: Math.floor(expiresAt / 1000) }),
      createSecret(),
    ].join(".");
    this.grants.set(token, { userId, appId, expiresAt });
    return token;
  }

  /** Withdraws a token, as a revoked session would be. */
  revoke(token: string): void {
    this.grants.delete(token);
  }

  /** Checks an Authorization header value and returns the grant, or the 401 Graph would return. */
  verify(header: string | undefined): TokenGrant | GraphError {
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return invalidToken("Access token is empty.");
    const token = match[1];
    if (token.split(".").length < 3) {
      return invalidToken("IDX14100: JWT is not well formed, there are no dots (.).");
    }
    const grant = this.grants.get(token);
    if (!grant) return invalidToken("Access token validation failure. Invalid audience.");
    if (grant.expiresAt <= Date.now()) return invalidToken("Lifetime validation failed, the token is expired.");
    return grant;
  }
}
