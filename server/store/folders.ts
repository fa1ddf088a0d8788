import type { Db } from './db';
import { newId, nowIso } from './db';

/** A folder of the embedded local mailbox. */
export interface FolderRecord { id: string; ownerId: string; name: string; parentId: string | null; wellKnownName: string | null; messageCount: number }

const SELECT = `SELECT f.id, f.owner_id AS ownerId, f.name, f.parent_id AS parentId, f.well_known AS wellKnownName,
  (SELECT COUNT(*) FROM messages m WHERE m.folder_id = f.id) AS messageCount FROM folders f`;

/** The well-known folders every local mailbox starts with. */
export const WELL_KNOWN_FOLDERS = [
  { wellKnownName: 'inbox', name: 'Inbox' },
  { wellKnownName: 'drafts', name: 'Drafts' },
  { wellKnownName: 'sentitems', name: 'Sent Items' },
] as const;

/** Creates the well-known folders of a mailbox if they are missing. */
export function ensureWellKnownFolders(db: Db, ownerId: string): void {
  const exists = db.prepare('SELECT 1 FROM folders WHERE owner_id = ? AND well_known = ?');
  const insert = db.prepare('INSERT INTO folders (id, owner_id, name, parent_id, well_known, created_at) VALUES (?, ?, ?, NULL, ?, ?)');
  db.transaction(() => {
    for (const f of WELL_KNOWN_FOLDERS) {
      if (!exists.get(ownerId, f.wellKnownName)) insert.run(newId(), ownerId, f.name, f.wellKnownName, nowIso());
    }
  })();
}

/** All folders of the owner's mailbox, well-known ones first. */
export function listFolders(db: Db, ownerId: string): FolderRecord[] {
  return db.prepare(`${SELECT} WHERE f.owner_id = ? ORDER BY f.well_known IS NULL, f.created_at`).all(ownerId) as FolderRecord[];
}

/** One folder by id, well-known name or (case-insensitive) top-level name. */
export function findFolder(db: Db, ownerId: string, idOrName: string): FolderRecord | undefined {
  return db
    .prepare(`${SELECT} WHERE f.owner_id = ? AND (f.id = ? OR f.well_known = lower(?) OR (f.parent_id IS NULL AND f.name = ? COLLATE NOCASE)) LIMIT 1`)
    .get(ownerId, idOrName, idOrName, idOrName) as FolderRecord | undefined;
}

/** Creates a folder; undefined when a sibling already has that name. */
export function insertFolder(db: Db, ownerId: string, name: string, parentId: string | null): FolderRecord | undefined {
  const id = newId();
  const result = db
    .prepare('INSERT INTO folders (id, owner_id, name, parent_id, well_known, created_at) VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT DO NOTHING')
    .run(id, ownerId, name, parentId, nowIso());
  return result.changes ? findFolder(db, ownerId, id) : undefined;
}
