import { Router } from 'express';
import { PreviewRequest, TestMessageRequest } from '../../../shared/api';
import { previewMessage, sendTestMessage } from '../../services/preview';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

/** Preview of one recipient's merged message, and a test message to any address. */
export function previewRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/preview', (req, res) => {
    res.json(previewMessage(ctx.db, userOf(req).id, parseWith(PreviewRequest, req.body, 'body')));
  });
  router.post('/test-message', async (req, res) => {
    const user = userOf(req);
    const body = parseWith(TestMessageRequest, req.body, 'body');
    const pace = <T>(recipients: number, send: () => Promise<T>) => ctx.engine.sendOutsideRun(user, recipients, send);
    const receipt = await sendTestMessage(ctx.db, ctx.provider.open(user), user, user.id, body, pace);
    res.status(201).json({ messageId: receipt.messageId, folderId: receipt.folderId });
  });
  return router;
}
