import express, { Router } from 'express';
import { UploadFileQuery, UploadZipQuery } from '../../../shared/api';
import { AppError } from '../../errors';
import { deleteOwnFile, deleteOwnFileSet } from '../../services/attachments/file-deletion';
import { presentFileSet, requireFile, requireFileSet, storeUpload, storeZip } from '../../services/attachments/uploads';
import { MAX_FILE_BYTES, MAX_ZIP_BYTES } from '../../services/attachments/limits';
import { readFileBytes } from '../../store/files';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

/** Stored files: single uploads (attachments, inline images), zips of per-recipient files, reading them back, deleting them. */
export function fileRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/files/zip', express.raw({ type: () => true, limit: MAX_ZIP_BYTES }), (req, res) => {
    const q = parseWith(UploadZipQuery, req.query, 'query');
    res.status(201).json(storeZip(ctx.db, userOf(req).id, q.fileName, bodyBytes(req.body, q.fileName), q.encoding));
  });
  router.get('/files/sets/:id', (req, res) => {
    const { set, files } = requireFileSet(ctx.db, userOf(req).id, req.params.id);
    res.json(presentFileSet(set, files));
  });
  router.delete('/files/sets/:id', (req, res) => {
    deleteOwnFileSet(ctx.db, userOf(req).id, req.params.id);
    res.status(204).end();
  });
  router.post('/files', express.raw({ type: () => true, limit: MAX_FILE_BYTES }), (req, res) => {
    const q = parseWith(UploadFileQuery, req.query, 'query');
    res.status(201).json(storeUpload(ctx.db, userOf(req).id, q.fileName, bodyBytes(req.body, q.fileName), q.contentType));
  });
  router.get('/files/:id', (req, res) => {
    const file = requireFile(ctx.db, userOf(req).id, req.params.id);
    // Served as a download, never rendered: an uploaded HTML or SVG file must not run in our origin.
    res.type(file.contentType).attachment(file.name).send(readFileBytes(ctx.db, file.id));
  });
  router.delete('/files/:id', (req, res) => {
    deleteOwnFile(ctx.db, userOf(req).id, req.params.id);
    res.status(204).end();
  });
  return router;
}

function bodyBytes(body: unknown, fileName: string): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('VALIDATION_FAILED', `${fileName}: the upload is empty. Send the file's bytes as the request body.`);
  }
  return body;
}
