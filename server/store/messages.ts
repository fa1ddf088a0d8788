import type { Db } from './db';
import { newId, nowIso } from './db';

/** A message of the local mailbox: summary fields plus the full MIME it was sent as. */
export interface MessageRecord {
  id: string; ownerId: string; folderId: string; messageId: string; to: string[]; subject: string;
  tag: string | null; createdAt: string; size: number;
}

interface MessageRow {
  id: string; owner_id: string; folder_id: string; message_id: string; recipients: string; subject: string;
  tag: string | null; created_at: string; size: number;
}

const COLUMNS = 'id, owner_id, folder_id, message_id, recipients, subject, tag, created_at, length(raw) AS size';

function toRecord(r: MessageRow): MessageRecord {
  return {
    id: r.id, ownerId: r.owner_id, folderId: r.folder_id, messageId: r.message_id, to: JSON.parse(r.recipients),
    subject: r.subject, tag: r.tag, createdAt: r.created_at, size: r.size,
  };
}

/** Files a message in a folder. The unique tag index makes a second copy for one delivery impossible. */
export function insertMessage(
  db: Db,
  m: { ownerId: string; folderId: string; messageId: string; to: string[]; subject: string; tag: string | null; raw: Buffer },
): MessageRecord {
  const id = newId();
  const createdAt = nowIso();
  db.prepare(
    'INSERT INTO messages (id, owner_id, folder_id, message_id, recipients, subject, tag, raw, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, m.ownerId, m.folderId, m.messageId, JSON.stringify(m.to), m.subject, m.tag, m.raw, createdAt);
  return { id, ownerId: m.ownerId, folderId: m.folderId, messageId: m.messageId, to: m.to, subject: m.subject, tag: m.tag, createdAt, size: m.raw.length };
}

/** A page of a folder's messages, newest first, with the folder's total. */
export function listMessages(db: Db, ownerId: string, folderId: string, offset: number, limit: number): { total: number; messages: MessageRecord[] } {
  const total = db.prepare('SELECT COUNT(*) FROM messages WHERE owner_id = ? AND folder_id = ?').pluck().get(ownerId, folderId) as number;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM messages WHERE owner_id = ? AND folder_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(ownerId, folderId, limit, offset) as MessageRow[];
  return { total, messages: rows.map(toRecord) };
}

/** One message by id or Message-ID, if the owner has it. */
export function findMessage(db: Db, ownerId: string, idOrMessageId: string): MessageRecord | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM messages WHERE owner_id = ? AND (id = ? OR message_id = ?) LIMIT 1`)
    .get(ownerId, idOrMessageId, idOrMessageId) as MessageRow | undefined;
  return row && toRecord(row);
}

/** The full MIME source of a message. */
export function readRaw(db: Db, ownerId: string, id: string): Buffer | undefined {
  return db.prepare('SELECT raw FROM messages WHERE owner_id = ? AND id = ?').pluck().get(ownerId, id) as Buffer | undefined;
}

/** The message filed for a delivery tag, if any: the local provider's answer to "did this go out?". */
export function findMessageByTag(db: Db, ownerId: string, tag: string): MessageRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE owner_id = ? AND tag = ?`).get(ownerId, tag) as MessageRow | undefined;
  return row && toRecord(row);
}
