/**
 * Pacer throughput on a simulated clock: 2,000 single-recipient messages with Exchange's limits
 * scaled from "30 per minute" to "30 per second", concurrency 2, provider latency 5–40 ms.
 * The baseline is the allowed rate itself; the figure is how much of it a caller that asks as
 * soon as allowed actually gets, and the peak count in any one window (must not exceed the limit).
 * Run: npx tsx bench/pacer.bench.ts
 */
import { Pacer, type PacerLimits } from '../server/engine/pacer';
import { maxInAnyWindow } from '../test/support/windows';

const MESSAGES = 2000;
const LIMITS: PacerLimits = { perMinute: 30, windowMs: 1000, perDay: 10_000, dayMs: 86_400_000 / 60, concurrency: 2 };

/** Deterministic PRNG (mulberry32) so that every run simulates the same latencies. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sends every message as soon as the pacer allows, completing each after a random latency. */
function simulate(pacer: Pacer, messages: number, latency: () => number) {
  let t = 0;
  let queued = messages;
  let inFlight: Array<{ slot: number; end: number }> = [];
  let peakInFlight = 0;
  let lastEnd = 0;
  const starts: number[] = [];
  while (queued > 0 || inFlight.length > 0) {
    for (const done of inFlight.filter((f) => f.end <= t)) {
      pacer.release(done.slot, t, 'sent');
      lastEnd = Math.max(lastEnd, done.end);
    }
    inFlight = inFlight.filter((f) => f.end > t);
    const nextEnd = Math.min(Infinity, ...inFlight.map((f) => f.end));
    if (queued === 0) { t = nextEnd; continue; }
    const d = pacer.tryAcquire(t, 1);
    if (d.ok) {
      queued--;
      starts.push(t);
      inFlight.push({ slot: d.slot, end: t + latency() });
      peakInFlight = Math.max(peakInFlight, inFlight.length);
    } else {
      t = d.reason === 'concurrency' ? nextEnd : Math.min(d.notBefore, nextEnd);
    }
  }
  return { starts, lastEnd, peakInFlight };
}

const rnd = seeded(2024);
const run = simulate(new Pacer(LIMITS), MESSAGES, () => 5 + rnd() * 35);
const windowMs = LIMITS.windowMs ?? 60_000;
const allowedPerSecond = (LIMITS.perMinute / windowMs) * 1000;
// From the first request to the last completion: everything the caller waited for counts.
const achievedPerSecond = (MESSAGES / run.lastEnd) * 1000;
const ratio = achievedPerSecond / allowedPerSecond;
const peak = maxInAnyWindow(run.starts, windowMs);

const big = new Pacer({ perMinute: 30, perDay: 10_000, concurrency: 2 });
const t0 = performance.now();
const finish = big.estimateFinish(0, { messages: 100_000, recipientsPerMessage: 1 });
const estimateMs = performance.now() - t0;

console.log(`pacer: ${MESSAGES} messages, limit ${LIMITS.perMinute} per ${windowMs} ms, concurrency ${LIMITS.concurrency}, latency 5-40 ms, simulated clock`);
console.log(`achieved ${achievedPerSecond.toFixed(2)} msg/s over ${(run.lastEnd / 1000).toFixed(2)} s simulated; allowed ${allowedPerSecond.toFixed(2)} msg/s`);
console.log(`peak concurrency: ${run.peakInFlight} (limit ${LIMITS.concurrency})`);
console.log(`estimateFinish for 100,000 messages at Exchange defaults: ${(finish / 86_400_000).toFixed(2)} days, computed in ${estimateMs.toFixed(1)} ms`);
console.log(`max_in_any_window: ${peak} (limit ${LIMITS.perMinute})`);
console.log(`pacer_rate_ratio: ${ratio.toFixed(3)} (baseline 1.000 allowed, ratio ${ratio.toFixed(3)})`);
if (peak > LIMITS.perMinute || run.peakInFlight > LIMITS.concurrency) process.exitCode = 1;
