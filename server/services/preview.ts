import type { PreviewRequest, PreviewResponse, TestMessageRequest } from '../../shared/api';
import { compileMessageTemplate } from '../../shared/merge';
import { AppError } from '../errors';
import type { Mailbox, SentReceipt } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import { readRows } from '../store/lists';
import { requireList, resolveEmailColumn } from './runs';
import { analyse } from './templates';
import { prepareMessage, rowsWithRunFields, senderOf } from './attachments/message-plan';
import { previewExtras } from './attachments/preview-warnings';
import { attachmentsForRow } from './attachments/test-attachments';

/** Merges the template for one row of a list, with the template's analysis against the whole list. */
export function previewMessage(db: Db, ownerId: string, req: PreviewRequest): PreviewResponse {
  const list = requireList(db, ownerId, req.listId);
  const emailColumn = resolveEmailColumn(list, req.emailColumn);
  const rows = readRows(db, list.id);
  // As a run would send it: library template, run-level fields, locale, files and addressing.
  const message = prepareMessage(db, ownerId, list, req);
  const values = rowsWithRunFields(message, senderOf(db, ownerId), rows);
  const analysis = analyse(message.template, message.columns, values);
  const total = rows.length;
  if (total === 0) throw new AppError('BAD_REQUEST', `The list "${list.name}" has no rows to preview.`);
  const rowIndex = Math.min(req.rowIndex, total - 1);
  const row = rows[rowIndex];
  const extras = previewExtras(message, rows, values, rowIndex, emailColumn, analysis.emptyPerField.map((e) => e.field));
  const base = { rowIndex, total, to: row[emailColumn] === null ? null : String(row[emailColumn]), analysis, ...extras };
  if (analysis.syntaxErrors.length) return { ...base, subject: message.template.subject, html: '', text: '' };
  const merged = compileMessageTemplate(message.template, { locale: message.locale ?? undefined }).render(values[rowIndex]);
  return { ...base, subject: merged.subject, html: merged.html, text: merged.text };
}

/** Runs a send of `recipients` recipients inside the mailbox's limits (the engine's `sendOutsideRun`). */
export type Pace = <T>(recipients: number, send: () => Promise<T>) => Promise<T>;

/**
 * Sends one merged message to the address asked for, filed in Sent Items, paced like the runs
 * of the same mailbox when `pace` is given.
 */
export async function sendTestMessage(
  db: Db, mailbox: Mailbox, sender: { name: string; email: string }, ownerId: string, req: TestMessageRequest,
  pace: Pace = (_recipients, send) => send(),
): Promise<SentReceipt & { folderId: string }> {
  const preview = previewMessage(db, ownerId, req);
  const [first] = preview.analysis.syntaxErrors;
  if (first) throw new AppError('TEMPLATE_SYNTAX', `The ${first.part} has a template error at line ${first.line}, column ${first.column}: ${first.message}`, { syntaxErrors: preview.analysis.syntaxErrors });
  const sent = await mailbox.findFolder('sentitems');
  if (!sent) throw new AppError('FOLDER_NOT_FOUND', 'The mailbox has no Sent Items folder.');
  const deliveryId = newId();
  const attachments = await attachmentsForRow(db, ownerId, req, preview.rowIndex);
  const receipt = await pace(1, () => mailbox.send(
    {
      from: { name: sender.name, address: sender.email }, to: [req.to], subject: `[Test] ${preview.subject}`,
      html: preview.html, text: preview.text, tag: { runId: 'test', deliveryId },
      // Reply-To and files as the recipient would get them; never Cc or Bcc: a test goes to the tester alone.
      ...(preview.replyTo ? { replyTo: preview.replyTo } : {}),
      attachments,
      messageId: `${deliveryId}@${sender.email.split('@')[1] ?? 'seriatim.localhost'}`,
    },
    { folderId: sent.id },
  ));
  return { ...receipt, folderId: sent.id };
}
