import { Router } from 'express';
import { AudiencePreviewRequest } from '../../../shared/api';
import { presentAudience, resolveAudience } from '../../services/audience';
import { requireList, resolveEmailColumn } from '../../services/runs';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

/** `POST /api/audience/preview`: who a run with this audience would go to, and why the others drop out. */
export function audienceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/audience/preview', (req, res) => {
    const body = parseWith(AudiencePreviewRequest, req.body, 'body');
    const list = requireList(ctx.db, userOf(req).id, body.listId);
    const resolved = resolveAudience(ctx.db, list, resolveEmailColumn(list, body.emailColumn), body.audience);
    res.json(presentAudience(resolved, body.audience ?? {}, body.limit));
  });
  return router;
}
