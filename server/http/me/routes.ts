import { Router } from 'express';
import type { MeResponse } from '../../../shared/api';
import type { AppContext } from '../context';
import { userOf } from '../context';

/** `GET /api/me`: who is asking, and how the server sends for them. */
export function meRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    const user = userOf(req);
    const body: MeResponse = {
      user: { id: user.id, name: user.name, email: user.email },
      mode: 'local',
      provider: ctx.provider.name,
      limits: { perMinute: ctx.provider.limits.perMinute, perDay: ctx.provider.limits.perDay },
    };
    res.json(body);
  });
  return router;
}
