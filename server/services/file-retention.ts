import type { Logger } from '../log';
import type { Db } from '../store/db';
import { deleteStoredFile, deleteStoredFileSet, listExpiredFiles, listExpiredFileSets } from '../store/files';

const DAY_MS = 86_400_000;
/** How often the server looks for files to delete. */
export const RETENTION_SWEEP_MS = 3_600_000;

/** How many single files and zips (file sets) a sweep deleted. */
export interface SweepResult { files: number; sets: number }

/**
 * Deletes stored files (attachments, inline images, zips of per-recipient files: personal data
 * such as payslips) last used more than `days` days before `now`: created then, or sent by a run
 * that finished then, and needed by no template, unfinished run or schedule. Each file or zip goes
 * in its own transaction that checks it again, so a run planned meanwhile keeps what it uses.
 */
export function sweepExpiredFiles(db: Db, days: number, now: number): SweepResult {
  if (days <= 0) return { files: 0, sets: 0 };
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const files = listExpiredFiles(db, cutoff).filter((id) =>
    db.transaction(() => listExpiredFiles(db, cutoff, id).length > 0 && deleteStoredFile(db, id)).immediate());
  const sets = listExpiredFileSets(db, cutoff).filter((id) =>
    db.transaction(() => listExpiredFileSets(db, cutoff, id).length > 0 && deleteStoredFileSet(db, id)).immediate());
  return { files: files.length, sets: sets.length };
}

/** A running retention schedule. */
export interface FileRetention { stop(): void }

/**
 * Sweeps once soon after start and then every `intervalMs` (hourly), in the server process only:
 * the CLI's one-shot commands never delete files. `days` 0 keeps every file forever.
 */
export function startFileRetention(opts: { db: Db; log: Logger; days: number; intervalMs?: number; now?: () => number }): FileRetention {
  const { db, log, days } = opts;
  if (days <= 0) return { stop() {} };
  const now = opts.now ?? Date.now;
  const sweep = () => {
    try {
      const result = sweepExpiredFiles(db, days, now());
      if (result.files + result.sets > 0) log.info({ ...result, days, stage: 'retention' }, 'deleted stored files unused for longer than the retention period');
    } catch (err) {
      log.error({ err, stage: 'retention' }, 'could not delete expired stored files; trying again at the next sweep');
    }
  };
  const first = setTimeout(sweep, 0);
  const every = setInterval(sweep, opts.intervalMs ?? RETENTION_SWEEP_MS);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
