import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../shared/api';
import { getRun, progressOf, watchRun } from '../api';

/** Live progress of a run: the current run state, then every event from the server's stream. */
export function useRunProgress(runId: string): { progress: ProgressEvent | null; error: unknown } {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    getRun(runId).then((run) => !abort.signal.aborted && setProgress((p) => p ?? progressOf(run)), setError);
    watchRun(runId, (e) => !abort.signal.aborted && setProgress(e), abort.signal).catch((e: unknown) => {
      if (!abort.signal.aborted) setError(e);
    });
    return () => abort.abort();
  }, [runId]);
  return { progress, error };
}
