/**
 * The one error the import throws when a whole file is unusable. Row-level trouble never
 * throws: it becomes an entry in `ParsedList.problems`.
 */

/** Every code `ImportError` can carry, with what it means; the HTTP layer maps them all to 422. */
export const IMPORT_ERROR_CODES = {
  EMPTY_FILE: 'the file (or every worksheet in it) has no content',
  NOT_A_SPREADSHEET: 'the bytes are not text nor an XLSX workbook (an image, a PDF, a binary file)',
  UNSUPPORTED_FORMAT: 'a spreadsheet format that is not read (Excel 97–2003 .xls, an encrypted workbook)',
  CORRUPT_XLSX: 'the file claims to be XLSX but cannot be opened as one',
  SHEET_NOT_FOUND: 'the requested worksheet does not exist',
  UNKNOWN_ENCODING: 'the requested encoding is not one that can be decoded',
  ENCODING_UNDETECTED: 'no supported encoding turns the bytes into plausible text',
  UNDECODABLE_TEXT: 'the bytes are not valid in the chosen (or marked) encoding',
  INVALID_OPTION: 'an option (delimiter, header row, column type) has an impossible value',
  MALFORMED_CSV: 'the CSV cannot be split into fields, usually an unclosed quotation mark',
  NO_HEADER_ROW: 'no row looks like column headers',
  HEADER_ROW_OUT_OF_RANGE: 'the requested header row is not in the file or not at the start of a record',
  HEADER_UNUSABLE: 'the header row is blank, or mostly blank or repeated names',
  UNKNOWN_COLUMN: 'a column type override names a column the file does not have',
} as const;

/** A stable UPPER_SNAKE code of an unusable file. */
export type ImportErrorCode = keyof typeof IMPORT_ERROR_CODES;

/** Where the trouble is, plus anything that helps the user fix it. */
export interface ImportErrorDetails {
  fileName: string;
  row?: number;
  column?: string;
  [key: string]: unknown;
}

/** Thrown when a recipient file cannot be used at all; `message` says what and where. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly details: ImportErrorDetails;

  constructor(code: ImportErrorCode, message: string, details: ImportErrorDetails) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.details = details;
  }
}

/** Builds an ImportError whose message starts with the place: "list.csv, line 4, column "Ad": ...". */
export function failImport(
  code: ImportErrorCode,
  what: string,
  details: ImportErrorDetails,
  unit: 'line' | 'row' = 'line',
): ImportError {
  const place = [details.fileName];
  if (details.row !== undefined) place.push(`${unit} ${details.row}`);
  if (details.column !== undefined) place.push(`column "${details.column}"`);
  return new ImportError(code, `${place.join(', ')}: ${what}`, details);
}

/** The 1-based line of a byte offset in single-byte or UTF-8 text (counts LF bytes before it). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
