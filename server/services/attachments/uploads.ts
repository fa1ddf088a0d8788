import type { FileSet, StoredFile } from '../../../shared/api';
import { AppError } from '../../errors';
import { contentTypeOf } from '../../mail/content-types';
import { baseName, fileKey } from '../../mail/file-names';
import { formatBytes } from '../../mail/message-size';
import type { Db } from '../../store/db';
import { findFile, findFileSet, insertFile, insertFileSet, listSetFiles, type FileRecord, type FileSetRecord, type NewFile } from '../../store/files';
import { MAX_FILE_BYTES } from './limits';
import { readZip } from './zip-reader';

/** The API's view of a stored file. */
export function presentFile(f: Pick<FileRecord, 'id' | 'name' | 'contentType' | 'size'>): StoredFile {
  return { id: f.id, name: f.name, contentType: f.contentType, size: f.size };
}

/** The API's view of a file set with its files. */
export function presentFileSet(set: FileSetRecord, files: FileRecord[]): FileSet {
  return { id: set.id, name: set.name, totalSize: set.totalSize, files: files.map(presentFile), createdAt: set.createdAt };
}

/** A file ready to store: its name cleaned, its type guessed from the name when not given, its size checked. */
export function newFile(name: string, bytes: Uint8Array, contentType?: string): NewFile {
  const clean = baseName(name).replace(/[\u0000-\u001f\u007f]/g, '');
  if (!clean) throw new AppError('VALIDATION_FAILED', `"${name}" is not a usable file name.`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${clean} is ${formatBytes(bytes.length)}; a file can be at most ${formatBytes(MAX_FILE_BYTES)}.`, { file: clean, size: bytes.length });
  }
  return { name: clean, key: fileKey(clean), contentType: contentType ?? contentTypeOf(clean), bytes };
}

/** Stores one uploaded file for the owner. */
export function storeUpload(db: Db, ownerId: string, name: string, bytes: Uint8Array, contentType?: string): StoredFile {
  return presentFile(insertFile(db, ownerId, newFile(name, bytes, contentType)));
}

/**
 * Stores the files of an uploaded zip as one set. Folders inside the zip are ignored (only names
 * count), so two files whose names differ only in folder, case or normalisation are refused:
 * which one a row meant could not be known.
 */
export function storeZip(db: Db, ownerId: string, fileName: string, zip: Uint8Array, encoding?: string): FileSet {
  const entries = readZip(zip, fileName, encoding);
  if (entries.length === 0) throw new AppError('IMPORT_FAILED', `${fileName}: the zip holds no files.`, { fileName });
  const byKey = new Map<string, string[]>();
  const files = entries.map((e) => {
    const file = newFile(e.path, e.bytes);
    byKey.set(file.key, [...(byKey.get(file.key) ?? []), e.path]);
    return file;
  });
  const clashes = [...byKey.values()].filter((paths) => paths.length > 1);
  if (clashes.length > 0) {
    const shown = clashes.slice(0, 5).map((paths) => paths.join(' / ')).join('; ');
    throw new AppError('IMPORT_FAILED', `${fileName}: files share a name (folders and case are ignored when rows name files): ${shown}. Rename them and upload again.`, { fileName, clashes });
  }
  const { set } = insertFileSet(db, ownerId, baseName(fileName), files);
  return presentFileSet(set, listSetFiles(db, set.id));
}

/** The owner's file set with its files, or NOT_FOUND. */
export function requireFileSet(db: Db, ownerId: string, id: string): { set: FileSetRecord; files: FileRecord[] } {
  const set = findFileSet(db, ownerId, id);
  if (!set) throw new AppError('NOT_FOUND', `There is no uploaded file set with id "${id}"; upload the zip again.`);
  return { set, files: listSetFiles(db, set.id) };
}

/** The owner's file, or NOT_FOUND. */
export function requireFile(db: Db, ownerId: string, id: string): FileRecord {
  const file = findFile(db, ownerId, id);
  if (!file) throw new AppError('NOT_FOUND', `There is no uploaded file with id "${id}"; upload it again.`);
  return file;
}
