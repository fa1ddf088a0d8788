import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/support/random';
import { maxInAnyWindow } from '../../test/support/windows';
import { Pacer, type PacerLimits, type ReleaseOutcome } from './pacer';

const MIN = 60_000;
const DAY = 86_400_000;

interface Start { at: number; recipients: number; outcome: ReleaseOutcome }
interface DriveOptions {
  start?: number;
  latency?: () => number;
  outcome?: () => ReleaseOutcome;
  retryAfterMs?: () => number;
}

/**
 * A caller that asks as soon as allowed, on a fake clock: each granted send finishes after
 * `latency`; throttled and not-sent messages go back to the front of the queue.
 */
function drive(pacer: Pacer, recipients: number[], o: DriveOptions = {}) {
  let t = o.start ?? 0;
  const queue = recipients.map((_, i) => i);
  const starts: Start[] = [];
  const throttles: Array<{ at: number; until: number }> = [];
  let inFlight: Array<{ slot: number; end: number; msg: number; outcome: ReleaseOutcome }> = [];
  let maxInFlight = 0;
  while (queue.length > 0 || inFlight.length > 0) {
    inFlight.sort((a, b) => a.end - b.end);
    while (inFlight.length > 0 && inFlight[0].end <= t) {
      const done = inFlight.shift()!;
      if (done.outcome === 'throttled') {
        const wait = o.retryAfterMs?.() ?? 1000;
        pacer.recordThrottle(t, wait);
        throttles.push({ at: t, until: t + wait });
      }
      pacer.release(done.slot, t, done.outcome);
      if (done.outcome === 'throttled' || done.outcome === 'not-sent') queue.unshift(done.msg);
    }
    const nextEnd = inFlight.length > 0 ? inFlight[0].end : Infinity;
    if (queue.length === 0 && inFlight.length === 0) break;
    if (queue.length === 0) { t = nextEnd; continue; }
    const msg = queue[0];
    const d = pacer.tryAcquire(t, recipients[msg]);
    if (d.ok) {
      queue.shift();
      const outcome = o.outcome?.() ?? 'sent';
      starts.push({ at: t, recipients: recipients[msg], outcome });
      inFlight.push({ slot: d.slot, end: t + (o.latency?.() ?? 0), msg, outcome });
      maxInFlight = Math.max(maxInFlight, inFlight.length);
    } else {
      expect(d.notBefore).toBeGreaterThanOrEqual(t);
      t = d.reason === 'concurrency' ? nextEnd : Math.min(d.notBefore, nextEnd);
    }
  }
  return { starts, throttles, maxInFlight, finishedAt: t };
}

/** Most recipients in any half-open window [x, x + windowMs). */
function maxRecipientsInWindow(starts: Start[], windowMs: number): number {
  let best = 0;
  let sum = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (j < starts.length && starts[j].at < starts[i].at + windowMs) sum += starts[j++].recipients;
    best = Math.max(best, sum);
    sum -= starts[i].recipients;
  }
  return best;
}

const RATE_ONLY: PacerLimits = { perMinute: 30, perDay: 1_000_000, concurrency: 100 };

describe('Pacer rate limit', () => {
  it('spreads starts evenly instead of bursting', () => {
    const pacer = new Pacer(RATE_ONLY);
    expect(pacer.tryAcquire(0, 1).ok).toBe(true);
    expect(pacer.tryAcquire(0, 1)).toEqual({ ok: false, notBefore: 2000, reason: 'rate' });
    expect(pacer.tryAcquire(1999, 1).ok).toBe(false);
    expect(pacer.tryAcquire(2000, 1).ok).toBe(true);
  });

  it('keeps the pace when a start comes a little late, but banks no time after a pause', () => {
    const pacer = new Pacer(RATE_ONLY);
    expect(pacer.tryAcquire(0, 1).ok).toBe(true);
    // Woken 300 ms late: the next one is still due 2000 ms after the first was due, not after this one.
    expect(pacer.tryAcquire(2300, 1).ok).toBe(true);
    expect(pacer.tryAcquire(3999, 1)).toEqual({ ok: false, notBefore: 4000, reason: 'rate' });
    expect(pacer.tryAcquire(4000, 1).ok).toBe(true);
    // After a pause longer than one spacing, the pace starts again from the late start: no burst.
    expect(pacer.tryAcquire(20_000, 1).ok).toBe(true);
    expect(pacer.tryAcquire(20_000, 1)).toEqual({ ok: false, notBefore: 22_000, reason: 'rate' });
  });

  it('never exceeds the limit in any window and achieves at least 95% of it over a long run', () => {
    const { starts } = drive(new Pacer(RATE_ONLY), new Array(3000).fill(1));
    const times = starts.map((s) => s.at);
    expect(maxInAnyWindow(times, MIN)).toBeLessThanOrEqual(30);
    const perMinute = ((times.length - 1) / (times[times.length - 1] - times[0])) * MIN;
    expect(perMinute).toBeGreaterThanOrEqual(0.95 * 30);
  });

  it('keeps the sliding log exact after a restart seeded with a burst', () => {
    const burst = Array.from({ length: 30 }, (_, i) => ({ at: i, recipients: 1 }));
    const pacer = new Pacer(RATE_ONLY, burst);
    // Spacing alone would allow a start at 29 + 2000; the log holds it back until the oldest leaves.
    expect(pacer.tryAcquire(5000, 1)).toEqual({ ok: false, notBefore: MIN, reason: 'rate' });
    expect(pacer.tryAcquire(MIN, 1).ok).toBe(true);
  });

  it('scales to a one-second window (30 per second) with concurrency 2 and real latencies', () => {
    const rnd = createRandom(3);
    const limits = { ...RATE_ONLY, windowMs: 1000, concurrency: 2 };
    const run = drive(new Pacer(limits), new Array(2000).fill(1), { latency: () => 5 + rnd() * 35 });
    expect(maxInAnyWindow(run.starts.map((s) => s.at), 1000)).toBeLessThanOrEqual(30);
    expect(run.maxInFlight).toBe(2);
    expect((2000 / run.finishedAt) * 1000).toBeGreaterThanOrEqual(0.95 * 30);
  });
});

describe('Pacer daily recipient budget', () => {
  const limits: PacerLimits = { perMinute: 1000, perDay: 10, concurrency: 10 };

  it('answers exactly when the oldest entries leave the 24-hour window', () => {
    const pacer = new Pacer(limits);
    for (const [at, n] of [[0, 3], [100, 3], [200, 4]]) expect(pacer.tryAcquire(at, n).ok).toBe(true);
    // 5 more need 5 freed: the entry at 0 frees 3, the one at 100 frees 3 more.
    expect(pacer.tryAcquire(300, 5)).toEqual({ ok: false, notBefore: 100 + DAY, reason: 'day' });
    expect(pacer.tryAcquire(300, 3)).toEqual({ ok: false, notBefore: DAY, reason: 'day' });
    expect(pacer.tryAcquire(DAY - 1, 3).ok).toBe(false);
    expect(pacer.tryAcquire(DAY, 3).ok).toBe(true);
  });

  it('counts every recipient of a message and refuses one that could never fit', () => {
    const pacer = new Pacer(limits);
    expect(pacer.tryAcquire(0, 10).ok).toBe(true);
    expect(pacer.tryAcquire(60_000, 1)).toMatchObject({ ok: false, reason: 'day' });
    expect(() => pacer.tryAcquire(0, 11)).toThrow(RangeError);
    expect(() => pacer.tryAcquire(0, 0)).toThrow(RangeError);
  });

  it('refunds a message that certainly did not go out, and only that', () => {
    const pacer = new Pacer(limits);
    const a = pacer.tryAcquire(0, 6);
    const b = pacer.tryAcquire(100, 4);
    if (!a.ok || !b.ok) throw new Error('expected grants');
    pacer.release(a.slot, 200, 'not-sent');
    pacer.release(b.slot, 200, 'failed');
    expect(pacer.usage(300).recipientsToday).toBe(4);
    expect(pacer.tryAcquire(300, 6).ok).toBe(true);
    expect(() => pacer.release(a.slot, 400, 'sent')).toThrow(/released twice/);
  });

  it('seeds the window from history so that a restart never resets the budget', () => {
    const now = 5 * DAY;
    const history = [
      { at: now - DAY - 1, recipients: 9 }, // already outside the window
      { at: now - 3 * 3_600_000, recipients: 4 },
      { at: now - 3_600_000, recipients: 6 },
    ];
    const pacer = new Pacer(limits, history);
    expect(pacer.usage(now).recipientsToday).toBe(10);
    expect(pacer.tryAcquire(now, 2)).toEqual({ ok: false, notBefore: now - 3 * 3_600_000 + DAY, reason: 'day' });
  });
});

describe('Pacer concurrency and batches', () => {
  it('holds a slot per send until it is released', () => {
    const pacer = new Pacer({ ...RATE_ONLY, perMinute: 6000, concurrency: 2 });
    const a = pacer.tryAcquire(0, 1);
    expect(pacer.tryAcquire(10, 1).ok).toBe(true);
    expect(pacer.tryAcquire(20, 1)).toEqual({ ok: false, notBefore: 20, reason: 'concurrency' });
    if (a.ok) pacer.release(a.slot, 25, 'sent');
    expect(pacer.tryAcquire(30, 1).ok).toBe(true);
  });

  it('starts the next batch no sooner than the interval after the previous batch started', () => {
    const pacer = new Pacer({ ...RATE_ONLY, batchSize: 3, batchIntervalMs: 10 * MIN });
    const { starts } = drive(pacer, new Array(9).fill(1));
    expect(starts.map((s) => s.at)).toEqual([0, 2000, 4000, 600_000, 602_000, 604_000, 1_200_000, 1_202_000, 1_204_000]);
  });

  it('reports the batch as the reason and paces every message when only an interval is set', () => {
    const batched = new Pacer({ ...RATE_ONLY, batchSize: 1, batchIntervalMs: 5000 });
    expect(batched.tryAcquire(0, 1).ok).toBe(true);
    expect(batched.tryAcquire(0, 1)).toEqual({ ok: false, notBefore: 5000, reason: 'batch' });
    const intervalOnly = new Pacer({ ...RATE_ONLY, batchIntervalMs: 5000 });
    expect(drive(intervalOnly, [1, 1, 1]).starts.map((s) => s.at)).toEqual([0, 5000, 10_000]);
  });
});

describe('Pacer throttling', () => {
  it('waits out Retry-After, slows down, then recovers gradually to the limit and no further', () => {
    const pacer = new Pacer(RATE_ONLY);
    const a = pacer.tryAcquire(0, 1);
    if (!a.ok) throw new Error('expected a grant');
    pacer.recordThrottle(1000, 30_000);
    pacer.release(a.slot, 1000, 'throttled');
    expect(pacer.tryAcquire(20_000, 1)).toEqual({ ok: false, notBefore: 31_000, reason: 'throttled' });
    pacer.recordThrottle(1500, 10_000); // same episode: no second halving, no shorter wait
    expect(pacer.usage(1500)).toMatchObject({ allowedPerWindow: 15, throttledUntil: 31_000 });
    const { starts } = drive(pacer, new Array(200).fill(1), { start: 31_000 });
    const gaps = starts.slice(1).map((s, i) => s.at - starts[i].at);
    expect(gaps[0]).toBe(4000); // half the rate: twice the spacing
    expect(gaps[gaps.length - 1]).toBe(2000); // back to full rate after sustained success
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000); // never above the configured limit
    expect(gaps.every((g, i) => i === 0 || g <= gaps[i - 1] + 1e-6)).toBe(true); // recovery is monotonic
    expect(pacer.usage(starts[starts.length - 1].at).allowedPerWindow).toBe(30);
  });

  it('waits without slowing down when the reason to wait is not load', () => {
    const pacer = new Pacer(RATE_ONLY);
    pacer.recordThrottle(1000, 300_000, false);
    expect(pacer.tryAcquire(2000, 1)).toEqual({ ok: false, notBefore: 301_000, reason: 'throttled' });
    expect(pacer.usage(2000)).toMatchObject({ allowedPerWindow: 30, throttledUntil: 301_000 });
  });

  it('keeps halving on repeated throttles, down to one per window', () => {
    const pacer = new Pacer(RATE_ONLY);
    for (let i = 0; i < 8; i++) pacer.recordThrottle(i * MIN, 0);
    expect(pacer.usage(8 * MIN).allowedPerWindow).toBe(1);
  });
});

describe('Pacer over simulated days', () => {
  it('keeps every limit at once while sending 25,000 messages with throttles and failures', () => {
    const rnd = createRandom(42);
    const limits: PacerLimits = { perMinute: 30, perDay: 10_000, concurrency: 2, batchSize: 100, batchIntervalMs: 4 * MIN };
    const recipients = Array.from({ length: 25_000 }, () => 1 + Math.floor(rnd() * 3));
    const outcome = (): ReleaseOutcome => {
      const r = rnd();
      return r < 0.002 ? 'throttled' : r < 0.004 ? 'not-sent' : r < 0.006 ? 'failed' : 'sent';
    };
    const run = drive(new Pacer(limits), recipients, {
      latency: () => 200 + rnd() * 5000, outcome, retryAfterMs: () => 1000 + rnd() * 60_000,
    });
    const times = run.starts.map((s) => s.at);
    expect(maxInAnyWindow(times, MIN)).toBeLessThanOrEqual(30);
    const counted = run.starts.filter((s) => s.outcome === 'sent' || s.outcome === 'failed');
    expect(counted.length).toBe(25_000);
    // The budget is used, not wasted: ~50,000 recipients at 10,000 a day end early on day 6.
    const fullDays = Math.floor(counted.reduce((n, s) => n + s.recipients, 0) / 10_000);
    expect(run.finishedAt).toBeGreaterThan(fullDays * DAY);
    expect(run.finishedAt).toBeLessThan(fullDays * DAY + 6 * 3_600_000);
    expect(maxRecipientsInWindow(counted, DAY)).toBeLessThanOrEqual(10_000);
    expect(maxRecipientsInWindow(counted, DAY)).toBeGreaterThan(9_990); // the budget is used, not wasted
    expect(run.maxInFlight).toBeLessThanOrEqual(2);
    for (let k = 100; k < times.length; k += 100) expect(times[k]).toBeGreaterThanOrEqual(times[k - 100] + 4 * MIN);
    for (const th of run.throttles) expect(times.some((at) => at > th.at && at < th.until)).toBe(false);
    expect(run.throttles.length).toBeGreaterThan(10);
  });
});

describe('Pacer estimateFinish and snapshots', () => {
  it('matches what tryAcquire allows, for 100,000 messages over several days', () => {
    const limits: PacerLimits = { perMinute: 30, perDay: 10_000, concurrency: 2 };
    const history = Array.from({ length: 4000 }, (_, i) => ({ at: i * 2000, recipients: 1 }));
    const now = 9000 * 1000;
    const estimate = new Pacer(limits, history).estimateFinish(now, { messages: 100_000, recipientsPerMessage: 1 });
    const run = drive(new Pacer(limits, history), new Array(100_000).fill(1), { start: now });
    expect(estimate).toBe(run.starts[run.starts.length - 1].at);
    expect(estimate).toBeGreaterThan(now + 9 * DAY);
  });

  it('accounts for throttling, batches, mixed recipient counts and sends in flight', () => {
    const rnd = createRandom(7);
    const limits: PacerLimits = { perMinute: 30, perDay: 500, concurrency: 2, batchSize: 20, batchIntervalMs: 2 * MIN };
    const recipients = Array.from({ length: 800 }, () => 1 + Math.floor(rnd() * 3));
    const pacer = new Pacer(limits);
    const held = pacer.tryAcquire(0, 2);
    pacer.recordThrottle(1000, 45_000);
    const estimate = pacer.estimateFinish(1000, recipients);
    if (held.ok) pacer.release(held.slot, 1000, 'sent');
    const run = drive(pacer, recipients, { start: 1000 });
    expect(estimate).toBe(run.starts[run.starts.length - 1].at);
    expect(new Pacer(limits).estimateFinish(5, [])).toBe(5);
  });

  it('survives a JSON round trip with the same decisions', () => {
    const pacer = new Pacer({ perMinute: 30, perDay: 100, concurrency: 2, batchSize: 5, batchIntervalMs: MIN });
    const held = pacer.tryAcquire(0, 3);
    for (let t = 2000; t <= 8000; t += 2000) pacer.tryAcquire(t, 2);
    pacer.recordThrottle(9000, 5000);
    const copy = Pacer.restore(JSON.parse(JSON.stringify(pacer.snapshot())));
    expect(copy.snapshot()).toEqual(pacer.snapshot());
    for (const t of [10_000, 14_000, 60_000, 61_000]) expect(copy.tryAcquire(t, 4)).toEqual(pacer.tryAcquire(t, 4));
    if (held.ok) {
      copy.release(held.slot, 62_000, 'not-sent');
      pacer.release(held.slot, 62_000, 'not-sent');
    }
    expect(copy.usage(62_000)).toEqual(pacer.usage(62_000));
  });
});
