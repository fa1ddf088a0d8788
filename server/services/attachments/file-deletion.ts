import { AppError } from '../../errors';
import type { Db } from '../../store/db';
import {
  deleteStoredFile, deleteStoredFileSet, fileSetStored, fileStored, findFileSet, listFileUses, type FileUse,
} from '../../store/files';
import { findRunMessage } from '../../store/run-messages';
import { requireFile, requireFileSet } from './uploads';

/**
 * Deletes one of the owner's stored files (an attachment or inline image), in one transaction with
 * the check that nothing still needs it: a template, an unfinished run or a schedule refuses it
 * with INVALID_STATE naming them. Another user's file is NOT_FOUND.
 */
export function deleteOwnFile(db: Db, ownerId: string, id: string): void {
  db.transaction(() => {
    const file = requireFile(db, ownerId, id);
    if (file.setId !== null) {
      const set = findFileSet(db, ownerId, file.setId);
      throw new AppError('INVALID_STATE', `${file.name} is one of the files of the zip ${set?.name ?? ''}; delete the zip instead (DELETE /api/files/sets/${file.setId}).`, { fileSetId: file.setId });
    }
    refuseWhileUsed(file.name, listFileUses(db, [file.id]));
    deleteStoredFile(db, file.id);
  }).immediate();
}

/** Deletes one of the owner's zips of per-recipient files with all its files, as deleteOwnFile does for one file. */
export function deleteOwnFileSet(db: Db, ownerId: string, id: string): void {
  db.transaction(() => {
    const { set, files } = requireFileSet(db, ownerId, id);
    refuseWhileUsed(set.name, listFileUses(db, files.map((f) => f.id), set.id));
    deleteStoredFileSet(db, set.id);
  }).immediate();
}

const HINTS: Record<FileUse['kind'], string> = {
  template: 'remove it from the template or delete the template',
  run: 'let the run finish or cancel it',
  schedule: 'delete the schedule',
};

function refuseWhileUsed(name: string, uses: FileUse[]): void {
  if (uses.length === 0) return;
  const shown = uses.slice(0, 5).map((u) => `the ${u.kind} "${u.name}"${u.status ? ` (${u.status})` : ''}`);
  const more = uses.length > shown.length ? ` and ${uses.length - shown.length} more` : '';
  const hints = [...new Set(uses.map((u) => HINTS[u.kind]))].join('; ');
  throw new AppError('INVALID_STATE', `${name} is still used by ${shown.join(', ')}${more}. To delete it, first ${hints}.`, {
    uses: uses.map((u) => ({ kind: u.kind, id: u.id, name: u.name, ...(u.status && { status: u.status }) })),
  });
}

/**
 * Refuses to send a run's messages again once files it sends are no longer stored (deleted by
 * their owner, or by retention after its runs finished): a retry would fail every message, or
 * worse, a message would go without its attachment. Call inside the transaction that requeues.
 */
export function assertRunFilesStored(db: Db, runId: string): void {
  const spec = findRunMessage(db, runId)?.spec;
  if (!spec) return;
  const missing = spec.shared.filter((a) => !fileStored(db, a.fileId)).map((a) => a.name);
  const set = spec.recipientFiles;
  if (set && !fileSetStored(db, set.fileSetId)) {
    missing.push(`each recipient's own file (the zip named in column "${set.column}")`);
  }
  if (missing.length === 0) return;
  throw new AppError(
    'INVALID_STATE',
    `The files this run sends are no longer stored: ${missing.join(', ')}. Stored files are deleted when you delete them, or some days after the last run using them finished. Upload the files again and start a new run for the failed recipients.`,
    { missingFiles: missing },
  );
}
