import { Router } from 'express';
import { z } from 'zod';
import { AddSuppressionRequest, type SuppressionListResponse } from '../../../shared/api';
import { AppError } from '../../errors';
import { addToSuppression, removeFromSuppression } from '../../services/suppression';
import { listSuppressions } from '../../store/suppression';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The organisation's suppression list (the signed-in user's tenant): read, add (also from a report's delivery), remove. */
export function suppressionRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/suppression', (req, res) => {
    const page = parseWith(Page, req.query, 'query');
    const body: SuppressionListResponse = listSuppressions(ctx.db, userOf(req).tenantId, page.offset, page.limit);
    res.json(body);
  });
  router.post('/suppression', (req, res) => {
    const body = parseWith(AddSuppressionRequest, req.body, 'body');
    const { entry, created } = addToSuppression(ctx.db, userOf(req), body);
    res.status(created ? 201 : 200).json(entry);
  });
  router.delete('/suppression/:value', (req, res) => {
    if (!removeFromSuppression(ctx.db, userOf(req), req.params.value)) {
      throw new AppError('NOT_FOUND', `"${req.params.value}" is not on the suppression list.`);
    }
    res.status(204).end();
  });
  return router;
}
