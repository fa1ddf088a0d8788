import express, { Router } from 'express';
import { z } from 'zod';
import { UploadListQuery, type ListRowsResponse } from '../../../shared/api';
import { AppError } from '../../errors';
import { importList, presentList } from '../../services/lists';
import { requireList } from '../../services/runs';
import { deleteList, listLists, readRows } from '../../store/lists';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

const MAX_UPLOAD = '50mb';
const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

/** Recipient lists: upload (raw file bytes), list, read rows, delete. */
export function listRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/lists', (req, res) => {
    res.json({ lists: listLists(ctx.db, userOf(req).id).map(presentList) });
  });
  router.post('/lists', express.raw({ type: () => true, limit: MAX_UPLOAD }), async (req, res) => {
    const q = parseWith(UploadListQuery, req.query, 'query');
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new AppError('IMPORT_FAILED', `${q.fileName}: the upload is empty. Send the file's bytes as the request body.`);
    }
    const list = await importList(ctx.db, userOf(req).id, { bytes: req.body, fileName: q.fileName, name: q.name, emailColumn: q.emailColumn });
    res.status(201).json(presentList(list));
  });
  router.get('/lists/:id', (req, res) => {
    res.json(presentList(requireList(ctx.db, userOf(req).id, req.params.id)));
  });
  router.get('/lists/:id/rows', (req, res) => {
    const list = requireList(ctx.db, userOf(req).id, req.params.id);
    const page = parseWith(Page, req.query, 'query');
    const body: ListRowsResponse = { total: list.rowCount, offset: page.offset, rows: readRows(ctx.db, list.id, page.offset, page.limit) };
    res.json(body);
  });
  router.delete('/lists/:id', (req, res) => {
    if (!deleteList(ctx.db, userOf(req).id, req.params.id)) throw new AppError('NOT_FOUND', `There is no list with id "${req.params.id}".`);
    res.status(204).end();
  });
  return router;
}
