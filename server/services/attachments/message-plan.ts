import type { AddressSource, AttachmentInput, RecipientFiles, TemplateInput } from '../../../shared/api';
import { suggestField } from '../../../shared/merge';
import { AppError } from '../../errors';
import { addressingColumns, type AddressingSpec } from '../../mail/addressing';
import type { NamedFile } from '../../mail/file-names';
import { DEFAULT_MAX_MESSAGE_BYTES, estimateMessageBytes, formatBytes } from '../../mail/message-size';
import type { MessageSpec, RecipientFilesSpec } from '../../mail/message-spec';
import { hiddenRunFields, localDate, mergeValues, referencePrefix, RUN_FIELDS, type RunFieldContext } from '../../mail/run-fields';
import type { Db } from '../../store/db';
import { fileSetStored } from '../../store/files';
import type { ListRecord, Row } from '../../store/lists';
import { insertRunMessage, peekReference, reserveReferences } from '../../store/run-messages';
import { findUser } from '../../store/users';
import { templateForRun } from '../template-library';
import { readAttachmentInputs, storeAttachments, type PendingAttachment } from './shared-files';
import { requireFileSet } from './uploads';

/** What a run (or preview) request says about its message besides the list. */
export interface MessageRequest {
  template?: TemplateInput;
  templateId?: string;
  attachments?: AttachmentInput[];
  recipientFiles?: RecipientFiles;
  cc?: AddressSource[];
  bcc?: AddressSource[];
  replyTo?: AddressSource;
  options?: { locale?: string; timeZone?: string; scheduledAt?: string };
  /** The audience's own run date and time zone win, so `{{runDate}}` is the day its date rules used. */
  audience?: { runDate?: string; timeZone?: string };
}

/** A message checked against the owner's templates and files and the list's columns; nothing stored yet. */
export interface PreparedMessage {
  ownerId: string;
  template: TemplateInput;
  templateId: string | null;
  locale: string | null;
  shared: PendingAttachment[];
  recipientFiles: { spec: RecipientFilesSpec; setName: string; files: Map<string, NamedFile>; onMissing: 'refuse' | 'skip' } | null;
  addressing: AddressingSpec;
  /** Run-level fields; the reference numbers are a preview's until the run is saved. */
  fields: RunFieldContext;
  /** What the template may use: the list's columns and the run fields they do not hide. */
  columns: string[];
  /** The largest message the mailbox accepts. */
  maxMessageBytes: number;
}

/**
 * Resolves the template (inline or from the library), the files sent with every message, the
 * per-recipient file set and the addressing, and checks every column they name exists. The files
 * sent with every message must fit the mailbox's message size limit together. Stores nothing.
 */
export function prepareMessage(
  db: Db, ownerId: string, list: ListRecord, req: MessageRequest, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES, now = new Date(),
): PreparedMessage {
  const { template, templateId, attachments } = templateForRun(db, ownerId, req);
  const shared: PendingAttachment[] = [
    ...attachments.map((a) => ({ ...a, upload: null })),
    ...readAttachmentInputs(db, ownerId, req.attachments),
  ];
  const columnNames = list.columns.map((c) => c.name);
  const addressing: AddressingSpec = { cc: req.cc ?? [], bcc: req.bcc ?? [], replyTo: req.replyTo ?? null };
  const files = req.recipientFiles;
  assertColumns(columnNames, [
    ...addressingColumns(addressing).map((c) => ({ column: c, role: 'an address column' })),
    ...(files ? [{ column: files.column, role: 'the file name column' }] : []),
    ...(files?.passwordColumn ? [{ column: files.passwordColumn, role: 'the password column' }] : []),
  ]);
  const sharedBytes = estimateMessageBytes(templateBytes(template), shared.map((a) => a.size));
  if (sharedBytes > maxMessageBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The files sent with every message (${shared.map((a) => `${a.name} ${formatBytes(a.size)}`).join(', ')}) make each message about ${formatBytes(sharedBytes)}; the mailbox accepts at most ${formatBytes(maxMessageBytes)}. Send fewer or smaller files, or a link.`,
      { estimatedBytes: sharedBytes, maxMessageBytes },
    );
  }
  const timeZone = req.audience?.timeZone ?? req.options?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const runDate = req.audience?.runDate ?? localDate(req.options?.scheduledAt ? new Date(req.options.scheduledAt) : now, timeZone);
  const hidden = hiddenRunFields(columnNames);
  return {
    ownerId, template, templateId, locale: req.options?.locale ?? null, shared, addressing, maxMessageBytes,
    recipientFiles: files ? readRecipientFiles(db, ownerId, files) : null,
    fields: { runDate, hidden, reference: { prefix: referencePrefix(runDate), start: peekReference(db, ownerId, Number(runDate.slice(0, 4))) } },
    columns: [...columnNames, ...RUN_FIELDS.filter((f) => !hidden.includes(f))],
  };
}

/** The rows as the template sees them (run fields included), for analysing empty fields. */
export function rowsWithRunFields(message: PreparedMessage, sender: { name: string; email: string }, rows: Row[]): Row[] {
  return rows.map((row, index) => mergeValues(message.fields, sender, index, row));
}

/** The size in bytes of a template's parts, the base of every message's size. */
export function templateBytes(template: TemplateInput): number {
  return Buffer.byteLength(template.html) + Buffer.byteLength(template.text ?? template.html) + Buffer.byteLength(template.subject);
}

/**
 * Freezes the message for a run, inside the transaction that inserts it: stores files sent in
 * base64, reserves the run's reference numbers (one per delivery, in plan order) and saves the spec.
 * A zip deleted since it was checked is NOT_FOUND, so the run is not saved.
 */
export function saveRunMessage(db: Db, runId: string, message: PreparedMessage, deliveries: number, recipientCounts: ReadonlyMap<number, number>): MessageSpec {
  const set = message.recipientFiles;
  if (set && !fileSetStored(db, set.spec.fileSetId)) throw new AppError('NOT_FOUND', `The zip ${set.setName} was deleted meanwhile; upload it again.`);
  const year = Number(message.fields.runDate.slice(0, 4));
  const spec: MessageSpec = {
    locale: message.locale,
    fields: { ...message.fields, reference: { prefix: message.fields.reference.prefix, start: reserveReferences(db, message.ownerId, year, deliveries) } },
    shared: storeAttachments(db, message.ownerId, message.shared),
    recipientFiles: message.recipientFiles?.spec ?? null,
    ...message.addressing,
  };
  insertRunMessage(db, { runId, templateId: message.templateId, spec }, recipientCounts);
  return spec;
}

function readRecipientFiles(db: Db, ownerId: string, req: RecipientFiles): NonNullable<PreparedMessage['recipientFiles']> {
  const { set, files } = requireFileSet(db, ownerId, req.fileSetId);
  return {
    spec: { fileSetId: set.id, column: req.column, passwordColumn: req.passwordColumn ?? null },
    setName: set.name,
    files: new Map(files.map((f) => [f.key, { id: f.id, name: f.name, contentType: f.contentType, size: f.size }])),
    onMissing: req.onMissing,
  };
}

function assertColumns(columns: string[], wanted: Array<{ column: string; role: string }>): void {
  const unknown = wanted.filter((w) => !columns.includes(w.column));
  if (unknown.length === 0) return;
  const described = unknown.map((u) => {
    const suggestion = suggestField(u.column, columns);
    return `"${u.column}" (${u.role}${suggestion ? `; did you mean "${suggestion}"?` : ''})`;
  });
  throw new AppError('UNKNOWN_FIELDS', `The list has no column ${described.join(', ')}. Its columns are ${columns.join(', ')}.`, {
    unknownFields: unknown.map((u) => ({ field: u.column, suggestion: suggestField(u.column, columns) ?? null })),
  });
}

/** The owner as a sender: `{{senderName}}` and `{{senderEmail}}` in previews and analysis. */
export function senderOf(db: Db, ownerId: string): { name: string; email: string } {
  const user = findUser(db, ownerId);
  return { name: user?.name ?? '', email: user?.email ?? '' };
}
