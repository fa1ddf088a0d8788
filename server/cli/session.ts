import type { ProgressEvent } from '../../shared/api';
import { loadConfig } from '../config';
import { createCore, type Core } from '../main';
import { findRun } from '../store/runs';

/** Opens the store the server uses (same environment), with the engine limited to the given runs. */
export function openCore(runIds: Set<string>): Core {
  const config = loadConfig({ SERIATIM_LOG_LEVEL: 'warn', ...process.env });
  return createCore({ ...config, seedSamples: false }, { scope: (id) => runIds.has(id) });
}

const SETTLED = new Set(['completed', 'cancelled', 'paused']);

/** Runs the engine until the run is completed, cancelled or paused, reporting progress on the way. */
export function driveRun(core: Core, runId: string, onProgress: (e: ProgressEvent) => void): Promise<void> {
  return new Promise((resolve) => {
    const check = (e: ProgressEvent) => {
      onProgress(e);
      if (SETTLED.has(e.status) && e.counts.sending === 0) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = core.progress.subscribe(runId, check);
    core.engine.start();
    const run = findRun(core.db, runId);
    if (run) check(core.engine.progressOf(run));
  });
}
