import { Router } from 'express';
import type { AuthConfigResponse } from '../../../shared/api';
import type { Config } from '../../config';
import type { AppContext } from '../context';

/** What the pane needs to sign in: nothing in local mode; the app registration and API scope otherwise. */
export function authConfigOf(config: Config): AuthConfigResponse {
  const graph = config.graph;
  if (!graph) return { mode: 'local' };
  // audiences = [clientId, App ID URI]; the pane asks for the URI's delegated scope.
  const appIdUri = (graph.audiences[1] ?? `api://${graph.clientId}`).replace(/\/+$/, '');
  return {
    mode: 'microsoft',
    clientId: graph.clientId,
    authority: `${graph.authorityUrl}/${graph.tenantId}`,
    scope: `${appIdUri}/access_as_user`,
  };
}

/** `GET /api/auth-config`: public (mounted before authentication), holds no secret. */
export function authConfigRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/auth-config', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(authConfigOf(ctx.config));
  });
  return router;
}
