import { ProgressEvent, type Run } from '../../../shared/api';
import { request } from './http';
import { getRun } from './resources';

/** Splits a server-sent-event stream into `{ event, data }` records. */
export function parseEventBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}

/** Reads `GET /api/runs/:id/events` until the server ends the stream, calling back per progress event. */
async function streamEvents(runId: string, onProgress: (e: ProgressEvent) => void, signal: AbortSignal) {
  const response = await request(`/api/runs/${encodeURIComponent(runId)}/events`, {
    headers: { Accept: 'text/event-stream' },
    signal,
  });
  if (!response.body) throw new Error('No event stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const record = parseEventBlock(block);
      if (record?.event !== 'progress') continue;
      const parsed = ProgressEvent.safeParse(JSON.parse(record.data));
      if (parsed.success) onProgress(parsed.data);
    }
  }
}

const FINAL = new Set(['completed', 'cancelled']);
const POLL_MS = 1500;

/** Progress of a run as an event, built from a polled Run (its rate is not known from one reading). */
export function progressOf(run: Run): ProgressEvent {
  return {
    runId: run.id,
    status: run.status,
    counts: run.counts,
    ratePerMinute: 0,
    estimatedFinishAt: run.estimatedFinishAt,
    pauseReason: run.pauseReason,
  };
}

/**
 * Follows a run's progress: the server's event stream first; if it breaks before the run is
 * finished, polling `GET /api/runs/:id` takes over. Resolves when the run is finished or aborted.
 */
export async function watchRun(runId: string, onProgress: (e: ProgressEvent) => void, signal: AbortSignal) {
  const seen: { status: string | null } = { status: null };
  const record = (e: ProgressEvent) => {
    seen.status = e.status;
    onProgress(e);
  };
  try {
    await streamEvents(runId, record, signal);
  } catch {
    if (signal.aborted) return;
  }
  while (!signal.aborted && !FINAL.has(seen.status ?? '')) {
    record(progressOf(await getRun(runId)));
    if (FINAL.has(seen.status ?? '')) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
