import type { AttachmentInput } from '../../../shared/api';
import { AppError } from '../../errors';
import { referencedContentIds } from '../../mail/content-ids';
import type { SharedAttachment } from '../../mail/message-spec';
import type { Db } from '../../store/db';
import { fileStored, insertFile, type NewFile } from '../../store/files';
import { requireFile, newFile } from './uploads';

/** A file to send with every message: already stored, or sent in base64 and stored when the run (or template) is saved. */
export interface PendingAttachment {
  fileId: string | null;
  upload: NewFile | null;
  name: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
}

/** Checks attachment inputs against the owner's files and decodes base64 ones; stores nothing. */
export function readAttachmentInputs(db: Db, ownerId: string, inputs: AttachmentInput[] = []): PendingAttachment[] {
  return inputs.map((input) => {
    const contentId = input.contentId ? input.contentId.replace(/^<|>$/g, '') : null;
    const inline = input.inline ?? contentId !== null;
    if (inline && contentId === null) throw new AppError('VALIDATION_FAILED', `The inline file "${input.name ?? input.fileId}" needs a contentId for the HTML to refer to it.`);
    if (input.fileId !== undefined) {
      const file = requireFile(db, ownerId, input.fileId);
      return { fileId: file.id, upload: null, name: file.name, contentType: input.contentType ?? file.contentType, size: file.size, contentId, inline };
    }
    const upload = newFile(input.name as string, Buffer.from(input.contentBase64 as string, 'base64'), input.contentType);
    return { fileId: null, upload, name: upload.name, contentType: upload.contentType, size: upload.bytes.length, contentId, inline };
  });
}

/**
 * Pending attachments as they are stored with a template or run; call inside the saving
 * transaction. A stored file deleted since it was checked is NOT_FOUND, so nothing is saved.
 */
export function storeAttachments(db: Db, ownerId: string, pending: PendingAttachment[]): SharedAttachment[] {
  return pending.map((p) => {
    if (p.fileId !== null && !fileStored(db, p.fileId)) throw new AppError('NOT_FOUND', `${p.name} was deleted meanwhile; upload it again.`);
    return {
      fileId: p.fileId ?? insertFile(db, ownerId, p.upload as NewFile).id,
      name: p.name, contentType: p.contentType, size: p.size, contentId: p.contentId, inline: p.inline,
    };
  });
}

/**
 * Refuses an HTML body that shows an inline image no attachment carries: recipients would see a
 * broken image. Content-IDs are compared ignoring case, as mail clients do.
 */
export function assertInlineImagesPresent(html: string, attachments: Array<Pick<SharedAttachment, 'contentId' | 'inline'>>): void {
  const carried = new Set(attachments.filter((a) => a.inline && a.contentId).map((a) => (a.contentId as string).toLowerCase()));
  const missing = referencedContentIds(html).filter((id) => !carried.has(id.toLowerCase()));
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The HTML shows ${missing.map((id) => `cid:${id}`).join(', ')}, but no inline attachment has that Content-ID. Add the image(s) as inline attachments, or remove them from the body.`,
      { missingContentIds: missing },
    );
  }
}
