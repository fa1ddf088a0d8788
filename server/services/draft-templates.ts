import type { TemplateFromDraftRequest, TemplateFromDraftResponse } from '../../shared/api';
import { AppError } from '../errors';
import type { Mailbox, SavedDraft } from '../providers/mailbox';
import type { Db } from '../store/db';
import { templateNameTaken } from '../store/templates';
import { newFile } from './attachments/uploads';
import type { PendingAttachment } from './attachments/shared-files';
import { saveTemplate } from './template-library';

/** The name a draft's template gets when none is given: its subject, numbered if the library has it already. */
export function draftTemplateName(db: Db, ownerId: string, subject: string): string {
  const base = subject.replace(/\s+/g, ' ').trim().slice(0, 180) || 'Outlook draft';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base} (${n})`;
    if (!templateNameTaken(db, ownerId, candidate)) return candidate;
  }
}

/**
 * The draft's files as template attachments. An inline image keeps its Content-ID so the HTML's
 * `cid:` reference still finds it in every sent message; one flagged inline without a Content-ID
 * cannot be referenced, so it travels as an ordinary attachment.
 */
export function draftAttachments(draft: SavedDraft): PendingAttachment[] {
  return draft.attachments.map((a) => {
    const upload = newFile(a.name, a.content, a.contentType);
    const contentId = a.contentId ? a.contentId.replace(/^<|>$/g, '') : null;
    const inline = Boolean(a.inline && contentId);
    return { fileId: null, upload, name: upload.name, contentType: upload.contentType, size: upload.bytes.length, contentId: inline ? contentId : null, inline };
  });
}

/**
 * Saves the Outlook draft the add-in has just saved as one of the owner's templates: subject, HTML
 * (with its `cid:` references) and files. Attachments that are not files are reported, not dropped
 * silently. Read through the owner's own mailbox, so nobody else's draft can be read.
 */
export async function createTemplateFromDraft(
  db: Db, ownerId: string, mailbox: Mailbox, req: TemplateFromDraftRequest,
): Promise<TemplateFromDraftResponse> {
  if (!mailbox.readDraft) {
    throw new AppError(
      'DRAFT_UNAVAILABLE',
      `This server sends through its ${mailbox.provider} mailbox, which has no Outlook drafts. Read the draft's subject and body in the add-in instead, or run the server in Microsoft 365 mode.`,
      { provider: mailbox.provider },
    );
  }
  const draft = await mailbox.readDraft(req.itemId);
  const name = req.name ?? draftTemplateName(db, ownerId, draft.subject);
  const template = saveTemplate(db, ownerId, { name, subject: draft.subject, html: draft.html, text: null, note: '' }, draftAttachments(draft));
  return { template, skipped: draft.skipped.map((s) => ({ name: s.name, kind: s.kind })) };
}
