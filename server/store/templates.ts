import type { Db } from './db';
import { newId, nowIso } from './db';

/** An attachment of a saved template: a stored file, possibly an inline image. */
export interface TemplateFileRecord { fileId: string; name: string; contentType: string; size: number; contentId: string | null; inline: boolean }

/** A saved template. `lastSentAt` is when a run using it last started, derived from the runs. */
export interface TemplateRecord {
  id: string; ownerId: string; name: string; subject: string; html: string; text: string | null; note: string;
  attachments: TemplateFileRecord[]; createdAt: string; updatedAt: string; lastSentAt: string | null;
}

/** The editable part of a template. */
export type TemplateContent = Pick<TemplateRecord, 'name' | 'subject' | 'html' | 'text' | 'note'>;

interface TemplateRow {
  id: string; owner_id: string; name: string; subject: string; html: string; text: string | null; note: string;
  created_at: string; updated_at: string; last_sent_at: string | null; attachment_count: number;
}

// A template was last sent when the latest run planned from it started sending.
const SELECT = `SELECT t.*, (SELECT MAX(r.started_at) FROM run_messages m JOIN runs r ON r.id = m.run_id WHERE m.template_id = t.id) AS last_sent_at,
  (SELECT COUNT(*) FROM template_files f WHERE f.template_id = t.id) AS attachment_count FROM templates t`;

function toRecord(r: TemplateRow, attachments: TemplateFileRecord[]): TemplateRecord {
  return {
    id: r.id, ownerId: r.owner_id, name: r.name, subject: r.subject, html: r.html, text: r.text, note: r.note,
    attachments, createdAt: r.created_at, updatedAt: r.updated_at, lastSentAt: r.last_sent_at,
  };
}

function readAttachments(db: Db, templateId: string): TemplateFileRecord[] {
  const rows = db
    .prepare(
      `SELECT tf.file_id AS fileId, f.name, f.content_type AS contentType, f.size, tf.content_id AS contentId, tf.inline
       FROM template_files tf JOIN files f ON f.id = tf.file_id WHERE tf.template_id = ? ORDER BY tf.position`,
    )
    .all(templateId) as Array<Omit<TemplateFileRecord, 'inline'> & { inline: number }>;
  return rows.map((r) => ({ ...r, inline: r.inline === 1 }));
}

function writeAttachments(db: Db, templateId: string, attachments: Array<Pick<TemplateFileRecord, 'fileId' | 'contentId' | 'inline'>>): void {
  db.prepare('DELETE FROM template_files WHERE template_id = ?').run(templateId);
  const insert = db.prepare('INSERT INTO template_files (template_id, position, file_id, content_id, inline) VALUES (?, ?, ?, ?, ?)');
  attachments.forEach((a, i) => insert.run(templateId, i, a.fileId, a.contentId, a.inline ? 1 : 0));
}

/** Saves a new template with its attachments (files already stored). */
export function insertTemplate(db: Db, ownerId: string, content: TemplateContent, attachments: Array<Pick<TemplateFileRecord, 'fileId' | 'contentId' | 'inline'>>): TemplateRecord {
  const id = newId();
  const now = nowIso();
  db.transaction(() => {
    db.prepare('INSERT INTO templates (id, owner_id, name, subject, html, text, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id, ownerId, content.name, content.subject, content.html, content.text, content.note, now, now,
    );
    writeAttachments(db, id, attachments);
  })();
  return findTemplate(db, ownerId, id) as TemplateRecord;
}

/** Replaces a template's content, and its attachments when given. */
export function updateTemplate(
  db: Db, ownerId: string, id: string, content: TemplateContent, attachments?: Array<Pick<TemplateFileRecord, 'fileId' | 'contentId' | 'inline'>>,
): TemplateRecord | undefined {
  const changed = db.transaction(() => {
    const result = db.prepare('UPDATE templates SET name = ?, subject = ?, html = ?, text = ?, note = ?, updated_at = ? WHERE id = ? AND owner_id = ?').run(
      content.name, content.subject, content.html, content.text, content.note, nowIso(), id, ownerId,
    );
    if (result.changes > 0 && attachments) writeAttachments(db, id, attachments);
    return result.changes > 0;
  })();
  return changed ? findTemplate(db, ownerId, id) : undefined;
}

/** One template, if it belongs to the owner. */
export function findTemplate(db: Db, ownerId: string, id: string): TemplateRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE t.id = ? AND t.owner_id = ?`).get(id, ownerId) as TemplateRow | undefined;
  return row && toRecord(row, readAttachments(db, row.id));
}

/** The owner's templates, most recently changed first, with their attachment counts (no attachment details). */
export function listTemplates(db: Db, ownerId: string): Array<Omit<TemplateRecord, 'attachments'> & { attachmentCount: number }> {
  const rows = db.prepare(`${SELECT} WHERE t.owner_id = ? ORDER BY t.updated_at DESC, t.rowid DESC`).all(ownerId) as TemplateRow[];
  return rows.map((r) => {
    const { attachments: _none, ...rest } = toRecord(r, []);
    return { ...rest, attachmentCount: r.attachment_count };
  });
}

/** True when the owner has another template of that name, ignoring case in any script ("Şablon", "ŞABLON"). */
export function templateNameTaken(db: Db, ownerId: string, name: string, exceptId?: string): boolean {
  const fold = (text: string): string => text.normalize('NFC').toLowerCase();
  const rows = db.prepare('SELECT id, name FROM templates WHERE owner_id = ?').all(ownerId) as Array<{ id: string; name: string }>;
  return rows.some((r) => r.id !== exceptId && fold(r.name) === fold(name));
}

/** Deletes a template; returns the ids of the files it used (the caller removes those nothing else uses). */
export function deleteTemplate(db: Db, ownerId: string, id: string): string[] | undefined {
  return db.transaction(() => {
    const fileIds = db.prepare('SELECT file_id FROM template_files WHERE template_id = ?').pluck().all(id) as string[];
    const deleted = db.prepare('DELETE FROM templates WHERE id = ? AND owner_id = ?').run(id, ownerId).changes > 0;
    return deleted ? fileIds : undefined;
  })();
}
