import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';

/**
 * Where a delivery's Graph message stands, as last written before the next step was tried:
 * creating (POST /me/messages under way, no id yet) → draft (id known, attachments may be
 * missing) → ready (complete) → sending (POST .../send under way) → sent (202 seen) → filed
 * (the sent copy is in the chosen folder).
 */
export type DraftState = 'creating' | 'draft' | 'ready' | 'sending' | 'sent' | 'filed';

/** One delivery's Graph message. */
export interface DraftRecord {
  ownerId: string;
  tag: string;
  draftId: string | null;
  folderId: string;
  state: DraftState;
  /** The Internet Message-ID, without angle brackets, once known. */
  messageId: string | null;
  updatedAt: string;
}

interface Row { owner_id: string; tag: string; draft_id: string | null; folder_id: string; state: DraftState; message_id: string | null; updated_at: string }

const toRecord = (r: Row): DraftRecord => ({
  ownerId: r.owner_id, tag: r.tag, draftId: r.draft_id, folderId: r.folder_id, state: r.state, messageId: r.message_id, updatedAt: r.updated_at,
});

/** The record of a tag in a user's mailbox, if any. */
export function findDraft(db: Db, ownerId: string, tag: string): DraftRecord | undefined {
  const row = db.prepare('SELECT * FROM graph_drafts WHERE owner_id = ? AND tag = ?').get(ownerId, tag) as Row | undefined;
  return row && toRecord(row);
}

/** Starts (or restarts) a tag's record: about to create its draft. */
export function beginDraft(db: Db, ownerId: string, tag: string, folderId: string): void {
  db.prepare(
    `INSERT INTO graph_drafts (owner_id, tag, draft_id, folder_id, state, message_id, updated_at) VALUES (?, ?, NULL, ?, 'creating', NULL, ?)
     ON CONFLICT(owner_id, tag) DO UPDATE SET draft_id = NULL, folder_id = excluded.folder_id, state = 'creating', message_id = NULL, updated_at = excluded.updated_at`,
  ).run(ownerId, tag, folderId, nowIso());
}

/** Moves a tag's record on; fields not given keep their value. */
export function updateDraft(db: Db, ownerId: string, tag: string, change: { state: DraftState; draftId?: string; messageId?: string | null }): void {
  db.prepare(
    `UPDATE graph_drafts SET state = @state, draft_id = COALESCE(@draftId, draft_id), message_id = COALESCE(@messageId, message_id), updated_at = @at
     WHERE owner_id = @ownerId AND tag = @tag`,
  ).run({ ownerId, tag, state: change.state, draftId: change.draftId ?? null, messageId: change.messageId ?? null, at: nowIso() });
}

/** Forgets a tag's record (its draft was deleted, or never existed). */
export function deleteDraft(db: Db, ownerId: string, tag: string): void {
  db.prepare('DELETE FROM graph_drafts WHERE owner_id = ? AND tag = ?').run(ownerId, tag);
}

/** Sent messages whose copy is not yet known to be in its folder, oldest first. */
export function listUnfiled(db: Db, ownerId: string, olderThan: string, limit: number): DraftRecord[] {
  const rows = db.prepare(
    "SELECT * FROM graph_drafts WHERE owner_id = ? AND state = 'sent' AND updated_at < ? ORDER BY updated_at LIMIT ?",
  ).all(ownerId, olderThan, limit) as Row[];
  return rows.map(toRecord);
}
