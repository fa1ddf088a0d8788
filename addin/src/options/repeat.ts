/**
 * The Repeat choice of the Options step and the cron patterns it stands for. The server reads
 * schedules as cron patterns (croner) in a named time zone; the pane only ever writes the few
 * shapes below and reads them back to describe a schedule in words, so it needs no cron library.
 */

/** How often a mailing repeats; `once` is an ordinary run. */
export const REPEAT_KINDS = ['once', 'daily', 'weekdays', 'weekly', 'monthly'] as const;

/** One repeat choice. */
export type RepeatKind = (typeof REPEAT_KINDS)[number];

/** The Repeat fields as typed: strings until checked. */
export interface RepeatInput {
  kind: RepeatKind;
  /** `HH:MM` from a time input, in `timeZone`. */
  time: string;
  /** Days of the week for `weekly`, 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** Day of the month for `monthly`: `1`…`28`, or `last`. */
  dayOfMonth: string;
  /** IANA time zone the time is read in. */
  timeZone: string;
}

/** A checked rule, ready to become a cron pattern. */
export type RepeatRule =
  | { kind: 'daily' | 'weekdays'; hour: number; minute: number }
  | { kind: 'weekly'; hour: number; minute: number; weekdays: number[] }
  | { kind: 'monthly'; hour: number; minute: number; day: number | 'last' };

/** What is wrong with a repeat choice, for the field that shows it. */
export type RepeatProblem = 'time' | 'days' | 'dayOfMonth' | 'zone';

/** The highest day of the month offered: every month has it. */
export const MAX_DAY_OF_MONTH = 28;

/** Days of the week in the order the form shows them (Monday first). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** The user's own time zone, as the browser reports it. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A fresh choice: once, with every day at 08:00 in the user's zone ready when they switch. */
export function newRepeat(timeZone: string = userTimeZone()): RepeatInput {
  return { kind: 'once', time: '08:00', weekdays: [1], dayOfMonth: '1', timeZone };
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time zones to offer: the runtime's list, with the current choice kept even when the list lacks it (`UTC`). */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

function parseTime(time: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(time.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

function parseDayOfMonth(value: string): number | 'last' | null {
  if (value === 'last') return 'last';
  if (!/^\d{1,2}$/.test(value)) return null;
  const day = Number(value);
  return day >= 1 && day <= MAX_DAY_OF_MONTH ? day : null;
}

/** The first problem of a repeating choice, or null when it can be saved (always null for `once`). */
export function repeatProblem(input: RepeatInput): RepeatProblem | null {
  if (input.kind === 'once') return null;
  if (!parseTime(input.time)) return 'time';
  if (input.kind === 'weekly' && input.weekdays.length === 0) return 'days';
  if (input.kind === 'monthly' && parseDayOfMonth(input.dayOfMonth) === null) return 'dayOfMonth';
  if (!isTimeZone(input.timeZone)) return 'zone';
  return null;
}

/** The rule a choice stands for; null for `once` or while something is invalid. */
export function ruleOf(input: RepeatInput): RepeatRule | null {
  if (input.kind === 'once' || repeatProblem(input)) return null;
  const { hour, minute } = parseTime(input.time)!;
  switch (input.kind) {
    case 'daily':
    case 'weekdays':
      return { kind: input.kind, hour, minute };
    case 'weekly':
      return { kind: 'weekly', hour, minute, weekdays: [...new Set(input.weekdays)].sort((a, b) => a - b) };
    case 'monthly':
      return { kind: 'monthly', hour, minute, day: parseDayOfMonth(input.dayOfMonth)! };
  }
}

/** The 5-field cron pattern (minute hour day-of-month month day-of-week) of a rule. */
export function cronOf(rule: RepeatRule): string {
  const at = `${rule.minute} ${rule.hour}`;
  switch (rule.kind) {
    case 'daily':
      return `${at} * * *`;
    case 'weekdays':
      return `${at} * * 1-5`;
    case 'weekly':
      return `${at} * * ${rule.weekdays.join(',')}`;
    case 'monthly':
      return `${at} ${rule.day === 'last' ? 'L' : rule.day} * *`;
  }
}

const NUMBER = /^\d{1,2}$/;

/** Reads back a pattern the pane wrote; null for anything else (a schedule made with the CLI, seconds, ranges). */
export function ruleOfCron(cron: string): RepeatRule | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [min, hr, dom, month, dow] = fields;
  if (!NUMBER.test(min) || !NUMBER.test(hr) || month !== '*') return null;
  const minute = Number(min);
  const hour = Number(hr);
  if (minute > 59 || hour > 23) return null;
  if (dom === '*' && dow === '*') return { kind: 'daily', hour, minute };
  if (dom === '*' && dow === '1-5') return { kind: 'weekdays', hour, minute };
  if (dom === '*' && /^[0-6](,[0-6])*$/.test(dow)) {
    return { kind: 'weekly', hour, minute, weekdays: [...new Set(dow.split(',').map(Number))].sort((a, b) => a - b) };
  }
  if (dow === '*' && dom === 'L') return { kind: 'monthly', hour, minute, day: 'last' };
  if (dow === '*' && NUMBER.test(dom) && Number(dom) >= 1 && Number(dom) <= 31) return { kind: 'monthly', hour, minute, day: Number(dom) };
  return null;
}
