/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) for the sample generators, in UTC so that no
 * machine's time zone can move a birthday.
 */
import type { Random } from './prng';

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;

/** A day of the year as month and day of month (1-based). */
export interface MonthDay {
  month: number;
  day: number;
}

/** Whether a year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** All 366 days of a leap year, from 1 January to 31 December. */
export function allMonthDays(): MonthDay[] {
  return MONTH_DAYS.flatMap((length, m) => Array.from({ length }, (_, d) => ({ month: m + 1, day: d + 1 })));
}

/** Whether a month-day is 29 February. */
export function isLeapDay(md: MonthDay): boolean {
  return md.month === 2 && md.day === 29;
}

/** Formats a date as yyyy-mm-dd. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month-day part of an ISO date (`1988-02-29` → `02-29`). */
export function monthDayOf(iso: string): string {
  return iso.slice(5, 10);
}

function toDayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `n` days after an ISO date. */
export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** A uniformly random date in [from, to], both ISO and inclusive. */
export function randomDateBetween(random: Random, from: string, to: string): string {
  return fromDayNumber(random.int(toDayNumber(from), toDayNumber(to)));
}

/** A year in [from, to] in which the month-day exists (a leap year for 29 February). */
export function yearFor(random: Random, md: MonthDay, from: number, to: number): number {
  if (!isLeapDay(md)) return random.int(from, to);
  const leapYears: number[] = [];
  for (let y = from; y <= to; y++) if (isLeapYear(y)) leapYears.push(y);
  if (leapYears.length === 0) throw new Error(`no leap year between ${from} and ${to}`);
  return random.pick(leapYears);
}
