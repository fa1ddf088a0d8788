/**
 * Infers a column's type from every non-empty value (one pass, counting what each value could
 * be) plus what the column's name announces. A type wins when at least 90% of the values fit
 * it, so that one "bilinmiyor" in a date column becomes a reported problem rather than turning
 * the column into text. Order of preference: boolean, date, email, phone, number, text.
 *
 * - date: date-shaped strings and XLSX date cells; whole numbers count as Excel serials only
 *   under a date-like name ("Doğum tarihi", "Дата приема") and only between 2200 and 2958465.
 * - email: 90% addresses, or 50% under an e-mail-like name (the rest become problems).
 * - phone: 90% phone-shaped and either a phone-like name or mostly written as only phone
 *   numbers are (+90 532 ..., (0532) ..., 0532...): "5321234567" alone is just a number.
 * - number: no value may have a leading zero (00123 is an ID; such columns stay text).
 */
import { SERIAL_MAX, SERIAL_MIN, type SlashOrder, chooseSlashOrder, formatDate, readDateShape } from './date-reader';
import { isDateHeader, isEmailHeader, isPhoneHeader } from './header-vocabulary';
import { type DecimalMark, chooseDecimalMark, readDecimalEvidence, readNumberShape, valueOfShape } from './number-reader';
import type { ColumnType, RawCell, RawRow } from './types';
import { isCellFault } from './types';
import { normaliseText, readBoolean, readEmail, readPhoneShape } from './value-recognizer';

/** How to convert a column's cells: its type and the per-column conventions found in it. */
export interface ColumnPlan {
  type: ColumnType;
  slashOrder: SlashOrder;
  decimalMark: DecimalMark;
  date1904: boolean;
}

/** What a column's values showed: the inferred type, the plan, and material for the e-mail guess. */
export interface ColumnProfile {
  inferred: ColumnType;
  plan: ColumnPlan;
  /** Share of non-empty values that are e-mail addresses. */
  emailShare: number;
  /** How many non-empty values the column has. */
  filled: number;
  sample: string[];
}

interface Tally {
  filled: number; boolean: number; date: number; serial: number; email: number; phone: number;
  distinctive: number; number: number; leadingZero: number; comma: number; dot: number;
  firstOver12: boolean; secondOver12: boolean;
}

const SAMPLE_SIZE = 5;
const MAJORITY = 0.9;

function tallyText(tally: Tally, text: string): void {
  if (readBoolean(text) !== undefined) tally.boolean++;
  if (text.includes('@') && readEmail(text)) tally.email++;
  const first = text.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 45 && first !== 0x2212 && first !== 43 && first !== 40) return;
  const date = readDateShape(text);
  if (date) {
    tally.date++;
    if (date.order === 'slash') {
      if (date.first > 12) tally.firstOver12 = true;
      if (date.second > 12) tally.secondOver12 = true;
    }
  }
  const shape = readNumberShape(text);
  if (shape?.leadingZero) tally.leadingZero++;
  else if (shape) {
    tally.number++;
    const evidence = readDecimalEvidence(shape);
    if (evidence === ',') tally.comma++;
    else if (evidence === '.') tally.dot++;
    const value = valueOfShape(shape, undefined);
    if (value >= SERIAL_MIN && value <= SERIAL_MAX) tally.serial++;
  }
  const phone = readPhoneShape(text);
  if (phone) {
    tally.phone++;
    if (phone.distinctive) tally.distinctive++;
  }
}

function tallyCell(tally: Tally, cell: RawCell): void {
  if (typeof cell === 'string') {
    tally.filled++;
    tallyText(tally, cell);
  } else if (typeof cell === 'number') {
    tally.filled++;
    tally.number++;
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) tally.serial++;
    if (Number.isInteger(cell) && cell >= 1e6 && cell < 1e15) tally.phone++;
  } else if (typeof cell === 'boolean') {
    tally.filled++;
    tally.boolean++;
  } else if (cell instanceof Date) {
    tally.filled++;
    tally.date++;
  }
}

/** The text a cell shows in samples and in text columns; numbers as Excel shows them (15 digits). */
export function displayCell(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDate(cell);
  if (isCellFault(cell)) return '';
  if (typeof cell === 'number' && !Number.isInteger(cell)) return String(Number(cell.toPrecision(15)));
  return String(cell);
}

function decide(name: string, t: Tally): ColumnType {
  const fits = (count: number) => t.filled > 0 && count >= t.filled * MAJORITY;
  if (t.filled === 0) return 'text';
  if (fits(t.boolean)) return 'boolean';
  const dateHeader = isDateHeader(name);
  if (fits(t.date + (dateHeader ? t.serial : 0)) && (t.date > 0 || dateHeader)) return 'date';
  if (fits(t.email) || (isEmailHeader(name) && t.email >= t.filled * 0.5)) return 'email';
  if (fits(t.phone) && (isPhoneHeader(name) || t.distinctive >= t.filled * 0.5)) return 'phone';
  if (t.leadingZero === 0 && fits(t.number)) return 'number';
  return 'text';
}

/**
 * Profiles column `index` of the data rows. Side effect, to avoid a second pass: string cells
 * are normalised in place (trimmed, odd spaces made plain), so conversion can trust them.
 */
export function profileColumn(name: string, rows: RawRow[], index: number, date1904: boolean): ColumnProfile {
  const tally: Tally = {
    filled: 0, boolean: 0, date: 0, serial: 0, email: 0, phone: 0, distinctive: 0, number: 0,
    leadingZero: 0, comma: 0, dot: 0, firstOver12: false, secondOver12: false,
  };
  const sample: string[] = [];
  for (const row of rows) {
    let cell = row.cells[index] ?? null;
    if (typeof cell === 'string') {
      cell = normaliseText(cell);
      row.cells[index] = cell === '' ? null : cell;
      if (cell === '') continue;
    }
    tallyCell(tally, cell);
    if (sample.length < SAMPLE_SIZE && cell !== null) {
      const shown = displayCell(cell);
      if (shown !== '' && !sample.includes(shown)) sample.push(shown);
    }
  }
  const inferred = decide(name, tally);
  return {
    inferred,
    plan: {
      type: inferred,
      slashOrder: chooseSlashOrder(tally.firstOver12, tally.secondOver12),
      decimalMark: chooseDecimalMark(tally.comma, tally.dot),
      date1904,
    },
    emailShare: tally.filled ? tally.email / tally.filled : 0,
    filled: tally.filled,
    sample,
  };
}
