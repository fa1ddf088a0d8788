import type { Db } from '../store/db';
import { listSetFiles, readFileBytes } from '../store/files';
import type { Row } from '../store/lists';
import type { OutgoingAttachment } from '../providers/mailbox';
import { fileNamesIn, findNamedFile, type NamedFile } from './file-names';
import type { MessageSpec } from './message-spec';
import { protectPdf } from './pdf-protect';

/** Why a message's files could not be put together; the delivery fails with this code. */
export class AttachmentError extends Error {
  constructor(readonly code: 'MISSING_ATTACHMENT' | 'PDF_PROTECTION_FAILED', message: string) {
    super(message);
  }
}

/**
 * Loads the files of a run's messages from the store: those sent with every message once (they are
 * the same bytes each time), each recipient's own when its message is built, protecting PDFs with
 * the row's password when the run says so.
 */
export class AttachmentLoader {
  private sharedFiles: OutgoingAttachment[] | undefined;
  private setFiles: Map<string, NamedFile> | undefined;

  constructor(private readonly db: Db, private readonly spec: MessageSpec) {}

  /** The files sent with every message, inline images included. */
  shared(): OutgoingAttachment[] {
    this.sharedFiles ??= this.spec.shared.map((a) => ({
      name: a.name, contentType: a.contentType, content: this.bytesOf(a.fileId, a.name),
      ...(a.inline && a.contentId ? { contentId: a.contentId, inline: true } : {}),
    }));
    return this.sharedFiles;
  }

  /** One recipient's own files, as the row names them. */
  async forRow(row: Row): Promise<OutgoingAttachment[]> {
    const spec = this.spec.recipientFiles;
    if (!spec) return [];
    this.setFiles ??= new Map(listSetFiles(this.db, spec.fileSetId).map((f) => [f.key, f]));
    const out: OutgoingAttachment[] = [];
    for (const name of fileNamesIn(row[spec.column])) {
      const file = findNamedFile(this.setFiles, name);
      if (!file) throw new AttachmentError('MISSING_ATTACHMENT', `"${name}" is not among the uploaded files.`);
      const bytes = this.bytesOf(file.id, file.name);
      out.push({ name: file.name, contentType: file.contentType, content: spec.passwordColumn ? await protect(bytes, row[spec.passwordColumn], file.name) : bytes });
    }
    return out;
  }

  private bytesOf(fileId: string, name: string): Buffer {
    const bytes = readFileBytes(this.db, fileId);
    if (!bytes) throw new AttachmentError('MISSING_ATTACHMENT', `The file ${name} is no longer stored.`);
    return bytes;
  }
}

async function protect(bytes: Uint8Array, password: unknown, name: string): Promise<Uint8Array> {
  // Planning refused empty passwords; checked again because an unprotected payslip must never go out.
  const text = password === null || password === undefined ? '' : String(password).trim();
  if (!text) throw new AttachmentError('PDF_PROTECTION_FAILED', `No password for ${name}; it was not sent unprotected.`);
  try {
    return await protectPdf(bytes, text);
  } catch (err) {
    throw new AttachmentError('PDF_PROTECTION_FAILED', `${name} could not be password-protected: ${(err as Error).message}`);
  }
}
