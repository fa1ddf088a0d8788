import type { CreateTemplateRequest, SavedTemplate, SavedTemplateSummary, TemplateInput, UpdateTemplateRequest } from '../../shared/api';
import { AppError } from '../errors';
import type { SharedAttachment } from '../mail/message-spec';
import type { Db } from '../store/db';
import { deleteUnusedFiles } from '../store/files';
import {
  deleteTemplate, findTemplate, insertTemplate, listTemplates, templateNameTaken, updateTemplate, type TemplateContent, type TemplateRecord,
} from '../store/templates';
import { assertInlineImagesPresent, readAttachmentInputs, storeAttachments, type PendingAttachment } from './attachments/shared-files';
import { analyse, assertSendable } from './templates';

/** The API's view of a saved template. */
export function presentTemplate(t: TemplateRecord): SavedTemplate {
  return {
    id: t.id, ownerId: t.ownerId, name: t.name, subject: t.subject, html: t.html, text: t.text, note: t.note,
    attachments: t.attachments.map((a) => ({ ...a })), createdAt: t.createdAt, updatedAt: t.updatedAt, lastSentAt: t.lastSentAt,
  };
}

/** The owner's library, most recently changed first. */
export function listLibrary(db: Db, ownerId: string): SavedTemplateSummary[] {
  return listTemplates(db, ownerId).map((t) => ({
    id: t.id, ownerId: t.ownerId, name: t.name, subject: t.subject, note: t.note, attachmentCount: t.attachmentCount,
    createdAt: t.createdAt, updatedAt: t.updatedAt, lastSentAt: t.lastSentAt,
  }));
}

/** The owner's template, or NOT_FOUND (another user's template is not found: ids do not leak). */
export function requireTemplate(db: Db, ownerId: string, id: string): TemplateRecord {
  const t = findTemplate(db, ownerId, id);
  if (!t) throw new AppError('NOT_FOUND', `There is no template with id "${id}".`);
  return t;
}

/** Saves a new template: its syntax, its inline images and its name are checked first. */
export function createLibraryTemplate(db: Db, ownerId: string, req: CreateTemplateRequest): SavedTemplate {
  const content: TemplateContent = { name: req.name, subject: req.subject, html: req.html, text: req.text ?? null, note: req.note ?? '' };
  return saveTemplate(db, ownerId, content, readAttachmentInputs(db, ownerId, req.attachments));
}

/** Saves a new template and its files in one transaction, once its name, syntax and inline images are checked. */
export function saveTemplate(db: Db, ownerId: string, content: TemplateContent, pending: PendingAttachment[]): SavedTemplate {
  checkContent(db, ownerId, content, pending);
  const saved = db.transaction(() => insertTemplate(db, ownerId, content, storeAttachments(db, ownerId, pending)))();
  return presentTemplate(saved);
}

/** Changes a template (renaming included); attachments are replaced only when given. */
export function updateLibraryTemplate(db: Db, ownerId: string, id: string, req: UpdateTemplateRequest): SavedTemplate {
  const current = requireTemplate(db, ownerId, id);
  const content: TemplateContent = {
    name: req.name ?? current.name, subject: req.subject ?? current.subject, html: req.html ?? current.html,
    text: req.text === undefined ? current.text : req.text, note: req.note ?? current.note,
  };
  const pending = req.attachments ? readAttachmentInputs(db, ownerId, req.attachments) : undefined;
  checkContent(db, ownerId, content, pending ?? current.attachments, id);
  const saved = db.transaction(() => {
    const updated = updateTemplate(db, ownerId, id, content, pending && storeAttachments(db, ownerId, pending));
    // Files the template no longer uses go, unless another template or a run still sends them.
    if (pending) deleteUnusedFiles(db, current.attachments.map((a) => a.fileId));
    return updated;
  })();
  if (!saved) throw new AppError('NOT_FOUND', `There is no template with id "${id}".`);
  return presentTemplate(saved);
}

/** Deletes a template; runs planned from it keep the text and files they froze. */
export function deleteLibraryTemplate(db: Db, ownerId: string, id: string): void {
  db.transaction(() => {
    const fileIds = deleteTemplate(db, ownerId, id);
    if (!fileIds) throw new AppError('NOT_FOUND', `There is no template with id "${id}".`);
    deleteUnusedFiles(db, fileIds);
  })();
}

/** Copies a template under a new name ("<name> (copy)", numbered if taken); the files are shared, not copied. */
export function duplicateLibraryTemplate(db: Db, ownerId: string, id: string, name?: string): SavedTemplate {
  const source = requireTemplate(db, ownerId, id);
  const copyName = name ?? freeCopyName(db, ownerId, source.name);
  if (templateNameTaken(db, ownerId, copyName)) throw nameTaken(copyName);
  const content: TemplateContent = { name: copyName, subject: source.subject, html: source.html, text: source.text, note: source.note };
  return presentTemplate(insertTemplate(db, ownerId, content, source.attachments));
}

/** The template text and files a run or preview uses: the library's (by id) or the one sent inline. */
export function templateForRun(
  db: Db, ownerId: string, req: { template?: TemplateInput; templateId?: string },
): { template: TemplateInput; templateId: string | null; attachments: SharedAttachment[] } {
  if (req.templateId !== undefined) {
    const t = requireTemplate(db, ownerId, req.templateId);
    return { template: { subject: t.subject, html: t.html, text: t.text ?? undefined }, templateId: t.id, attachments: t.attachments };
  }
  if (!req.template) throw new AppError('VALIDATION_FAILED', 'Give the template to use, or the id of one from the library.');
  return { template: req.template, templateId: null, attachments: [] };
}

function checkContent(db: Db, ownerId: string, content: TemplateContent, attachments: Array<{ contentId: string | null; inline: boolean }>, exceptId?: string): void {
  if (templateNameTaken(db, ownerId, content.name, exceptId)) throw nameTaken(content.name);
  // Only syntax matters here: which fields exist depends on the list it will be sent to.
  assertSendable(analyse({ subject: content.subject, html: content.html, text: content.text ?? undefined }, [], []), true);
  assertInlineImagesPresent(content.html, attachments);
}

function freeCopyName(db: Db, ownerId: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${name} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!templateNameTaken(db, ownerId, candidate)) return candidate;
  }
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `You already have a template named "${name}"; choose another name.`, { name });
}
