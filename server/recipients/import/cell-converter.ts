/**
 * Converts one raw cell to its column's type. A value that does not fit is a row-level
 * problem, never an error: numbers, dates and yes/no values that cannot be read become null
 * (so filters do not compare nonsense), while e-mail and phone cells keep their text so that
 * the plan can list the recipient as skipped with the reason.
 */
import { convertExcelSerial, formatDate, parseDateText, readDateShape } from './date-reader';
import { parseNumberText } from './number-reader';
import type { ColumnPlan } from './type-inferrer';
import { displayCell } from './type-inferrer';
import { type CellValue, type RawCell, isCellFault } from './types';
import { readBoolean, readEmail, readPhoneShape } from './value-recognizer';

/** A converted cell, with what is wrong with it if anything. */
export interface Conversion {
  value: CellValue;
  problem?: { code: string; message: string };
}

function fail(value: CellValue, code: string, message: string): Conversion {
  return { value, problem: { code, message } };
}

function toNumber(cell: Exclude<RawCell, null>, plan: ColumnPlan): Conversion {
  if (typeof cell === 'number') return { value: cell };
  const value = typeof cell === 'string' ? parseNumberText(cell, plan.decimalMark) : undefined;
  if (value !== undefined) return { value };
  return fail(null, 'INVALID_NUMBER', `"${displayCell(cell)}" is not a number (write 1234,56 or 1.234,56 or 1234.56)`);
}

function toDate(cell: Exclude<RawCell, null>, plan: ColumnPlan): Conversion {
  if (cell instanceof Date) return { value: formatDate(cell) };
  if (typeof cell === 'number') {
    const serial = convertExcelSerial(cell, plan.date1904);
    if (serial) return { value: serial };
    return fail(null, 'INVALID_DATE', `${cell} is not a date (as an Excel date number it is out of range)`);
  }
  const text = displayCell(cell);
  const parsed = parseDateText(text, plan.slashOrder);
  if (parsed) return { value: parsed };
  if (readDateShape(text)) return fail(null, 'INVALID_DATE', `"${text}" is not a real calendar date`);
  const serial = /^\d+([.,]\d+)?$/.test(text) ? convertExcelSerial(Number(text.replace(',', '.')), plan.date1904) : undefined;
  if (serial) return { value: serial };
  return fail(null, 'INVALID_DATE', `"${text}" is not a date (write dd.mm.yyyy or yyyy-mm-dd)`);
}

function toBoolean(cell: Exclude<RawCell, null>): Conversion {
  if (typeof cell === 'boolean') return { value: cell };
  if (cell === 1 || cell === 0) return { value: cell === 1 };
  const value = typeof cell === 'string' ? readBoolean(cell) : undefined;
  if (value !== undefined) return { value };
  return fail(null, 'INVALID_BOOLEAN',
    `"${displayCell(cell)}" is not a yes/no value (evet/hayır, да/нет, tak/nie, áno/nie, yes/no)`);
}

function toEmail(cell: Exclude<RawCell, null>): Conversion {
  const text = displayCell(cell);
  const address = typeof cell === 'string' ? readEmail(text) : undefined;
  if (address) return { value: address };
  return fail(text, 'INVALID_EMAIL', `"${text}" is not a valid e-mail address`);
}

function toPhone(cell: Exclude<RawCell, null>): Conversion {
  const text = displayCell(cell);
  if (readPhoneShape(text)) return { value: text };
  return fail(text, 'INVALID_PHONE', `"${text}" is not a telephone number (7 to 15 digits)`);
}

/** Converts a raw cell to the plan's type; empty cells become null without a problem. */
export function convertCell(cell: RawCell, plan: ColumnPlan): Conversion {
  if (cell === null || cell === '') return { value: null };
  if (isCellFault(cell)) {
    const what = cell.fault.startsWith('#') ? `Excel shows the error ${cell.fault} here` : `the cell holds ${cell.fault}`;
    return fail(null, 'CELL_ERROR', `${what}; fix it in the workbook or clear the cell`);
  }
  switch (plan.type) {
    case 'number': return toNumber(cell, plan);
    case 'date': return toDate(cell, plan);
    case 'boolean': return toBoolean(cell);
    case 'email': return toEmail(cell);
    case 'phone': return toPhone(cell);
    default: return { value: displayCell(cell) };
  }
}
