/**
 * Calendar arithmetic for date rules. Dates are packed as yyyymmdd integers so that compiled
 * rules compare plain numbers per row instead of building Date objects; a year-less date
 * (`--mm-dd`, as contact birthdays without a year are written) packs with year 0.
 */

/** Returned by `packDate` for anything that is not a real calendar date. */
export const NO_DATE = -1;

/** The run date broken into the parts date rules need, computed once per compile. */
export interface RunDay {
  packed: number;
  year: number;
  monthDay: number;
  leap: boolean;
}

const MAX_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FEB_28 = 228;
const FEB_29 = 229;

/** Whether a Gregorian year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && !isLeapYear(year) ? 28 : MAX_DAYS[month];
}

function readDigits(text: string, start: number, count: number): number {
  let result = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    result = result * 10 + code;
  }
  return result;
}

/**
 * Packs `yyyy-mm-dd` (a trailing time such as `T08:00` is ignored) or year-less `--mm-dd` into
 * yyyymmdd; NO_DATE when the value is not a string holding a real date.
 */
export function packDate(value: unknown): number {
  if (typeof value !== 'string' || value.length < 7) return NO_DATE;
  let year = 0;
  let offset = 2;
  if (value.charCodeAt(0) !== 45 || value.charCodeAt(1) !== 45) {
    year = readDigits(value, 0, 4);
    if (year <= 0 || value.charCodeAt(4) !== 45) return NO_DATE;
    offset = 5;
  }
  const month = readDigits(value, offset, 2);
  const day = readDigits(value, offset + 3, 2);
  if (value.charCodeAt(offset + 2) !== 45 || month < 1 || month > 12 || day < 1) return NO_DATE;
  const end = offset + 5;
  if (value.length > end && value[end] !== 'T' && value[end] !== ' ') return NO_DATE;
  if (day > (year === 0 ? MAX_DAYS[month] : daysInMonth(year, month))) return NO_DATE;
  return year * 10000 + month * 100 + day;
}

/** Whether text is exactly a real `yyyy-mm-dd` date (what filters and contexts accept). */
export function isIsoDate(text: unknown): boolean {
  return typeof text === 'string' && text.length === 10 && packDate(text) > 10000;
}

/** Formats a packed date (with a year) back to `yyyy-mm-dd`. */
export function formatPackedDate(packed: number): string {
  const year = String(Math.floor(packed / 10000)).padStart(4, '0');
  const month = String(Math.floor(packed / 100) % 100).padStart(2, '0');
  return `${year}-${month}-${String(packed % 100).padStart(2, '0')}`;
}

/** Moves a packed date (with a year) by whole days, across months and years. */
export function addDays(packed: number, days: number): number {
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(packed / 10000), (Math.floor(packed / 100) % 100) - 1, (packed % 100) + days);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** Splits a real `yyyy-mm-dd` run date into the parts rules compare against. */
export function createRunDay(runDate: string): RunDay {
  const packed = packDate(runDate);
  const year = Math.floor(packed / 10000);
  return { packed, year, monthDay: packed % 10000, leap: isLeapYear(year) };
}

/**
 * Whether a packed date's yearly recurrence falls on the run day. A 29 February date recurs on
 * 28 February in non-leap years, so leap-day birthdays are greeted every year, never skipped.
 */
export function recursOn(packed: number, run: RunDay): boolean {
  const monthDay = packed % 10000;
  return monthDay === run.monthDay || (monthDay === FEB_29 && run.monthDay === FEB_28 && !run.leap);
}

/**
 * Whole years from a packed date (with a year) to the run day, e.g. age or years of service;
 * -1 when the date has no year or lies after the run day. A 29 February start completes its
 * year on 28 February in non-leap years, matching when `recursOn` fires.
 */
export function completedYears(packed: number, run: RunDay): number {
  if (packed < 10000 || packed > run.packed) return -1;
  let monthDay = packed % 10000;
  if (monthDay === FEB_29 && !run.leap) monthDay = FEB_28;
  return run.year - Math.floor(packed / 10000) - (run.monthDay < monthDay ? 1 : 0);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (`yyyy-mm-dd`) that an instant falls on in an IANA time zone, which is the
 * run date rules must use: 22:30 UTC on 30 June is already 1 July in Europe/Istanbul.
 * Throws a RangeError for an unknown time zone.
 */
export function runDateIn(timeZone: string, instant: Date): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whether a string names a time zone this runtime's Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
