import { Router } from 'express';
import { z } from 'zod';
import { CreateFolderRequest, type MessageDetail, type MessageSummary } from '../../../shared/api';
import { AppError } from '../../errors';
import { readMime } from '../../mail/reader';
import { findMessage, listMessages, readRaw, type MessageRecord } from '../../store/messages';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function presentMessage(m: MessageRecord): MessageSummary {
  const [runId, deliveryId] = m.tag?.split(':') ?? [];
  return {
    id: m.id, folderId: m.folderId, messageId: m.messageId, to: m.to, subject: m.subject,
    tag: runId && deliveryId ? { runId, deliveryId } : null, createdAt: m.createdAt,
  };
}

/** The signed-in user's mailbox: folders, a folder's messages, one message (decoded or raw). */
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
    const folder = await mailboxOf(req).findFolder(req.params.id);
    if (!folder) throw new AppError('FOLDER_NOT_FOUND', `There is no folder "${req.params.id}".`);
    const page = parseWith(Page, req.query, 'query');
    const { total, messages } = listMessages(ctx.db, userOf(req).id, folder.id, page.offset, page.limit);
    res.json({ total, messages: messages.map(presentMessage) });
  });
  router.get('/mailbox/messages/:id', async (req, res) => {
    const owner = userOf(req).id;
    const m = findMessage(ctx.db, owner, req.params.id);
    const raw = m && readRaw(ctx.db, owner, m.id);
    if (!m || !raw) throw new AppError('NOT_FOUND', `There is no message "${req.params.id}".`);
    const body: MessageDetail = { ...presentMessage(m), ...(await readMime(raw)), size: raw.length };
    res.json(body);
  });
  router.get('/mailbox/messages/:id/raw', (req, res) => {
    const owner = userOf(req).id;
    const m = findMessage(ctx.db, owner, req.params.id);
    const raw = m && readRaw(ctx.db, owner, m.id);
    if (!m || !raw) throw new AppError('NOT_FOUND', `There is no message "${req.params.id}".`);
    res.type('message/rfc822').attachment(`${m.id}.eml`).send(raw);
  });
  return router;
}
