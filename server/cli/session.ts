import type { ProgressEvent } from '../../shared/api';
import { loadConfig } from '../config';
import { createCore, type Core } from '../main';
import { findRun } from '../store/runs';

/** Opens the store the server uses (same environment), with the engine limited to the given runs. */
export function openCore(runIds: Set<string>): Core {
  const config = loadConfig({ SERIATIM_LOG_LEVEL: 'error', ...process.env });
  return createCore({ ...config, seedSamples: false }, { scope: (id) => runIds.has(id) });
}

/** Exit code of a run stopped with Ctrl-C: the conventional 128 + SIGINT. */
export const INTERRUPTED_EXIT = 130;

const SETTLED = new Set(['completed', 'cancelled', 'paused']);
/** The store is read this often too: another process (a server holding the mailbox) may be the one sending. */
const POLL_MS = 1000;

/** How driving a run ended: settled, or stopped by Ctrl-C / SIGTERM with the run left to resume. */
export interface DriveResult { interrupted: boolean }

/**
 * Runs the engine until the run is completed, cancelled or paused, reporting progress on the way.
 * Ctrl-C (or SIGTERM) stops the engine cleanly: the message in flight is recorded, and the run
 * stays as it is in the store for `seriatim resume` or the server to continue.
 */
export function driveRun(core: Core, runId: string, onProgress: (e: ProgressEvent) => void): Promise<DriveResult> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (result: DriveResult) => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      unsubscribe();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      resolve(result);
    };
    const check = (e: ProgressEvent) => {
      if (finished) return;
      onProgress(e);
      if (SETTLED.has(e.status) && e.counts.sending === 0) finish({ interrupted: false });
    };
    const interrupt = () => {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      void core.engine.stop().then(() => finish({ interrupted: true }));
    };
    const readStore = () => {
      const run = findRun(core.db, runId);
      if (run) check(core.engine.progressOf(run));
    };
    const unsubscribe = core.progress.subscribe(runId, check);
    const poll = setInterval(readStore, POLL_MS);
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    core.engine.start();
    readStore();
  });
}
