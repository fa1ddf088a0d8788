/** One recipient row as the recipient sources return it: flat, ready for merge fields and filters. */
export type SourceRow = Record<string, string | number | null>;

/** Graph's "no date" (birthday, hireDate unset): the minimum DateTimeOffset. */
const UNSET = /^0001-01-01/;

/** A Graph date-time as `YYYY-MM-DD`, or null when unset. Birthdays are dates, whatever time Graph adds. */
export function dateOnly(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || UNSET.test(value)) return null;
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
}

/** A string or null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A string list joined for one cell, or null when empty. */
export function joined(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? value.filter((v) => typeof v === 'string').join(', ') : null;
}
