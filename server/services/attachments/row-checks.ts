import type { RowWarning } from '../../../shared/api';
import { MAX_RECIPIENTS_PER_MESSAGE, resolveAddressing, type Addressing } from '../../mail/addressing';
import { fileNamesIn, findNamedFile, type NamedFile } from '../../mail/file-names';
import { estimateMessageBytes, formatBytes } from '../../mail/message-size';
import { isEncryptedPdf, isPdf, PDF_HEAD_BYTES, PDF_TAIL_BYTES } from '../../mail/pdf-protect';
import type { Db } from '../../store/db';
import { readFileEdges } from '../../store/files';
import type { Row } from '../../store/lists';
import { templateBytes, type PreparedMessage } from './message-plan';

/** One row's message as it would be sent, and what is wrong with it. */
export interface RowCheck { warnings: RowWarning[]; files: NamedFile[]; addressing: Addressing; recipients: number }

/** How thoroughly rows are checked: a run looks inside each PDF it will protect; a preview does not. */
export interface CheckOptions { db?: Db }

/**
 * Checks one row: its own files exist (and, when they are to be protected, are unprotected PDFs
 * with a password), its Cc/Bcc/Reply-To values are addresses, and the whole message fits the
 * mailbox's size limit. `to` is the row's address (Cc and Bcc never repeat it).
 */
export function checkRow(message: PreparedMessage, row: Row, to: string, options: CheckOptions = {}): RowCheck {
  const warnings: RowWarning[] = [];
  const files = message.recipientFiles ? rowFiles(message, row, warnings, options) : [];
  const addressing = resolveAddressing(message.addressing, to, row);
  for (const p of addressing.problems) {
    warnings.push({ code: 'INVALID_ADDRESS', field: p.column ?? p.field, message: `"${p.value}" (${p.field === 'replyTo' ? 'Reply-To' : p.field === 'cc' ? 'Cc' : 'Bcc'}) is not an e-mail address.` });
  }
  const recipients = 1 + addressing.cc.length + addressing.bcc.length;
  if (recipients > MAX_RECIPIENTS_PER_MESSAGE) {
    warnings.push({ code: 'TOO_MANY_RECIPIENTS', message: `The message would have ${recipients} recipients; at most ${MAX_RECIPIENTS_PER_MESSAGE} are allowed.` });
  }
  if (files.length > 0) {
    const size = estimateMessageBytes(templateBytes(message.template), [...message.shared.map((a) => a.size), ...files.map((f) => f.size)]);
    if (size > message.maxMessageBytes) {
      warnings.push({ code: 'TOO_LARGE', message: `With ${files.map((f) => f.name).join(', ')} the message is about ${formatBytes(size)}; the mailbox accepts at most ${formatBytes(message.maxMessageBytes)}.` });
    }
  }
  return { warnings, files, addressing, recipients };
}

function rowFiles(message: PreparedMessage, row: Row, warnings: RowWarning[], options: CheckOptions): NamedFile[] {
  const { spec, files: set, setName } = message.recipientFiles as NonNullable<PreparedMessage['recipientFiles']>;
  const names = fileNamesIn(row[spec.column]);
  if (names.length === 0) {
    warnings.push({ code: 'MISSING_ATTACHMENT', field: spec.column, message: `No file is named in "${spec.column}".` });
    return [];
  }
  const found: NamedFile[] = [];
  for (const name of names) {
    const file = findNamedFile(set, name);
    if (file) found.push(file);
    else warnings.push({ code: 'MISSING_ATTACHMENT', field: spec.column, message: `"${name}" is not in ${setName}.` });
  }
  if (spec.passwordColumn === null) return found;
  const password = row[spec.passwordColumn];
  if (password === null || password === undefined || String(password).trim() === '') {
    warnings.push({ code: 'EMPTY_PASSWORD', field: spec.passwordColumn, message: `"${spec.passwordColumn}" is empty, so the file(s) cannot be protected.` });
  }
  for (const file of found) checkProtectable(file, spec.passwordColumn, warnings, options);
  return found;
}

function checkProtectable(file: NamedFile, column: string, warnings: RowWarning[], options: CheckOptions): void {
  const edges = options.db ? readFileEdges(options.db, file.id, PDF_HEAD_BYTES, PDF_TAIL_BYTES) : undefined;
  const pdf = edges ? isPdf(edges.head) : file.contentType === 'application/pdf';
  if (!pdf) {
    warnings.push({ code: 'NOT_A_PDF', field: column, message: `${file.name} is not a PDF; only PDFs can be password-protected.` });
  } else if (edges && isEncryptedPdf(edges.tail)) {
    warnings.push({ code: 'ALREADY_PROTECTED', field: column, message: `${file.name} is already password-protected; send it as it is (without a password column) or export it unprotected.` });
  }
}

/** True when a row's warnings stop a run (a missing file may instead skip the row, if the run says so). */
export function blocksRun(warning: RowWarning): boolean {
  return warning.code !== 'EMPTY_FIELD' && warning.code !== 'MISSING_ATTACHMENT';
}
