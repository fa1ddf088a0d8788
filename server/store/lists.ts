import type { Db } from './db';
import { newId, nowIso } from './db';

type Cell = string | number | boolean | null;
/** A recipient row as stored. */
export type Row = Record<string, Cell>;

/** A saved recipient list without its rows. */
export interface ListRecord {
  id: string;
  ownerId: string;
  name: string;
  source: 'upload' | 'sample';
  fileName: string | null;
  columns: Array<{ name: string; type: 'text' | 'email' | 'number' | 'date' | 'phone' | 'boolean' }>;
  emailColumn: string | null;
  rowCount: number;
  problems: Array<{ row: number; column?: string; code: string; message: string }>;
  createdAt: string;
}

interface ListRow {
  id: string; owner_id: string; name: string; source: string; file_name: string | null; columns: string;
  email_column: string | null; row_count: number; problems: string; created_at: string;
}

function toRecord(r: ListRow): ListRecord {
  return {
    id: r.id, ownerId: r.owner_id, name: r.name, source: r.source as ListRecord['source'], fileName: r.file_name,
    columns: JSON.parse(r.columns), emailColumn: r.email_column, rowCount: r.row_count,
    problems: JSON.parse(r.problems), createdAt: r.created_at,
  };
}

/** Saves a list and all its rows in one transaction: either all of it is stored or nothing. */
export function insertList(db: Db, list: Omit<ListRecord, 'id' | 'createdAt' | 'rowCount'>, rows: Row[]): ListRecord {
  const record: ListRecord = { ...list, id: newId(), createdAt: nowIso(), rowCount: rows.length };
  const insertRow = db.prepare('INSERT INTO list_rows (list_id, idx, data) VALUES (?, ?, ?)');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO lists (id, owner_id, name, source, file_name, columns, email_column, row_count, problems, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(record.id, record.ownerId, record.name, record.source, record.fileName, JSON.stringify(record.columns),
      record.emailColumn, record.rowCount, JSON.stringify(record.problems), record.createdAt);
    rows.forEach((row, i) => insertRow.run(record.id, i, JSON.stringify(row)));
  })();
  return record;
}

/** The owner's lists, newest first. */
export function listLists(db: Db, ownerId: string): ListRecord[] {
  const rows = db.prepare('SELECT * FROM lists WHERE owner_id = ? ORDER BY source DESC, created_at DESC').all(ownerId) as ListRow[];
  return rows.map(toRecord);
}

/** One list if it belongs to the owner. */
export function findList(db: Db, ownerId: string, id: string): ListRecord | undefined {
  const row = db.prepare('SELECT * FROM lists WHERE id = ? AND owner_id = ?').get(id, ownerId) as ListRow | undefined;
  return row && toRecord(row);
}

/** A page of a list's rows in file order. */
export function readRows(db: Db, listId: string, offset = 0, limit = -1): Row[] {
  const data = db.prepare('SELECT data FROM list_rows WHERE list_id = ? ORDER BY idx LIMIT ? OFFSET ?').pluck().all(listId, limit, offset) as string[];
  return data.map((d) => JSON.parse(d) as Row);
}

/** Deletes a list; runs planned from it keep their own frozen copy of each recipient. */
export function deleteList(db: Db, ownerId: string, id: string): boolean {
  return db.prepare('DELETE FROM lists WHERE id = ? AND owner_id = ?').run(id, ownerId).changes > 0;
}

/** True when the owner already has a sample list of that name. */
export function hasSampleList(db: Db, ownerId: string, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM lists WHERE owner_id = ? AND source = 'sample' AND name = ?").get(ownerId, name));
}
