import { Router } from 'express';
import { AppError } from '../errors';
import { userOf } from '../http/context';
import type { Db } from '../store/db';
import type { AssertionCache } from './assertions';
import { grantStatusOf } from './grant-status';
import { accountOf, GRAPH_SCOPES } from './graph-tokens';
import type { TokenClient } from './token-client';

/**
 * `GET/POST/DELETE /api/background-grant` (`BackgroundGrantStatus`, shared/api): whether runs may keep sending with Outlook closed. POST
 * is the one-time "allow background sending": the current sign-in is exchanged once more and its
 * refreshable token cache kept, encrypted, for this user only. DELETE revokes it.
 */
export function backgroundGrantRoutes(deps: { db: Db; client: TokenClient; assertions: AssertionCache }): Router {
  const router = Router();
  router.get('/background-grant', (req, res) => {
    res.json(grantStatusOf(deps.db, userOf(req).id));
  });
  router.post('/background-grant', async (req, res) => {
    const user = userOf(req);
    const assertion = deps.assertions.current(user.id);
    if (!assertion) throw new AppError('UNAUTHENTICATED', 'Sign in again, then allow background sending.', { reason: 'token-expired' });
    await deps.client.grant(accountOf(user.id), assertion, GRAPH_SCOPES);
    res.status(201).json(grantStatusOf(deps.db, user.id));
  });
  router.delete('/background-grant', async (req, res) => {
    await deps.client.revoke(accountOf(userOf(req).id));
    res.status(204).end();
  });
  return router;
}
