import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { upsertUser, type User } from '../store/users';
import type { AssertionCache } from './assertions';
import { userIdOf, type TokenValidator } from './token-validator';

/**
 * Microsoft mode: every API request carries the pane's access token for Seriatim's API. A valid
 * one becomes the request's user (created on first sight); the token is kept in memory as the
 * on-behalf-of assertion while it lives. A refusal is a 401 with `WWW-Authenticate`, so the pane
 * gets a new token and retries once.
 */
export function bearerAuth(deps: { validate: TokenValidator; db: Db; assertions: AssertionCache }): RequestHandler {
  const known = new Map<string, string>();
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      next(new AppError('UNAUTHENTICATED', 'Sign in with your Microsoft 365 account to use Seriatim.', { reason: 'missing-token' }));
      return;
    }
    const token = match[1];
    deps.validate(token).then(
      (claims) => {
        const user: User = { id: userIdOf(claims), tenantId: claims.tid, email: claims.email, name: claims.name, roles: claims.roles };
        const fingerprint = `${user.email}\n${user.name}`;
        // One write per user and process, or when the name or address changed.
        if (known.get(user.id) !== fingerprint) {
          upsertUser(deps.db, user);
          known.set(user.id, fingerprint);
        }
        deps.assertions.remember(user.id, token, claims.exp);
        (req as typeof req & { user: User }).user = user;
        next();
      },
      (err: unknown) => {
        if (err instanceof AppError && err.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        if (err instanceof AppError && err.code === 'FORBIDDEN') res.setHeader('WWW-Authenticate', 'Bearer error="insufficient_scope"');
        next(err);
      },
    );
  };
}
