import type {
  AttachmentInput,
  FileSet,
  RecipientFiles,
  SavedTemplate,
  StoredFile,
  TemplateAttachment,
  TemplateInput,
} from '../../../shared/api';

/** A file sent with every message: uploaded here, or one of a loaded template's own. */
export type MessageFile = TemplateAttachment;

/** The uploaded zip of per-recipient files and how rows name their file. */
export interface RecipientFileChoice {
  set: { id: string; name: string; totalSize: number; fileCount: number };
  /** The list column naming each recipient's file(s); null until chosen. */
  column: string | null;
  /** The column with each recipient's PDF password; null sends the PDFs unprotected. */
  passwordColumn: string | null;
  /** Skip recipients whose file is missing instead of refusing the whole run. */
  skipMissing: boolean;
}

/** The files of a message: shared by everyone, and one (or more) per recipient. */
export interface MessageFiles {
  shared: MessageFile[];
  perRecipient: RecipientFileChoice | null;
  /** Ids of shared files uploaded here for this message (see uploads.ts): removing one deletes its stored copy. */
  uploaded?: string[];
}

/** The library template a message was filled from, as it was when loaded. */
export interface TemplateOrigin {
  id: string;
  name: string;
  subject: string;
  html: string;
  fileIds: string[];
}

/** A message without files. */
export const NO_FILES: MessageFiles = { shared: [], perRecipient: null };

/** An uploaded file as an ordinary attachment. */
export function sharedFileOf(file: StoredFile): MessageFile {
  return { fileId: file.id, name: file.name, contentType: file.contentType, size: file.size, contentId: null, inline: false };
}

/** The files with `file` added at the end (once). */
export function addSharedFile(files: MessageFiles, file: MessageFile): MessageFiles {
  if (files.shared.some((f) => f.fileId === file.fileId)) return files;
  return { ...files, shared: [...files.shared, file] };
}

/** The files without the shared file `fileId`. */
export function removeSharedFile(files: MessageFiles, fileId: string): MessageFiles {
  return { ...files, shared: files.shared.filter((f) => f.fileId !== fileId) };
}

/** Bytes of the files every message carries. */
export function sharedBytes(files: MessageFiles): number {
  return files.shared.reduce((sum, f) => sum + f.size, 0);
}

/** A freshly uploaded zip, its column still to choose. */
export function recipientChoiceOf(set: FileSet): RecipientFileChoice {
  return {
    set: { id: set.id, name: set.name, totalSize: set.totalSize, fileCount: set.files.length },
    column: null,
    passwordColumn: null,
    skipMissing: false,
  };
}

/** Whether the files are ready to send: a zip needs the column (of this list) naming each recipient's file. */
export function filesComplete(files: MessageFiles, columns: string[]): boolean {
  const choice = files.perRecipient;
  if (choice === null) return true;
  return choice.column !== null && columns.includes(choice.column) && (choice.passwordColumn === null || columns.includes(choice.passwordColumn));
}

/** Attachment inputs for a request: stored files by id, inline images with their Content-ID. */
export function attachmentInputsOf(files: MessageFile[]): AttachmentInput[] {
  return files.map((f) => ({ fileId: f.fileId, ...(f.contentId !== null && { contentId: f.contentId }), inline: f.inline }));
}

/** The per-recipient files of a request, or undefined when none are chosen (or no column yet). */
export function recipientFilesOf(choice: RecipientFileChoice | null): RecipientFiles | undefined {
  if (!choice?.column) return undefined;
  return {
    fileSetId: choice.set.id,
    column: choice.column,
    ...(choice.passwordColumn && { passwordColumn: choice.passwordColumn }),
    onMissing: choice.skipMissing ? 'skip' : 'refuse',
  };
}

/** What a loaded template puts into the message: its subject, body and files, and where they came from. */
export function messageFromTemplate(template: SavedTemplate, files: MessageFiles) {
  return {
    subject: template.subject,
    html: template.html,
    files: { ...files, shared: template.attachments.map((a) => ({ ...a })) },
    fromTemplate: originOf(template),
  };
}

/** A template's identity and content, to tell later whether the message still matches it. */
export function originOf(template: Pick<SavedTemplate, 'id' | 'name' | 'subject' | 'html'> & { attachments: Array<{ fileId: string }> }): TemplateOrigin {
  return { id: template.id, name: template.name, subject: template.subject, html: template.html, fileIds: template.attachments.map((a) => a.fileId) };
}

/** The message as the pane holds it. */
export interface MessageContent {
  subject: string;
  html: string;
  files: MessageFiles;
  fromTemplate: TemplateOrigin | null;
}

/** The message part of a run or preview request. */
export interface MessageRequest {
  template?: TemplateInput;
  templateId?: string;
  attachments?: AttachmentInput[];
  recipientFiles?: RecipientFiles;
}

/**
 * The message part of a run or preview request. A message still exactly as loaded from the
 * library (subject, body, and all of the template's files) is sent by `templateId`, so the library
 * records when it was last sent and the run uses the template's plain text too; files added since
 * go along as extra attachments. Any edit sends the message inline with all its files.
 */
export function messageRequestOf(m: MessageContent): MessageRequest {
  const origin = m.fromTemplate;
  const asLoaded =
    origin !== null &&
    origin.subject === m.subject &&
    origin.html === m.html &&
    origin.fileIds.every((id) => m.files.shared.some((f) => f.fileId === id));
  const extra = asLoaded ? m.files.shared.filter((f) => !origin.fileIds.includes(f.fileId)) : m.files.shared;
  const recipientFiles = recipientFilesOf(m.files.perRecipient);
  return {
    ...(asLoaded ? { templateId: origin.id } : { template: { subject: m.subject, html: m.html } }),
    ...(extra.length > 0 && { attachments: attachmentInputsOf(extra) }),
    ...(recipientFiles && { recipientFiles }),
  };
}
