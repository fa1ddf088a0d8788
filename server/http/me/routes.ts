import { Router } from 'express';
import type { MeResponse } from '../../../shared/api';
import { grantStatusOf } from '../../auth/grant-status';
import { isAdmin } from '../../store/users';
import type { AppContext } from '../context';
import { userOf } from '../context';

/**
 * `GET /api/me`: who is asking, and how the server sends for them: the mode, the limits their own
 * mailbox is paced to (the same `limitsFor` the engine uses, so an organisation's lower limits
 * show), whether they are an administrator and, in Microsoft mode, whether background sending is
 * allowed.
 */
export function meRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    const user = userOf(req);
    const limits = ctx.limitsFor(user);
    const microsoft = ctx.config.provider === 'graph';
    const body: MeResponse = {
      user: { id: user.id, name: user.name, email: user.email },
      mode: microsoft ? 'microsoft' : 'local',
      provider: ctx.provider.name,
      limits: { perMinute: limits.perMinute, perDay: limits.perDay, concurrency: limits.concurrency },
      admin: isAdmin(user),
      backgroundGrant: microsoft ? grantStatusOf(ctx.db, user.id) : null,
    };
    res.json(body);
  });
  return router;
}
