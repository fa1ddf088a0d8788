import type { ChangeLogLink, ImportSettings, ListOrigin } from '../../shared/api';
import type { Db } from './db';
import { newId, nowIso } from './db';

type Cell = string | number | boolean | null;
/** A recipient row as stored. */
export type Row = Record<string, Cell>;

/** What a list knows about its rows besides their columns. */
export interface ListMeta {
  /** Rows are companies and their contact persons; this column holds company/defaultContact/otherContact. */
  companies?: { typeColumn: string };
  /** Another list holding this one's change log. */
  changeLog?: ChangeLogLink;
  /** How the uploaded file was read. */
  import?: ImportSettings;
  /** A list read from Microsoft 365 (`source` 'outlook'): the source to read again on refresh. */
  origin?: ListOrigin;
  /** The column naming each person, for marks that survive a new file (null: none; absent: lists made before). */
  keyColumn?: string | null;
}

/** A saved recipient list without its rows. */
export interface ListRecord {
  id: string;
  ownerId: string;
  name: string;
  source: 'upload' | 'sample' | 'outlook';
  fileName: string | null;
  columns: Array<{ name: string; type: 'text' | 'email' | 'number' | 'date' | 'phone' | 'boolean' }>;
  emailColumn: string | null;
  phoneColumn: string | null;
  rowCount: number;
  problems: Array<{ row: number; column?: string; code: string; message: string }>;
  meta: ListMeta;
  createdAt: string;
  updatedAt: string;
}

/** What a caller gives to store a list; the rest is worked out. */
export type NewList = Omit<ListRecord, 'id' | 'createdAt' | 'updatedAt' | 'rowCount' | 'phoneColumn' | 'meta'>
  & Partial<Pick<ListRecord, 'phoneColumn' | 'meta'>>;

/** The parts of a list that replacing its file changes. */
export type ListContent = Pick<ListRecord, 'fileName' | 'columns' | 'emailColumn' | 'phoneColumn' | 'problems' | 'meta'> & { name?: string };

interface ListRow {
  id: string; owner_id: string; name: string; source: string; file_name: string | null; columns: string;
  email_column: string | null; phone_column: string | null; row_count: number; problems: string; meta: string;
  created_at: string; updated_at: string | null;
}

function toRecord(r: ListRow): ListRecord {
  return {
    id: r.id, ownerId: r.owner_id, name: r.name, source: r.source as ListRecord['source'], fileName: r.file_name,
    columns: JSON.parse(r.columns), emailColumn: r.email_column, phoneColumn: r.phone_column, rowCount: r.row_count,
    problems: JSON.parse(r.problems), meta: JSON.parse(r.meta), createdAt: r.created_at, updatedAt: r.updated_at ?? r.created_at,
  };
}

function insertRows(db: Db, listId: string, rows: Row[]): void {
  const insertRow = db.prepare('INSERT INTO list_rows (list_id, idx, data) VALUES (?, ?, ?)');
  for (let i = 0; i < rows.length; i++) insertRow.run(listId, i, JSON.stringify(rows[i]));
}

/** Saves a list and all its rows in one transaction: either all of it is stored or nothing. */
export function insertList(db: Db, list: NewList, rows: Row[]): ListRecord {
  const now = nowIso();
  const record: ListRecord = {
    phoneColumn: null, meta: {}, ...list, id: newId(), createdAt: now, updatedAt: now, rowCount: rows.length,
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO lists (id, owner_id, name, source, file_name, columns, email_column, phone_column, row_count, problems, meta, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(record.id, record.ownerId, record.name, record.source, record.fileName, JSON.stringify(record.columns),
      record.emailColumn, record.phoneColumn, record.rowCount, JSON.stringify(record.problems), JSON.stringify(record.meta),
      record.createdAt, record.updatedAt);
    insertRows(db, record.id, rows);
  })();
  return record;
}

/**
 * Replaces a list's rows and columns in one transaction, keeping its id (and so every link to
 * it). Runs already planned are untouched: their deliveries hold their own copy of each row.
 */
export function replaceList(db: Db, ownerId: string, id: string, content: ListContent, rows: Row[]): ListRecord | undefined {
  return db.transaction(() => {
    const current = findList(db, ownerId, id);
    if (!current) return undefined;
    const next: ListRecord = { ...current, ...content, name: content.name ?? current.name, rowCount: rows.length, updatedAt: nowIso() };
    db.prepare('DELETE FROM list_rows WHERE list_id = ?').run(id);
    db.prepare(
      `UPDATE lists SET name = ?, file_name = ?, columns = ?, email_column = ?, phone_column = ?, row_count = ?, problems = ?,
         meta = ?, updated_at = ? WHERE id = ? AND owner_id = ?`,
    ).run(next.name, next.fileName, JSON.stringify(next.columns), next.emailColumn, next.phoneColumn, next.rowCount,
      JSON.stringify(next.problems), JSON.stringify(next.meta), next.updatedAt, id, ownerId);
    insertRows(db, id, rows);
    return next;
  })();
}

/** Changes a list's name, chosen columns or metadata; its rows stay as they are. */
export function updateList(
  db: Db, ownerId: string, id: string, patch: Partial<Pick<ListRecord, 'name' | 'emailColumn' | 'phoneColumn' | 'meta'>>,
): ListRecord | undefined {
  const current = findList(db, ownerId, id);
  if (!current) return undefined;
  const next: ListRecord = { ...current, ...patch, updatedAt: nowIso() };
  db.prepare('UPDATE lists SET name = ?, email_column = ?, phone_column = ?, meta = ?, updated_at = ? WHERE id = ? AND owner_id = ?')
    .run(next.name, next.emailColumn, next.phoneColumn, JSON.stringify(next.meta), next.updatedAt, id, ownerId);
  return next;
}

/** The owner's lists, newest first, sample lists last. */
export function listLists(db: Db, ownerId: string): ListRecord[] {
  const rows = db.prepare("SELECT * FROM lists WHERE owner_id = ? ORDER BY source = 'sample', created_at DESC").all(ownerId) as ListRow[];
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
  return findSampleList(db, ownerId, name) !== undefined;
}

/** The owner's sample list of that name, if seeded. */
export function findSampleList(db: Db, ownerId: string, name: string): ListRecord | undefined {
  const row = db.prepare("SELECT * FROM lists WHERE owner_id = ? AND source = 'sample' AND name = ?").get(ownerId, name) as ListRow | undefined;
  return row && toRecord(row);
}
