/**
 * Turns an XLSX workbook into raw rows with exceljs. Cells keep their kind (number, date,
 * boolean, text) so that typing can trust Excel where Excel knows; formulas give their saved
 * results, rich text its plain text, mailto: hyperlinks their address, and Excel errors become
 * faults that typing reports per cell. Cells covered by a merge are read as empty (exceljs
 * repeats the master's value in them), and the merged ranges are passed on so that the header
 * step can name the columns under a merged header cell.
 */
import ExcelJS from 'exceljs';
import { failImport } from './import-error';
import type { MergedRange, RawCell, RawRow, RawTable } from './types';

/** A read worksheet and the name of the sheet it came from. */
export interface XlsxTable extends RawTable {
  sheet: string;
}

/** What `readXlsxTable` needs besides the bytes. */
export interface XlsxReadOptions {
  fileName: string;
  sheet?: string;
}

/** Zero-padded number formats ("00000") show IDs such as personnel numbers; keep them as text. */
function padNumber(value: number, numFmt: string | undefined): RawCell {
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) {
    return String(value).padStart(numFmt.length, '0');
  }
  return value;
}

/** The address behind a mailto: link, without any ?subject= part. */
function readMailto(link: string): string | undefined {
  const match = /^mailto:([^?]+)/i.exec(link.trim());
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]).trim();
  } catch {
    return match[1].trim();
  }
}

function readRichText(value: { richText: Array<{ text: string }> }): string {
  return value.richText.map((run) => run.text).join('');
}

/** Reduces an exceljs cell value to a raw cell. */
export function readCellValue(value: ExcelJS.CellValue, numFmt?: string): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return padNumber(value, numFmt);
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return readRichText(value);
  if ('hyperlink' in value) {
    const address = readMailto(value.hyperlink);
    if (address) return address;
    const text: unknown = value.text;
    return typeof text === 'string' ? text : readCellValue(text as ExcelJS.CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { fault: 'a formula saved without its result' };
    return readCellValue(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return { fault: String(value.error) };
  return null;
}

/** Parses "B3:D4" into a 1-based range. */
function readRange(text: string): MergedRange | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
  if (!match) return undefined;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { top: Number(match[2]), left: column(match[1]), bottom: Number(match[4]), right: column(match[3]) };
}

function pickSheet(workbook: ExcelJS.Workbook, options: XlsxReadOptions): ExcelJS.Worksheet {
  const { fileName, sheet } = options;
  const names = workbook.worksheets.map((w) => w.name);
  if (sheet !== undefined) {
    const named = workbook.worksheets.find((w) => w.name === sheet)
      ?? workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.trim().toLowerCase());
    if (!named) {
      const listed = names.map((n) => `"${n}"`).join(', ');
      throw failImport('SHEET_NOT_FOUND', `there is no worksheet "${sheet}"; the workbook has ${listed}`,
        { fileName, sheet, sheets: names });
    }
    return named;
  }
  const filled = workbook.worksheets.filter((w) => w.actualRowCount > 0);
  const chosen = filled.find((w) => w.state === 'visible') ?? filled[0];
  if (!chosen) throw failImport('EMPTY_FILE', 'every worksheet in the workbook is empty', { fileName, sheets: names });
  return chosen;
}

function readRows(worksheet: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  const width = worksheet.columnCount;
  for (let line = 1; line <= worksheet.rowCount; line++) {
    const row = worksheet.findRow(line);
    if (!row || !row.hasValues) continue;
    const cells: RawCell[] = new Array(width);
    let blank = true;
    for (let column = 1; column <= width; column++) {
      const cell = row.findCell(column);
      const raw = !cell || cell.type === ExcelJS.ValueType.Merge ? null : readCellValue(cell.value, cell.numFmt);
      cells[column - 1] = raw;
      if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) blank = false;
    }
    if (!blank) rows.push({ line, cells });
  }
  return rows;
}

/** Loads an XLSX workbook and reads its first non-empty visible worksheet (or `options.sheet`). */
export async function readXlsxTable(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = (error as Error).message;
    throw failImport('CORRUPT_XLSX', 'the workbook cannot be opened (it may be damaged, cut short, or another kind '
      + 'of ZIP file); open it in Excel and save it again', { fileName: options.fileName, reason });
  }
  if (workbook.worksheets.length === 0) {
    throw failImport('CORRUPT_XLSX', 'the file is a ZIP package without any worksheet; it is not an Excel workbook',
      { fileName: options.fileName });
  }
  const worksheet = pickSheet(workbook, options);
  const merges = ((worksheet.model as { merges?: string[] }).merges ?? [])
    .map(readRange).filter((range): range is MergedRange => range !== undefined);
  return {
    rows: readRows(worksheet),
    lineCount: worksheet.rowCount,
    merges,
    date1904: Boolean(workbook.properties?.date1904),
    sheet: worksheet.name,
  };
}
