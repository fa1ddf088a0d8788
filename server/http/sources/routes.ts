import { Router } from 'express';
import { CreateListFromSourceRequest, SourcesQuery } from '../../../shared/api';
import { presentList } from '../../services/lists';
import { createListFromSource, describeSources, refreshSourceList } from '../../services/sources';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

/**
 * Recipient lists read from the signed-in user's Microsoft 365 (contacts, a contact folder, the
 * directory, a group, a draft's To and Cc), always through their own mailbox: what they may draw
 * from, creating a list from a source, and reading a list's source again.
 */
export function sourceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/sources', async (req, res) => {
    const query = parseWith(SourcesQuery, req.query, 'query');
    res.json(await describeSources(ctx.provider.open(userOf(req)), query.q));
  });
  router.post('/lists/from-source', async (req, res) => {
    const body = parseWith(CreateListFromSourceRequest, req.body, 'body');
    const user = userOf(req);
    const list = await createListFromSource(ctx.db, user.id, ctx.provider.open(user), body);
    ctx.log.info({ listId: list.id, source: body.source.kind, rows: list.rowCount }, 'list read from Microsoft 365');
    res.status(201).json(presentList(list));
  });
  router.post('/lists/:id/refresh', async (req, res) => {
    const user = userOf(req);
    const list = await refreshSourceList(ctx.db, user.id, ctx.provider.open(user), req.params.id);
    ctx.log.info({ listId: list.id, source: list.meta.origin?.source.kind, rows: list.rowCount }, 'list refreshed from Microsoft 365');
    res.json(presentList(list));
  });
  return router;
}
