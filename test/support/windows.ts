/**
 * The most events in any half-open window [t, t + windowMs) of `times`: how a rate limit is
 * checked after the fact, in the pacer's tests, the engine's tests and the pacing benches.
 */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] < sorted[i] + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}
