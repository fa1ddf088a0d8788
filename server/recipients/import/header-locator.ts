/**
 * Finds the header row and names the columns. Exports often start with a title ("Personel
 * listesi 2026"), a date line or a blank line; the header is the first row that fills at least
 * half as many cells as the fullest of the first 30 rows, and it must read like names, not like
 * data. Blank names become column_N, repeated names get _2, _3; columns under a merged XLSX
 * header cell take its name, and a merged header with sub-headers beneath it ("Adres" over
 * "Şehir" and "İlçe") reads as two rows: "Adres Şehir", "Adres İlçe".
 */
import { readDateShape } from './date-reader';
import { failImport } from './import-error';
import { readNumberShape } from './number-reader';
import { displayCell } from './type-inferrer';
import type { MergedRange, RawCell, RawRow, RawTable } from './types';
import { normaliseName, readEmail } from './value-recognizer';

/** Where the header is, the column names, and the index of the first data row. */
export interface HeaderLayout {
  line: number;
  names: string[];
  dataStart: number;
}

const SCAN_ROWS = 30;

function isFilled(cell: RawCell): boolean {
  return cell !== null && !(typeof cell === 'string' && cell.trim() === '');
}

function countFilled(row: RawRow): number {
  let filled = 0;
  for (const cell of row.cells) if (isFilled(cell)) filled++;
  return filled;
}

function lastFilled(cells: RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (isFilled(cells[i])) return i;
  return -1;
}

/** Whether a filled cell reads like a value (number, date, address, yes/no cell) rather than a name. */
function isDataLike(cell: RawCell): boolean {
  if (typeof cell !== 'string') return cell !== null;
  const text = cell.trim();
  return readEmail(text) !== undefined || readDateShape(text) !== undefined || readNumberShape(text) !== undefined;
}

function looksLikeData(row: RawRow): boolean {
  const filled = row.cells.filter(isFilled);
  return filled.filter(isDataLike).length * 2 > filled.length;
}

function findHeaderIndex(table: RawTable, fileName: string, unit: 'line' | 'row'): number {
  const scan = table.rows.slice(0, SCAN_ROWS);
  const most = Math.max(...scan.map(countFilled));
  const needed = most <= 1 ? 1 : Math.max(2, Math.ceil(most / 2));
  const index = scan.findIndex((row) => countFilled(row) >= needed);
  if (looksLikeData(scan[index])) {
    throw failImport('NO_HEADER_ROW', 'no header row found: the first full row holds values, not column names; '
      + 'add a row of column names above the data or choose the header row', { fileName, row: scan[index].line }, unit);
  }
  return index;
}

function chooseHeaderIndex(table: RawTable, fileName: string, unit: 'line' | 'row', headerRow: number): number {
  const index = table.rows.findIndex((row) => row.line === headerRow);
  if (index >= 0) return index;
  if (headerRow > table.lineCount) {
    throw failImport('HEADER_ROW_OUT_OF_RANGE', `the header ${unit} ${headerRow} is past the end of the file, `
      + `which has ${table.lineCount} ${unit}s`, { fileName, row: headerRow, lineCount: table.lineCount }, unit);
  }
  const before = table.rows.filter((row) => row.line < headerRow).at(-1);
  const spanned = before ? before.line + before.cells.join('').split('\n').length - 1 : 0;
  if (spanned >= headerRow) {
    throw failImport('HEADER_ROW_OUT_OF_RANGE', `${unit} ${headerRow} is inside a quoted field that starts on `
      + `${unit} ${before!.line}; choose the ${unit} where the header starts`, { fileName, row: headerRow }, unit);
  }
  throw failImport('HEADER_UNUSABLE', `the header ${unit} is blank; choose the ${unit} that holds the column names`,
    { fileName, row: headerRow }, unit);
}

/** Names for the header cells after merged header cells have lent their names to the cells they cover. */
function readHeaderCells(table: RawTable, index: number, width: number): { names: string[]; rowsUsed: number } {
  const header = table.rows[index];
  const names = Array.from({ length: width }, (_, i) => normaliseName(displayCell(header.cells[i] ?? null)));
  const spans = table.merges.filter((m: MergedRange) => m.top === header.line && m.right > m.left && m.left <= width);
  for (const span of spans) {
    for (let column = span.left + 1; column <= Math.min(span.right, width); column++) {
      if (names[column - 1] === '') names[column - 1] = names[span.left - 1];
    }
  }
  const below = table.rows[index + 1];
  if (spans.length === 0 || !below || below.line !== header.line + 1 || looksLikeData(below)) return { names, rowsUsed: 1 };
  // Sub-headers sit only under merged spans; anything beside them means the row is data.
  const subNames = Array.from({ length: width }, (_, i) => normaliseName(displayCell(below.cells[i] ?? null)));
  const underSpan = (i: number) => spans.some((span) => i + 1 >= span.left && i + 1 <= span.right);
  if (!subNames.some(Boolean) || subNames.some((name, i) => name !== '' && !underSpan(i))) return { names, rowsUsed: 1 };
  return { names: names.map((name, i) => [name, subNames[i]].filter(Boolean).join(' ')), rowsUsed: 2 };
}

/** Turns header texts into unique names; throws HEADER_UNUSABLE when most would be made up. */
export function nameColumns(texts: string[], fileName: string, line: number, unit: 'line' | 'row' = 'line'): string[] {
  const used = new Set<string>();
  let repaired = 0;
  const names = texts.map((text, i) => {
    let name = text === '' ? `column_${i + 1}` : text;
    if (text === '' || used.has(name.toLowerCase())) repaired++;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${text || `column_${i + 1}`}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
  if (repaired === texts.length || repaired > texts.length - repaired) {
    throw failImport('HEADER_UNUSABLE', `${repaired} of the ${texts.length} header cells are blank or repeated, `
      + 'so this does not look like the header; choose the header row', { fileName, row: line, repaired }, unit);
  }
  return names;
}

/** Locates the header (or takes `headerRow`) and names the columns up to the widest data row. */
export function locateHeader(table: RawTable, fileName: string, unit: 'line' | 'row', headerRow?: number): HeaderLayout {
  if (table.rows.length === 0) throw failImport('EMPTY_FILE', 'the file has no content', { fileName });
  const index = headerRow === undefined
    ? findHeaderIndex(table, fileName, unit)
    : chooseHeaderIndex(table, fileName, unit, headerRow);
  const header = table.rows[index];
  let dataWidth = 0;
  for (let i = index + 1; i < table.rows.length; i++) dataWidth = Math.max(dataWidth, lastFilled(table.rows[i].cells) + 1);
  const width = Math.max(lastFilled(header.cells) + 1, Math.min(header.cells.length, dataWidth));
  const { names, rowsUsed } = readHeaderCells(table, index, width);
  return { line: header.line, names: nameColumns(names, fileName, header.line, unit), dataStart: index + rowsUsed };
}
