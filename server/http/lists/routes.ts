import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { SetChangeLogRequest, UpdateListRequest, UploadListQuery, type ListRowsResponse } from '../../../shared/api';
import { AppError } from '../../errors';
import { clearChangeLog, importList, presentList, replaceListFile, setChangeLog, updateListSettings, withKeyColumn, type UploadInput } from '../../services/lists';
import { requireList } from '../../services/runs';
import { deleteList, listLists, readRows } from '../../store/lists';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';
import { audienceRoutes } from './audience-routes';

const MAX_UPLOAD = '50mb';
const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
const rawFile = express.raw({ type: () => true, limit: MAX_UPLOAD });

/** The uploaded file and the query's overrides; an empty body is refused before any parsing. */
function uploadOf(req: Request): UploadInput {
  const q = parseWith(UploadListQuery, req.query, 'query');
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
    throw new AppError('IMPORT_FAILED', `${q.fileName}: the upload is empty. Send the file's bytes as the request body.`);
  }
  return { ...q, bytes: req.body };
}

/** Recipient lists: upload and replace (raw file bytes), settings, change log, rows, delete; the audience preview. */
export function listRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/lists', (req, res) => {
    res.json({ lists: listLists(ctx.db, userOf(req).id).map((l) => presentList(withKeyColumn(ctx.db, l))) });
  });
  router.post('/lists', rawFile, async (req, res) => {
    res.status(201).json(presentList(await importList(ctx.db, userOf(req).id, uploadOf(req))));
  });
  router.get('/lists/:id', (req, res) => {
    res.json(presentList(withKeyColumn(ctx.db, requireList(ctx.db, userOf(req).id, req.params.id))));
  });
  router.put('/lists/:id', rawFile, async (req, res) => {
    requireList(ctx.db, userOf(req).id, req.params.id);
    res.json(presentList(await replaceListFile(ctx.db, userOf(req).id, req.params.id, uploadOf(req))));
  });
  router.patch('/lists/:id', (req, res) => {
    const body = parseWith(UpdateListRequest, req.body, 'body');
    res.json(presentList(updateListSettings(ctx.db, userOf(req).id, req.params.id, body)));
  });
  router.put('/lists/:id/change-log', (req, res) => {
    const body = parseWith(SetChangeLogRequest, req.body, 'body');
    res.json(presentList(setChangeLog(ctx.db, userOf(req).id, req.params.id, body)));
  });
  router.delete('/lists/:id/change-log', (req, res) => {
    res.json(presentList(clearChangeLog(ctx.db, userOf(req).id, req.params.id)));
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
  router.use(audienceRoutes(ctx));
  return router;
}
