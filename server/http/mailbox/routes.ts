import { Router } from 'express';
import { z } from 'zod';
import { CreateFolderRequest } from '../../../shared/api';
import { AppError } from '../../errors';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

const Page = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * A message id as the path names it: a Graph id, a local id or a Message-ID. Never `.` or `..`
 * (which a URL would resolve away, reaching another Graph path) nor control characters.
 */
const MessageParams = z.object({
  id: z.string().min(1).max(1024).refine((id) => id !== '.' && id !== '..' && !/[\u0000-\u001f\u007f]/.test(id), 'not a message id'),
});

/** A download name from a message id: Graph ids carry `=`, `-`, `_`, Message-IDs `@` and dots. */
function emlName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'message'}.eml`;
}

/**
 * The signed-in user's mailbox: folders, a folder's messages, one message (decoded or raw). Every
 * read goes through the provider, so Microsoft 365 mode shows the user's Graph mailbox and local
 * mode the embedded one.
 */
export function mailboxRoutes(ctx: AppContext): Router {
  const router = Router();
  const mailboxOf = (req: Parameters<typeof userOf>[0]) => ctx.provider.open(userOf(req));

  router.get('/mailbox/folders', async (req, res) => {
    res.json({ folders: await mailboxOf(req).listFolders() });
  });
  router.post('/mailbox/folders', async (req, res) => {
    const body = parseWith(CreateFolderRequest, req.body, 'body');
    res.status(201).json(await mailboxOf(req).createFolder(body.name, body.parentId));
  });
  router.get('/mailbox/folders/:id/messages', async (req, res) => {
    const page = parseWith(Page, req.query, 'query');
    const mailbox = mailboxOf(req);
    // By id, well-known name or display name, as everywhere else a folder is named.
    const folder = await mailbox.findFolder(req.params.id);
    if (!folder) throw new AppError('FOLDER_NOT_FOUND', `There is no folder "${req.params.id}".`);
    res.json(await mailbox.listMessages(folder.id, page));
  });
  router.get('/mailbox/messages/:id', async (req, res) => {
    const { id } = parseWith(MessageParams, req.params, 'path');
    res.json(await mailboxOf(req).getMessage(id));
  });
  router.get('/mailbox/messages/:id/raw', async (req, res) => {
    const { id } = parseWith(MessageParams, req.params, 'path');
    const raw = await mailboxOf(req).getRawMessage(id);
    res.type('message/rfc822').attachment(emlName(id)).send(raw);
  });
  return router;
}
