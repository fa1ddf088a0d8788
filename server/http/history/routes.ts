import { Router } from 'express';
import { HistoryQuery, type HistoryResponse } from '../../../shared/api';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';
import { historyOf } from './query';

/** `GET /api/history?address=`: what the signed-in user has sent to one person, across runs. */
export function historyRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/history', (req, res) => {
    const { address } = parseWith(HistoryQuery, req.query, 'query');
    const body: HistoryResponse = { address, entries: historyOf(ctx.db, userOf(req).id, address) };
    res.json(body);
  });
  return router;
}
