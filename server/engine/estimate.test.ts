import { describe, expect, it } from 'vitest';
import { estimateFinishAt } from './estimate';
import { Pacer, type PacerLimits } from './pacer';

const MIN = 60_000;
const DAY = 86_400_000;

/** The fast estimate must agree with the pacer's own simulation wherever that simulation is exact for equal messages. */
describe('estimateFinishAt', () => {
  const cases: Array<[string, PacerLimits, Array<{ at: number; recipients: number }>, number, number]> = [
    ['rate only', { perMinute: 30, perDay: 10_000, concurrency: 2 }, [], 500, 1],
    ['day budget spreads over days', { perMinute: 30, perDay: 100, concurrency: 2 }, [], 350, 1],
    ['Cc and Bcc use the budget faster', { perMinute: 30, perDay: 100, concurrency: 2 }, [], 60, 4],
    ['history already used most of the day', { perMinute: 30, perDay: 100, concurrency: 2 }, Array.from({ length: 90 }, (_, i) => ({ at: -DAY / 2 + i * 1000, recipients: 1 })), 30, 1],
    ['batches with a long interval', { perMinute: 30, perDay: 10_000, concurrency: 2, batchSize: 10, batchIntervalMs: 10 * MIN }, [], 55, 1],
  ];
  for (const [name, limits, history, messages, recipients] of cases) {
    it(name, () => {
      const pacer = new Pacer(limits, history);
      const exact = pacer.estimateFinish(0, { messages, recipientsPerMessage: recipients });
      expect(estimateFinishAt(pacer.snapshot(), 0, messages, recipients)).toBe(exact);
    });
  }

  it('starts no earlier than a throttle allows', () => {
    const pacer = new Pacer({ perMinute: 30, perDay: 10_000, concurrency: 2 });
    pacer.recordThrottle(0, 5 * MIN);
    expect(estimateFinishAt(pacer.snapshot(), 0, 1, 1)).toBe(5 * MIN);
  });

  it('answers for 100,000 messages of Exchange limits: more than nine days', () => {
    const days = estimateFinishAt(new Pacer({ perMinute: 30, perDay: 10_000, concurrency: 2 }).snapshot(), 0, 100_000, 1) / DAY;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThan(10);
  });
});
