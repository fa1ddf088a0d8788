import type { PreviewRequest } from '../../../shared/api';
import { AppError } from '../../errors';
import { AttachmentError, AttachmentLoader } from '../../mail/attachment-loader';
import type { OutgoingAttachment } from '../../providers/mailbox';
import type { Db } from '../../store/db';
import { readFileBytes } from '../../store/files';
import type { Row } from '../../store/lists';
import { requireList } from '../runs';
import { prepareMessage } from './message-plan';

/** The files one recipient's message would carry (protected PDFs included), for a test message; stores nothing. */
export async function attachmentsForRow(db: Db, ownerId: string, req: PreviewRequest, row: Row, rowIndex: number): Promise<OutgoingAttachment[]> {
  const list = requireList(db, ownerId, req.listId);
  const message = prepareMessage(db, ownerId, list, req);
  const shared = message.shared.map((a): OutgoingAttachment => {
    const content = a.upload?.bytes ?? readFileBytes(db, a.fileId as string);
    if (!content) throw new AppError('NOT_FOUND', `The file ${a.name} is no longer stored; add it again.`);
    return { name: a.name, contentType: a.contentType, content, ...(a.inline && a.contentId ? { contentId: a.contentId, inline: true } : {}) };
  });
  if (!message.recipientFiles) return shared;
  const loader = new AttachmentLoader(db, { locale: null, fields: message.fields, shared: [], recipientFiles: message.recipientFiles.spec, ...message.addressing });
  try {
    return [...shared, ...(await loader.forRow(row))];
  } catch (err) {
    if (err instanceof AttachmentError) throw new AppError('VALIDATION_FAILED', `Row ${rowIndex + 1}: ${err.message}`, { code: err.code, rowIndex });
    throw err;
  }
}
