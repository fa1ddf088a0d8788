/**
 * The shapes that flow through the import: what a caller passes in, what the readers produce
 * (raw cells, still untyped), and the typed list handed back.
 */

/** The kinds of value an imported column can hold. */
export type ColumnType = 'text' | 'email' | 'number' | 'date' | 'phone' | 'boolean';

/** Every column type, in the order the UI offers them. */
export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'email', 'number', 'date', 'phone', 'boolean'];

/** A typed cell of an imported row; dates are 'yyyy-mm-dd' strings, empty cells are null. */
export type CellValue = string | number | boolean | null;

/** One column of an imported list: its final type, the type inferred from its values, a few examples. */
export interface ParsedColumn {
  name: string;
  type: ColumnType;
  inferred: ColumnType;
  sample: string[];
}

/** A row-level problem: the file is still usable, this cell or row is not what it should be. */
export interface ImportProblem {
  /** 1-based line (CSV) or row (XLSX) in the file. */
  row: number;
  column?: string;
  code: string;
  message: string;
}

/** An imported recipient list. */
export interface ParsedList {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  /** XLSX: the worksheet that was read. */
  sheet?: string;
  /** 1-based line (CSV) or row (XLSX) of the header. */
  headerRow: number;
  columns: ParsedColumn[];
  rows: Array<Record<string, CellValue>>;
  problems: ImportProblem[];
  /** The column most likely to hold the recipients' addresses. */
  emailColumn?: string;
}

/** What a caller hands to `parseRecipientFile`. */
export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  /** Overrides encoding detection (CSV only), e.g. 'windows-1254'. */
  encoding?: string;
  /** Overrides delimiter sniffing (CSV only); 'tab' and '\t' both mean a tab. */
  delimiter?: string;
  /** Overrides header detection: 1-based line (CSV) or row (XLSX). */
  headerRow?: number;
  /** Overrides inferred types, keyed by column name as it appears in the result. */
  columnTypes?: Record<string, ColumnType>;
  /** XLSX only: the worksheet to read instead of the first non-empty one. */
  sheet?: string;
}

/** An Excel error value (#N/A, #DIV/0!) or a formula saved without its result. */
export interface CellFault {
  fault: string;
}

/** A cell as a reader found it: CSV gives strings, XLSX also numbers, booleans, dates and faults. */
export type RawCell = string | number | boolean | Date | CellFault | null;

/** One non-blank row of a file, with the 1-based line (CSV) or row (XLSX) it starts on. */
export interface RawRow {
  line: number;
  cells: RawCell[];
}

/** A rectangle of merged XLSX cells, 1-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a reader hands on to header location and typing. */
export interface RawTable {
  rows: RawRow[];
  /** The number of lines (CSV) or rows (XLSX) in the file, blank ones included. */
  lineCount: number;
  merges: MergedRange[];
  /** XLSX: serial day numbers count from 1904 rather than 1900. */
  date1904: boolean;
}

/** Type guard for `CellFault`. */
export function isCellFault(cell: RawCell): cell is CellFault {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}
