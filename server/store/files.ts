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

/** Runs in these statuses send nothing more; every other status still needs its files. */
const FINISHED = "('completed', 'cancelled')";

/** Something that still needs a file: a saved template, a run that is not finished, or a saved schedule. */
export interface FileUse { kind: 'template' | 'run' | 'schedule'; id: string; name: string; status: string | null }

/**
 * What still needs any of the files (by id) or the set: templates using them, unfinished runs
 * sending them (or the set), schedules naming them (or the set) in their stored run request.
 * Finished runs do not count: their reports record names, not bytes.
 */
export function listFileUses(db: Db, fileIds: string[], setId: string | null = null): FileUse[] {
  const ids = JSON.stringify(fileIds);
  const templates = db.prepare(
    `SELECT DISTINCT t.id, t.name FROM template_files tf JOIN templates t ON t.id = tf.template_id
     WHERE tf.file_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
  ).all(ids) as Array<{ id: string; name: string }>;
  const runs = db.prepare(
    `SELECT r.id, r.subject AS name, r.status FROM runs r WHERE r.status NOT IN ${FINISHED} AND r.id IN (
       SELECT rf.run_id FROM run_files rf WHERE rf.file_id IN (SELECT value FROM json_each(@ids))
       UNION SELECT rm.run_id FROM run_messages rm WHERE rm.file_set_id = @setId)
     ORDER BY r.created_at`,
  ).all({ ids, setId }) as Array<{ id: string; name: string; status: string }>;
  const schedules = db.prepare(
    `SELECT d.id, d.name FROM run_definitions d WHERE json_extract(d.request, '$.recipientFiles.fileSetId') = @setId
       OR EXISTS (SELECT 1 FROM json_each(d.request, '$.attachments') a WHERE json_extract(a.value, '$.fileId') IN (SELECT value FROM json_each(@ids)))
     ORDER BY d.name`,
  ).all({ ids, setId }) as Array<{ id: string; name: string }>;
  return [
    ...templates.map((t) => ({ kind: 'template' as const, id: t.id, name: t.name, status: null })),
    ...runs.map((r) => ({ kind: 'run' as const, id: r.id, name: r.name, status: r.status })),
    ...schedules.map((s) => ({ kind: 'schedule' as const, id: s.id, name: s.name, status: null })),
  ];
}

/**
 * Deletes a stored file. Finished runs' pins on it go first; a template or an unfinished run still
 * using it makes the foreign keys refuse, so call it inside a transaction that checked its uses.
 */
export function deleteStoredFile(db: Db, id: string): boolean {
  db.prepare(`DELETE FROM run_files WHERE file_id = ? AND run_id IN (SELECT id FROM runs WHERE status IN ${FINISHED})`).run(id);
  return db.prepare('DELETE FROM files WHERE id = ?').run(id).changes > 0;
}

/** Deletes a set and its files, as deleteStoredFile does for one file; finished runs forget the set. */
export function deleteStoredFileSet(db: Db, id: string): boolean {
  const finished = `run_id IN (SELECT id FROM runs WHERE status IN ${FINISHED})`;
  db.prepare(`UPDATE run_messages SET file_set_id = NULL WHERE file_set_id = ? AND ${finished}`).run(id);
  db.prepare(`DELETE FROM run_files WHERE file_id IN (SELECT id FROM files WHERE set_id = ?) AND ${finished}`).run(id);
  return db.prepare('DELETE FROM file_sets WHERE id = ?').run(id).changes > 0;
}

/**
 * True when the file is kept at the cutoff: a template uses it, a run sends it that is unfinished
 * or finished at or after the cutoff, or a schedule names it. (SQL over `f`, parameter @cutoff.)
 */
const FILE_KEPT = `(
  EXISTS (SELECT 1 FROM template_files tf WHERE tf.file_id = f.id)
  OR EXISTS (SELECT 1 FROM run_files rf JOIN runs r ON r.id = rf.run_id WHERE rf.file_id = f.id
             AND (r.status NOT IN ${FINISHED} OR COALESCE(r.finished_at, r.created_at) >= @cutoff))
  OR EXISTS (SELECT 1 FROM run_definitions d, json_each(d.request, '$.attachments') a WHERE json_extract(a.value, '$.fileId') = f.id))`;

/** Single files (not of a set) created before the cutoff and not kept (see FILE_KEPT); `only` checks just that one. */
export function listExpiredFiles(db: Db, cutoffIso: string, only: string | null = null): string[] {
  return db.prepare(
    `SELECT f.id FROM files f WHERE ${only === null ? '' : 'f.id = @only AND '}f.set_id IS NULL AND f.created_at < @cutoff AND NOT ${FILE_KEPT}`,
  ).pluck().all({ cutoff: cutoffIso, ...(only !== null && { only }) }) as string[];
}

/** Sets created before the cutoff that no unfinished or recently finished run, schedule, or use of a member keeps. */
export function listExpiredFileSets(db: Db, cutoffIso: string, only: string | null = null): string[] {
  return db.prepare(
    `SELECT s.id FROM file_sets s WHERE ${only === null ? '' : 's.id = @only AND '}s.created_at < @cutoff
       AND NOT EXISTS (SELECT 1 FROM run_messages rm JOIN runs r ON r.id = rm.run_id WHERE rm.file_set_id = s.id
                       AND (r.status NOT IN ${FINISHED} OR COALESCE(r.finished_at, r.created_at) >= @cutoff))
       AND NOT EXISTS (SELECT 1 FROM run_definitions d WHERE json_extract(d.request, '$.recipientFiles.fileSetId') = s.id)
       AND NOT EXISTS (SELECT 1 FROM files f WHERE f.set_id = s.id AND ${FILE_KEPT})`,
  ).pluck().all({ cutoff: cutoffIso, ...(only !== null && { only }) }) as string[];
}

/** Whether a file is still stored (any owner: runs were checked against theirs when planned). */
export function fileStored(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM files WHERE id = ?').pluck().get(id) !== undefined;
}

/** Whether a set is still stored. */
export function fileSetStored(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM file_sets WHERE id = ?').pluck().get(id) !== undefined;
}
