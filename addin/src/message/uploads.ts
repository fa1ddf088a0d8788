import { ApiError, deleteFile, deleteFileSet } from '../api';
import { addSharedFile, removeSharedFile, type MessageFile, type MessageFiles } from './files';

/** A stored copy the server should delete: a file, or a zip's set of files. */
export type StoredCopy = { kind: 'file' | 'set'; id: string };

/** A file just uploaded for this message, added and remembered as this message's own. */
export function addUploadedFile(files: MessageFiles, file: MessageFile): MessageFiles {
  const added = addSharedFile(files, file);
  if (added === files) return files;
  return { ...added, uploaded: [...(files.uploaded ?? []), file.fileId] };
}

/** A change to a message's files, given the latest files (not a copy from when an upload began). */
export type FilesChange = (current: MessageFiles) => MessageFiles;

/**
 * Uploads files one after another and adds each to the message as it arrives. Each addition is a
 * change to the latest files, so a file removed or a zip uploaded meanwhile stays removed or
 * uploaded. Stops at the first failure (rejecting with it), keeping the files already added.
 */
export async function uploadEach<T>(
  chosen: readonly T[],
  upload: (file: T) => Promise<MessageFile>,
  change: (apply: FilesChange) => void,
  onStart: (file: T) => void = () => undefined,
): Promise<void> {
  for (const file of chosen) {
    onStart(file);
    const added = await upload(file);
    change((current) => addUploadedFile(current, added));
  }
}

/**
 * Removes a file sent with every message. Its stored copy goes too only when it was uploaded for
 * this message and no template has it: a library template's file (loaded, or the message saved as
 * a template since) belongs to the library.
 */
export function removeSharedFileOf(
  files: MessageFiles, fileId: string, templateFileIds: readonly string[],
): { files: MessageFiles; stored: StoredCopy | null } {
  const own = (files.uploaded ?? []).includes(fileId) && !templateFileIds.includes(fileId);
  const rest = removeSharedFile(files, fileId);
  const uploaded = files.uploaded?.filter((id) => id !== fileId);
  return { files: uploaded === undefined ? rest : { ...rest, uploaded }, stored: own ? { kind: 'file', id: fileId } : null };
}

/** Removes the zip of per-recipient files; zips are only ever uploaded for the message, so its stored copy goes too. */
export function removeZipOf(files: MessageFiles): { files: MessageFiles; stored: StoredCopy | null } {
  const set = files.perRecipient?.set;
  return { files: { ...files, perRecipient: null }, stored: set ? { kind: 'set', id: set.id } : null };
}

/**
 * Asks the server to delete a removed file's stored copy, best effort: the message has already
 * changed. Resolves to the failure to show (a template or a run still using it, the network), or
 * null when it is gone (already gone counts).
 */
export async function discardStoredCopy(copy: StoredCopy | null): Promise<unknown> {
  if (!copy) return null;
  try {
    await (copy.kind === 'file' ? deleteFile(copy.id) : deleteFileSet(copy.id));
    return null;
  } catch (e) {
    return e instanceof ApiError && e.status === 404 ? null : e;
  }
}
