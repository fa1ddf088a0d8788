import type { Row } from '../store/lists';

/**
 * Fields every message of a run can use besides the list's columns. A list column of the same
 * name wins (for every row, even where it is empty): the author's own data is never overridden by
 * a value they did not choose, and which one is merged is decided by the list, not by the row.
 */
export const RUN_FIELDS = ['runDate', 'senderName', 'senderEmail', 'referenceNumber'] as const;

/** What run-level values are made from, frozen when the run is planned. */
export interface RunFieldContext {
  /** `yyyy-mm-dd` in the user's time zone. */
  runDate: string;
  /** Reference numbers are `prefix` + the zero-padded number `start + delivery index`. */
  reference: { prefix: string; start: number };
  /** Run-level fields hidden by list columns of the same name. */
  hidden: string[];
}

/** The run fields that a list with these columns does not hide. */
export function hiddenRunFields(columns: string[]): string[] {
  const names = new Set(columns);
  return RUN_FIELDS.filter((field) => names.has(field));
}

/** The date at an instant in a time zone, as `yyyy-mm-dd`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The prefix of a run's reference numbers: `R-<year of the run date>-`. */
export function referencePrefix(runDate: string): string {
  return `R-${runDate.slice(0, 4)}-`;
}

/** One delivery's reference number, e.g. `R-2026-000123`: stable because its index is. */
export function referenceNumber(reference: RunFieldContext['reference'], index: number): string {
  return reference.prefix + String(reference.start + index).padStart(6, '0');
}

/**
 * The values one recipient's message is merged with: run fields first, the row's columns over them.
 * The sender is the mailbox's at send time, so `{{senderName}}` always matches the From line.
 */
export function mergeValues(context: RunFieldContext, sender: { name: string; email: string }, index: number, row: Row): Row {
  const values: Row = {
    runDate: context.runDate,
    senderName: sender.name,
    senderEmail: sender.email,
    referenceNumber: referenceNumber(context.reference, index),
  };
  for (const field of context.hidden) delete values[field];
  return Object.assign(values, row);
}
