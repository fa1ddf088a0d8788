import { Router } from 'express';
import { CreateTemplateRequest, DuplicateTemplateRequest, TemplateFromDraftRequest, UpdateTemplateRequest } from '../../../shared/api';
import { createTemplateFromDraft } from '../../services/draft-templates';
import {
  createLibraryTemplate, deleteLibraryTemplate, duplicateLibraryTemplate, listLibrary, presentTemplate, requireTemplate, updateLibraryTemplate,
} from '../../services/template-library';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';
import { fileRoutes } from './file-routes';

/** The template library (list, save, save from the Outlook draft, read, change or rename, delete, duplicate) and the files templates and runs send. */
export function templateRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/templates', (req, res) => {
    res.json({ templates: listLibrary(ctx.db, userOf(req).id) });
  });
  router.post('/templates', (req, res) => {
    res.status(201).json(createLibraryTemplate(ctx.db, userOf(req).id, parseWith(CreateTemplateRequest, req.body, 'body')));
  });
  router.post('/templates/from-draft', async (req, res) => {
    const body = parseWith(TemplateFromDraftRequest, req.body, 'body');
    const user = userOf(req);
    res.status(201).json(await createTemplateFromDraft(ctx.db, user.id, ctx.provider.open(user), body));
  });
  router.get('/templates/:id', (req, res) => {
    res.json(presentTemplate(requireTemplate(ctx.db, userOf(req).id, req.params.id)));
  });
  router.put('/templates/:id', (req, res) => {
    res.json(updateLibraryTemplate(ctx.db, userOf(req).id, req.params.id, parseWith(UpdateTemplateRequest, req.body, 'body')));
  });
  router.delete('/templates/:id', (req, res) => {
    deleteLibraryTemplate(ctx.db, userOf(req).id, req.params.id);
    res.status(204).end();
  });
  router.post('/templates/:id/duplicate', (req, res) => {
    const body = parseWith(DuplicateTemplateRequest, req.body, 'body');
    res.status(201).json(duplicateLibraryTemplate(ctx.db, userOf(req).id, req.params.id, body.name));
  });
  router.use(fileRoutes(ctx));
  return router;
}
