import type { PreviewRequest, PreviewResponse, TestMessageRequest } from '../../shared/api';
import { compileMessageTemplate } from '../../shared/merge';
import { AppError } from '../errors';
import type { Mailbox, SentReceipt } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import { readRows, type ListRecord, type Row } from '../store/lists';
import { resolveAudience } from './audience';
import { requireList, resolveEmailColumn } from './runs';
import { analyse } from './templates';
import { prepareMessage, rowsWithRunFields, senderOf } from './attachments/message-plan';
import { previewExtras } from './attachments/preview-warnings';
import { attachmentsForRow } from './attachments/test-attachments';

/** The rows a preview goes through: the audience's recipients when it has any, else the list's rows. */
interface PreviewRows {
  /** Values to merge, one per recipient (with the audience's derived fields). */
  values: Row[];
  /** The address each one would be sent to. */
  addresses: Array<string | null>;
  /** Fields the audience adds to the list's columns. */
  derivedFields: string[];
}

function previewRows(db: Db, list: ListRecord, emailColumn: string, req: PreviewRequest): PreviewRows {
  if (req.audience) {
    const resolved = resolveAudience(db, list, emailColumn, req.audience, { ...req.options });
    const chosen = resolved.plan.recipients.filter((r) => r.status === 'pending');
    const derivedFields = [...resolved.derivedFields];
    if (chosen.length > 0) return { values: chosen.map((r) => r.values), addresses: chosen.map((r) => r.email), derivedFields };
    // Nobody today (a birthday schedule on a day without birthdays): show the list's rows instead.
    const { rows } = resolved;
    return { values: rows, addresses: rows.map((row) => addressOf(row, emailColumn)), derivedFields };
  }
  const rows = readRows(db, list.id);
  return { values: rows, addresses: rows.map((row) => addressOf(row, emailColumn)), derivedFields: [] };
}

const addressOf = (row: Row, column: string) => (row[column] === null || row[column] === undefined ? null : String(row[column]));

/** The preview and the recipient's values it merged (for a test message's files). */
function previewWithRow(db: Db, ownerId: string, req: PreviewRequest): { preview: PreviewResponse; row: Row } {
  const list = requireList(db, ownerId, req.listId);
  const emailColumn = resolveEmailColumn(list, req.emailColumn);
  const { values: rows, addresses, derivedFields } = previewRows(db, list, emailColumn, req);
  // As a run would send it: library template, run-level fields, locale, files and addressing.
  const message = prepareMessage(db, ownerId, list, req);
  const values = rowsWithRunFields(message, senderOf(db, ownerId), rows);
  const analysis = analyse(message.template, [...message.columns, ...derivedFields], values);
  const total = rows.length;
  if (total === 0) throw new AppError('BAD_REQUEST', `The list "${list.name}" has no rows to preview.`);
  const rowIndex = Math.min(req.rowIndex, total - 1);
  // Row checks look at the address each recipient would get (an audience may take it from another column).
  const addressed = rows.map((row, i) => ({ ...row, [emailColumn]: addresses[i] }));
  const extras = previewExtras(message, addressed, values, rowIndex, emailColumn, analysis.emptyPerField.map((e) => e.field));
  const base = { rowIndex, total, to: addresses[rowIndex], analysis, ...extras };
  if (analysis.syntaxErrors.length) return { preview: { ...base, subject: message.template.subject, html: '', text: '' }, row: rows[rowIndex] };
  const merged = compileMessageTemplate(message.template, { locale: message.locale ?? undefined }).render(values[rowIndex]);
  return { preview: { ...base, subject: merged.subject, html: merged.html, text: merged.text }, row: rows[rowIndex] };
}

/**
 * Merges the template for one recipient of the audience (or one row of the list), with the
 * template's analysis against all of them.
 */
export function previewMessage(db: Db, ownerId: string, req: PreviewRequest): PreviewResponse {
  return previewWithRow(db, ownerId, req).preview;
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
  const { preview, row } = previewWithRow(db, ownerId, req);
  const [first] = preview.analysis.syntaxErrors;
  if (first) throw new AppError('TEMPLATE_SYNTAX', `The ${first.part} has a template error at line ${first.line}, column ${first.column}: ${first.message}`, { syntaxErrors: preview.analysis.syntaxErrors });
  const sent = await mailbox.findFolder('sentitems');
  if (!sent) throw new AppError('FOLDER_NOT_FOUND', 'The mailbox has no Sent Items folder.');
  const deliveryId = newId();
  const attachments = await attachmentsForRow(db, ownerId, req, row, preview.rowIndex);
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
