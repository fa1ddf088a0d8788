import type { PreviewRequest, PreviewResponse, TestMessageRequest } from '../../shared/api';
import { compileMessageTemplate } from '../../shared/merge';
import { AppError } from '../errors';
import type { Mailbox, SentReceipt } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import { readRows } from '../store/lists';
import { requireList, resolveEmailColumn } from './runs';
import { analyse } from './templates';

/** Merges the template for one row of a list, with the template's analysis against the whole list. */
export function previewMessage(db: Db, ownerId: string, req: PreviewRequest): PreviewResponse {
  const list = requireList(db, ownerId, req.listId);
  const emailColumn = resolveEmailColumn(list, req.emailColumn);
  const rows = readRows(db, list.id);
  const analysis = analyse(req.template, list.columns.map((c) => c.name), rows);
  const total = rows.length;
  if (total === 0) throw new AppError('BAD_REQUEST', `The list "${list.name}" has no rows to preview.`);
  const rowIndex = Math.min(req.rowIndex, total - 1);
  const row = rows[rowIndex];
  const base = { rowIndex, total, to: row[emailColumn] === null ? null : String(row[emailColumn]), analysis };
  if (analysis.syntaxErrors.length) return { ...base, subject: req.template.subject, html: '', text: '' };
  const merged = compileMessageTemplate(req.template).render(row);
  return { ...base, subject: merged.subject, html: merged.html, text: merged.text };
}

/** Sends one merged message to an address of the user's choosing; its copy goes to Sent Items. */
export async function sendTestMessage(
  db: Db, mailbox: Mailbox, sender: { name: string; email: string }, ownerId: string, req: TestMessageRequest,
): Promise<SentReceipt & { folderId: string }> {
  const preview = previewMessage(db, ownerId, req);
  const [first] = preview.analysis.syntaxErrors;
  if (first) throw new AppError('TEMPLATE_SYNTAX', `The ${first.part} has a template error at line ${first.line}, column ${first.column}: ${first.message}`, { syntaxErrors: preview.analysis.syntaxErrors });
  const sent = await mailbox.findFolder('sentitems');
  if (!sent) throw new AppError('FOLDER_NOT_FOUND', 'The mailbox has no Sent Items folder.');
  const deliveryId = newId();
  const receipt = await mailbox.send(
    {
      from: { name: sender.name, address: sender.email }, to: [req.to], subject: `[Test] ${preview.subject}`,
      html: preview.html, text: preview.text, tag: { runId: 'test', deliveryId },
      messageId: `${deliveryId}@${sender.email.split('@')[1] ?? 'seriatim.localhost'}`,
    },
    { folderId: sent.id },
  );
  return { ...receipt, folderId: sent.id };
}
