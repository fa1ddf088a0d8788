import type { Db } from './db';
import { newId, nowIso } from './db';

/** A stored file without its bytes. Files never change once stored; a new version is a new file. */
export interface FileRecord { id: string; ownerId: string; setId: string | null; name: string; key: string; contentType: string; size: number; createdAt: string }

/** The files of one uploaded zip. */
export interface FileSetRecord { id: string; ownerId: string; name: string; fileCount: number; totalSize: number; createdAt: string }

/** A file about to be stored. */
export interface NewFile { name: string; key: string; contentType: string; bytes: Uint8Array }

interface FileRow { id: string; owner_id: string; set_id: string | null; name: string; name_key: string; content_type: string; size: number; created_at: string }
interface FileSetRow { id: string; owner_id: string; name: string; file_count: number; total_size: number; created_at: string }

const FILE_COLUMNS = 'id, owner_id, set_id, name, name_key, content_type, size, created_at';

function toFile(r: FileRow): FileRecord {
  return { id: r.id, ownerId: r.owner_id, setId: r.set_id, name: r.name, key: r.name_key, contentType: r.content_type, size: r.size, createdAt: r.created_at };
}

function toSet(r: FileSetRow): FileSetRecord {
  return { id: r.id, ownerId: r.owner_id, name: r.name, fileCount: r.file_count, totalSize: r.total_size, createdAt: r.created_at };
}

/** Stores one file (optionally as a member of a set); call inside a transaction when it belongs to more. */
export function insertFile(db: Db, ownerId: string, file: NewFile, setId: string | null = null): FileRecord {
  const record: FileRecord = {
    id: newId(), ownerId, setId, name: file.name, key: file.key, contentType: file.contentType, size: file.bytes.length, createdAt: nowIso(),
  };
  db.prepare(`INSERT INTO files (${FILE_COLUMNS}, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    record.id, ownerId, setId, record.name, record.key, record.contentType, record.size, record.createdAt, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length),
  );
  return record;
}

/** Stores a set and all its files in one transaction: all of it or nothing. */
export function insertFileSet(db: Db, ownerId: string, name: string, files: NewFile[]): { set: FileSetRecord; files: FileRecord[] } {
  return db.transaction(() => {
    const set: FileSetRecord = {
      id: newId(), ownerId, name, fileCount: files.length, totalSize: files.reduce((sum, f) => sum + f.bytes.length, 0), createdAt: nowIso(),
    };
    db.prepare('INSERT INTO file_sets (id, owner_id, name, file_count, total_size, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      set.id, ownerId, name, set.fileCount, set.totalSize, set.createdAt,
    );
    return { set, files: files.map((f) => insertFile(db, ownerId, f, set.id)) };
  })();
}

/** One of the owner's files, without its bytes. */
export function findFile(db: Db, ownerId: string, id: string): FileRecord | undefined {
  const row = db.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE id = ? AND owner_id = ?`).get(id, ownerId) as FileRow | undefined;
  return row && toFile(row);
}

/** A file's bytes (for sending: the run that names it was checked against its owner when planned). */
export function readFileBytes(db: Db, id: string): Buffer | undefined {
  return db.prepare('SELECT bytes FROM files WHERE id = ?').pluck().get(id) as Buffer | undefined;
}

/** One of the owner's file sets. */
export function findFileSet(db: Db, ownerId: string, id: string): FileSetRecord | undefined {
  const row = db.prepare('SELECT * FROM file_sets WHERE id = ? AND owner_id = ?').get(id, ownerId) as FileSetRow | undefined;
  return row && toSet(row);
}

/** The files of a set, by name. */
export function listSetFiles(db: Db, setId: string): FileRecord[] {
  return (db.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE set_id = ? ORDER BY name`).all(setId) as FileRow[]).map(toFile);
}

/** Deletes those of the files that no template and no run uses any more. */
export function deleteUnusedFiles(db: Db, ids: string[]): number {
  const remove = db.prepare(
    `DELETE FROM files WHERE id = ? AND set_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM template_files WHERE file_id = files.id)
       AND NOT EXISTS (SELECT 1 FROM run_files WHERE file_id = files.id)`,
  );
  return ids.reduce((n, id) => n + remove.run(id).changes, 0);
}

/** The first and last bytes of a file: enough to tell a PDF, and an encrypted one, without reading it all. */
export function readFileEdges(db: Db, id: string, head: number, tail: number): { head: Buffer; tail: Buffer } | undefined {
  const row = db.prepare('SELECT substr(bytes, 1, ?) AS head, substr(bytes, -?) AS tail FROM files WHERE id = ?').get(head, tail, id) as
    | { head: Buffer; tail: Buffer }
    | undefined;
  return row;
}
