import { Cron } from 'croner';

/** A cron pattern that cannot be used; the message says why. */
export class CronError extends Error {}

/** A parsed schedule: `pattern` read in the IANA `timeZone`; never runs anything by itself. */
export function parseCron(pattern: string, timeZone: string): Cron {
  let cron: Cron;
  try {
    cron = new Cron(pattern, { timezone: timeZone, paused: true });
    cron.nextRun();
  } catch (err) {
    throw new CronError((err as Error).message.replace(/^Cron\w*: /, ''));
  }
  return cron;
}

/** The occurrences in (fromMs, toMs], oldest first, at most `cap` of them. */
export function occurrencesBetween(cron: Cron, fromMs: number, toMs: number, cap: number): number[] {
  const out: number[] = [];
  let next = cron.nextRun(new Date(fromMs));
  while (next && next.getTime() <= toMs && out.length < cap) {
    out.push(next.getTime());
    next = cron.nextRun(next);
  }
  return out;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone: a schedule's run date. */
export function localDate(ms: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
