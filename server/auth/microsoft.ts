import type { RequestHandler, Router } from 'express';
import type { JWTVerifyGetKey } from 'jose';
import type { GraphConfig } from '../config';
import type { TokenSource } from '../providers/graph/graph-provider';
import type { Db } from '../store/db';
import { AssertionCache } from './assertions';
import { bearerAuth } from './bearer';
import { DelegatedTokenSource } from './graph-tokens';
import { backgroundGrantRoutes } from './routes';
import { MsalTokenClient, type TokenClient } from './token-client';
import { createTokenValidator } from './token-validator';

/** Microsoft 365 sign-in as the rest of the server sees it. */
export interface MicrosoftAuth {
  /** Validates the pane's bearer token and sets the request's user. */
  authenticate: RequestHandler;
  /** `/background-grant` routes (mounted after `authenticate`). */
  routes: Router;
  /** Graph tokens for the Graph provider. */
  tokens: TokenSource;
}

/** Wires validation, on-behalf-of and background grants from the configuration; tests may inject the token client and keys. */
export function createMicrosoftAuth(deps: { config: GraphConfig; db: Db; client?: TokenClient; keys?: JWTVerifyGetKey }): MicrosoftAuth {
  const { config, db } = deps;
  const assertions = new AssertionCache();
  const client = deps.client ?? new MsalTokenClient({
    db, clientId: config.clientId, clientSecret: config.clientSecret, authorityUrl: config.authorityUrl, secretKey: config.secretKey,
  });
  const validate = createTokenValidator({
    jwksUrl: config.jwksUrl, audiences: config.audiences, authorityUrl: config.authorityUrl, tenantId: config.tenantId, keys: deps.keys,
  });
  return {
    authenticate: bearerAuth({ validate, db, assertions }),
    routes: backgroundGrantRoutes({ db, client, assertions }),
    tokens: new DelegatedTokenSource(db, client, assertions),
  };
}
