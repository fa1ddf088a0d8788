import type { PacerSnapshot } from './pacer';

/**
 * When the last of `messages` equal messages would start, from a pacer's state: the same rules as
 * `Pacer.estimateFinish` (even spacing at the allowed rate, batches, the throttling wait, the
 * rolling day budget fed by the history and by the simulated sends themselves), but one pass of
 * plain arithmetic per message instead of a full pacer call, so that progress displays can ask
 * for 100,000 messages several times a second. It leaves out what cannot be foreseen or barely
 * matters for an estimate: recovery of a throttled rate, and the sliding log after a burst.
 */
export function estimateFinishAt(s: PacerSnapshot, now: number, messages: number, recipientsPerMessage: number): number {
  const { windowMs, dayMs, perDay, batchSize, batchIntervalMs } = s.limits;
  const r = Math.min(perDay, Math.max(1, recipientsPerMessage));
  const spacing = windowMs / s.allowedPerWindow;
  // The day budget is a FIFO of (expiry, recipients): history first, then each simulated send.
  const expiry: number[] = [];
  const used: number[] = [];
  for (const e of s.log) {
    expiry.push(e.at + dayMs);
    used.push(e.recipients);
  }
  let head = 0;
  let inDay = used.reduce((a, b) => a + b, 0);
  let t = Math.max(now, s.throttledUntil ?? -Infinity, s.lastStart === null ? -Infinity : s.lastStart + spacing);
  let batchStart = s.batch?.startedAt ?? 0;
  let batchCount = s.batch?.count ?? 0;
  let finish = now;
  for (let i = 0; i < messages; i++) {
    if (batchSize > 0 && batchCount >= batchSize) t = Math.max(t, batchStart + batchIntervalMs);
    for (;;) {
      while (head < expiry.length && expiry[head] <= t) inDay -= used[head++];
      if (inDay + r <= perDay || head >= expiry.length) break;
      t = expiry[head];
    }
    expiry.push(t + dayMs);
    used.push(r);
    inDay += r;
    if (batchSize > 0 && (batchCount === 0 || batchCount >= batchSize)) [batchStart, batchCount] = [t, 1];
    else batchCount++;
    finish = t;
    t += spacing;
  }
  return finish;
}
