/**
 * Reads the date notations of the users' lists and turns them into 'yyyy-mm-dd'.
 *
 * Accepted: d.m.yyyy and dd.mm.yyyy (Turkish, Russian, Polish, Slovak), yyyy-mm-dd (ISO, also
 * yyyy.mm.dd and yyyy/mm/dd), dd-mm-yyyy, dd/mm/yyyy or mm/dd/yyyy, each optionally followed by a
 * time (dropped) and, for Russian exports, "г."; and Excel serial day numbers. Two-digit years
 * are not accepted: "01.02.03" could be any of three centuries and several orders.
 *
 * The slash rule, decided per column because a single value like 03/04/2026 cannot tell:
 * if any value's first part is over 12 the column is day-first; otherwise if any value's second
 * part is over 12 it is month-first (US); otherwise day-first, as in every locale we serve.
 */

/** Day-first or month-first, for slash-separated dates. */
export type SlashOrder = 'dmy' | 'mdy';

/** The parts of a date-looking string before any calendar check. */
export interface DateShape {
  /** 'ymd' when the year comes first, 'slash' when the order is the column's call, else 'dmy'. */
  order: 'ymd' | 'dmy' | 'slash';
  first: number;
  second: number;
  year: number;
}

const DATE = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:\s*г\.?|\.)?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/i;

/** The smallest and largest Excel serial numbers taken as dates: 1906-01-08 and 9999-12-31. */
export const SERIAL_MIN = 2200;
export const SERIAL_MAX = 2958465;

/** Recognises a date-looking string (ISO or day/month/year with a four-digit year). */
export function readDateShape(text: string): DateShape | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, a, separator, b, c] = match;
  if (a.length === 4 && c.length <= 2) return { order: 'ymd', first: Number(b), second: Number(c), year: Number(a) };
  if (a.length <= 2 && c.length === 4) {
    return { order: separator === '/' ? 'slash' : 'dmy', first: Number(a), second: Number(b), year: Number(c) };
  }
  return undefined;
}

/** Decides a column's slash order from what its slash dates showed (see the rule above). */
export function chooseSlashOrder(firstOver12: boolean, secondOver12: boolean): SlashOrder {
  return !firstOver12 && secondOver12 ? 'mdy' : 'dmy';
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats a calendar day as 'yyyy-mm-dd', or undefined when the day does not exist (31.02). */
export function formatDay(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Turns a date string into 'yyyy-mm-dd' using the column's slash order; undefined if it is no real date. */
export function parseDateText(text: string, slashOrder: SlashOrder): string | undefined {
  const shape = readDateShape(text);
  if (!shape) return undefined;
  if (shape.order === 'ymd') return formatDay(shape.year, shape.first, shape.second);
  if (shape.order === 'slash' && slashOrder === 'mdy') return formatDay(shape.year, shape.first, shape.second);
  return formatDay(shape.year, shape.second, shape.first);
}

/**
 * Converts an Excel serial day number to 'yyyy-mm-dd'. In the 1900 system serial 1 is
 * 1900-01-01 and serial 60 is Lotus 1-2-3's 29 February 1900, which never existed; in the 1904
 * system (old Mac workbooks) serial 0 is 1904-01-01. Fractions are times of day and dropped.
 */
export function convertExcelSerial(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > SERIAL_MAX) return undefined;
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return formatDate(new Date(epoch + days * 86_400_000));
}

/** Formats a JS date from exceljs (a UTC wall-clock time) as 'yyyy-mm-dd', rounding away float error. */
export function formatDate(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1, 2)}-${pad(rounded.getUTCDate(), 2)}`;
}
