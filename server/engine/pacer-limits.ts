import type { PacerLimits, ResolvedLimits } from './pacer';

/** Fills in defaults and rejects limits that cannot be paced. */
export function resolveLimits(l: PacerLimits): ResolvedLimits {
  const r: ResolvedLimits = {
    perMinute: l.perMinute, windowMs: l.windowMs ?? 60_000, perDay: l.perDay, dayMs: l.dayMs ?? 86_400_000,
    concurrency: l.concurrency, batchSize: l.batchSize ?? (l.batchIntervalMs ? 1 : 0), batchIntervalMs: l.batchIntervalMs ?? 0,
  };
  for (const key of ['perMinute', 'perDay', 'concurrency'] as const) {
    if (!Number.isInteger(r[key]) || r[key] < 1) throw new RangeError(`Pacer limit ${key} must be a positive integer`);
  }
  if (!Number.isInteger(r.batchSize) || r.batchSize < 0) throw new RangeError('Pacer batchSize must be a positive integer');
  if (!(r.windowMs > 0) || !(r.dayMs >= r.windowMs) || !(r.batchIntervalMs >= 0)) {
    throw new RangeError('Pacer windows must be positive, with dayMs >= windowMs and batchIntervalMs >= 0');
  }
  return r;
}

/** A message must have at least one recipient and fit in a day's budget, or it could never start. */
export function checkRecipients(recipients: number, perDay: number): void {
  if (!Number.isInteger(recipients) || recipients < 1 || recipients > perDay) {
    throw new RangeError(`A message needs 1 to ${perDay} recipients, not ${recipients}`);
  }
}
