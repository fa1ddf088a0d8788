/**
 * The import pipeline: bytes → format → raw rows (CSV: encoding, delimiter; XLSX: worksheet)
 * → header → per-column profile and type → typed rows and row-level problems → e-mail column.
 * Everything that makes the whole file unusable throws an ImportError before any row is
 * returned, so a caller either gets a complete list or nothing.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { convertCell } from './cell-converter';
import { readCsvTable } from './csv-reader';
import { guessEmailColumn } from './email-column-guesser';
import { detectFormat } from './format-detector';
import { locateHeader } from './header-locator';
import { failImport } from './import-error';
import { type ColumnPlan, type ColumnProfile, profileColumn } from './type-inferrer';
import {
  COLUMN_TYPES, type CellValue, type ImportProblem, type ParseInput, type ParsedList, type RawRow, type RawTable,
} from './types';
import { readXlsxTable } from './xlsx-reader';

type Unit = 'line' | 'row';

/** Rows converted between turns of the event loop, so that other requests are served meanwhile. */
const YIELD_EVERY = 5000;

/** Refuses impossible options before any work is done. */
function checkOptions(input: ParseInput): void {
  const { fileName, headerRow, columnTypes } = input;
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw failImport('INVALID_OPTION', `the header row must be a line number from 1, not ${headerRow}`, { fileName, headerRow });
  }
  for (const [column, type] of Object.entries(columnTypes ?? {})) {
    if (!COLUMN_TYPES.includes(type)) {
      throw failImport('INVALID_OPTION', `"${type}" is not a column type; use one of ${COLUMN_TYPES.join(', ')}`,
        { fileName, column, type });
    }
  }
}

/** Refuses type overrides for columns the file does not have. */
function checkOverrideNames(input: ParseInput, names: string[]): void {
  for (const [column, type] of Object.entries(input.columnTypes ?? {})) {
    if (!names.includes(column)) {
      throw failImport('UNKNOWN_COLUMN', `there is no column "${column}" to set as ${type}; the columns are `
        + names.map((name) => `"${name}"`).join(', '), { fileName: input.fileName, column, columns: names });
    }
  }
}

/** Assigns a field; a column literally named "__proto__" must not reach the prototype. */
function setField(record: Record<string, CellValue>, name: string, value: CellValue): void {
  if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

/** Converts the data rows, reporting bad cells and rows longer than the header. */
async function convertRows(
  rows: Array<RawRow | undefined>, names: string[], plans: ColumnPlan[], unit: Unit, problems: ImportProblem[],
): Promise<Array<Record<string, CellValue>>> {
  const records: Array<Record<string, CellValue>> = new Array(rows.length);
  const width = names.length;
  for (let r = 0; r < rows.length; r++) {
    if (r % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const { line, cells } = rows[r]!;
    rows[r] = undefined; // free the raw row now, so peak memory stays near one copy of the list
    const record: Record<string, CellValue> = {};
    for (let i = 0; i < width; i++) {
      const { value, problem } = convertCell(cells[i] ?? null, plans[i]);
      setField(record, names[i], value);
      if (problem) {
        const message = `${unit} ${line}, column "${names[i]}": ${problem.message}`;
        problems.push({ row: line, column: names[i], code: problem.code, message });
      }
    }
    const extra = cells.slice(width).filter((cell) => cell !== null && !(typeof cell === 'string' && cell.trim() === ''));
    if (extra.length > 0) {
      const shown = extra.slice(0, 3).map((cell) => `"${String(cell)}"`).join(', ');
      problems.push({
        row: line, code: 'EXTRA_CELLS',
        message: `${unit} ${line} has ${extra.length} more filled cell(s) than the header has columns (${shown}); `
          + 'they were ignored — check for an unquoted delimiter',
      });
    }
    records[r] = record;
  }
  return records;
}

/** What a reader found: the raw table and how it was read. */
interface ReadResult {
  table: RawTable;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

async function readTable(input: ParseInput, format: 'csv' | 'xlsx'): Promise<ReadResult> {
  const { bytes, fileName } = input;
  if (format === 'xlsx') {
    const table = await readXlsxTable(bytes, { fileName, sheet: input.sheet });
    return { table, sheet: table.sheet };
  }
  const table = await readCsvTable(bytes, { fileName, encoding: input.encoding, delimiter: input.delimiter });
  return { table, encoding: table.encoding, delimiter: table.delimiter };
}

/** Parses an uploaded CSV or XLSX recipient list into typed columns and rows, reporting row-level problems. */
export async function parseRecipientFile(input: ParseInput): Promise<ParsedList> {
  checkOptions(input);
  const { fileName } = input;
  const format = detectFormat(input.bytes, fileName);
  const unit: Unit = format === 'csv' ? 'line' : 'row';
  const read = await readTable(input, format);
  const { table } = read;
  const layout = locateHeader(table, fileName, unit, input.headerRow);
  checkOverrideNames(input, layout.names);
  const dataRows: Array<RawRow | undefined> = table.rows.splice(layout.dataStart);
  const profiles: ColumnProfile[] = [];
  for (const name of layout.names) {
    profiles.push(profileColumn(name, dataRows as RawRow[], profiles.length, table.date1904));
    await nextTurn();
  }
  const plans = profiles.map((profile, i): ColumnPlan => {
    const override = input.columnTypes?.[layout.names[i]];
    return override ? { ...profile.plan, type: override } : profile.plan;
  });
  const problems: ImportProblem[] = [];
  const rows = await convertRows(dataRows, layout.names, plans, unit, problems);
  const columns = layout.names.map((name, i) => ({
    name, type: plans[i].type, inferred: profiles[i].inferred, sample: profiles[i].sample,
  }));
  const forced = columns.find((column) => input.columnTypes?.[column.name] === 'email');
  const emailColumn = forced?.name ?? guessEmailColumn(columns.map((column, i) => ({
    name: column.name, emailShare: profiles[i].emailShare, filled: profiles[i].filled,
  })));
  return {
    fileName,
    format,
    ...(read.encoding !== undefined ? { encoding: read.encoding, delimiter: read.delimiter } : {}),
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    headerRow: layout.line,
    columns,
    rows,
    problems,
    ...(emailColumn !== undefined ? { emailColumn } : {}),
  };
}
