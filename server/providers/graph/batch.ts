import type { GraphApi } from './client';
import { buildBatch, type BatchRequest } from './requests';
import { sleep, withRetry, type RetryPolicy } from './retry';

/** One inner reply of a `$batch`. */
export interface BatchReply { id: string; status: number; headers?: Record<string, string>; body?: unknown }

/** Longest wait for a throttled inner request; longer ones are given up as their 429. */
const MAX_INNER_WAIT_MS = 30_000;

function retryAfterMs(reply: BatchReply): number {
  const header = Object.entries(reply.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

/**
 * Runs GET requests through `$batch`, 20 at a time. A batch succeeds as a whole even when inner
 * requests are throttled: each inner 429 is retried after its own Retry-After, up to `rounds`
 * times, and only those requests are sent again. Returns every reply by id.
 */
export async function runBatches(api: GraphApi, requests: readonly BatchRequest[], retry: RetryPolicy, rounds = 4): Promise<Map<string, BatchReply>> {
  const replies = new Map<string, BatchReply>();
  let pending = [...requests];
  for (let round = 0; pending.length > 0; round++) {
    const throttled: BatchRequest[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += 20) {
      const chunk = pending.slice(i, i + 20);
      const out = await withRetry(retry, () => api.post<{ responses: BatchReply[] }>('/$batch', buildBatch(chunk)));
      for (const reply of out.responses) {
        replies.set(reply.id, reply);
        if (reply.status === 429 && round < rounds) {
          throttled.push(chunk.find((r) => r.id === reply.id) as BatchRequest);
          wait = Math.max(wait, retryAfterMs(reply));
        }
      }
    }
    pending = throttled;
    if (pending.length > 0) await sleep(Math.min(wait, MAX_INNER_WAIT_MS));
  }
  return replies;
}
