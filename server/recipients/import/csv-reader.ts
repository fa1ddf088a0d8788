/**
 * Turns CSV bytes into raw rows. The bytes are decoded in 64 KB slices straight into csv-parse's
 * stream, so the whole file never exists as one decoded string; only the parsed rows are kept.
 * Each row remembers the line it starts on (a record spans one line plus the line breaks inside
 * its quoted fields), so problems can point at the file.
 */
import { Readable, pipeline } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { locateFirstFullLine, normaliseDelimiter, readSepLine, sniffDelimiter } from './delimiter-sniffer';
import { type DetectedEncoding, detectEncoding, resolveEncoding } from './encoding-detector';
import { failImport, lineAtByte } from './import-error';
import type { RawRow, RawTable } from './types';

/** A parsed CSV file with the encoding and delimiter it was read with. */
export interface CsvTable extends RawTable {
  encoding: string;
  delimiter: string;
}

/** What `readCsvTable` needs besides the bytes. */
export interface CsvReadOptions {
  fileName: string;
  encoding?: string;
  delimiter?: string;
}

const CHUNK = 64 * 1024;
const UNICODE = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/** Yields the decoded text slice by slice; legacy code pages must not produce U+FFFD (undefined bytes). */
function* decodeSlices(bytes: Uint8Array, detected: DetectedEncoding, fileName: string): Generator<string> {
  const decoder = iconv.getDecoder(detected.encoding, { stripBOM: false });
  const checked = !UNICODE.has(detected.encoding);
  for (let offset = detected.bomLength; offset < bytes.length; offset += CHUNK) {
    const slice = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(CHUNK, bytes.length - offset));
    const text = decoder.write(slice);
    const bad = checked ? text.indexOf('\ufffd') : -1;
    if (bad >= 0) {
      throw failImport('UNDECODABLE_TEXT', `byte 0x${slice[bad].toString(16)} has no meaning in ${detected.encoding}; `
        + 'choose another encoding or save the file as "CSV UTF-8"',
      { fileName, row: lineAtByte(bytes, offset + bad), encoding: detected.encoding });
    }
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Decodes just enough of the start to sniff the delimiter and spot a `sep=` line. */
function decodeHead(bytes: Uint8Array, detected: DetectedEncoding): string {
  const end = Math.min(bytes.length, detected.bomLength + CHUNK);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + detected.bomLength, end - detected.bomLength),
    detected.encoding, { stripBOM: false });
}

/**
 * Feeds the decoded slices on, minus the first `skip` characters (the `sep=` and title lines,
 * parsed apart). Stream plumbing runs on process.nextTick, which never lets timers or sockets
 * in, so each slice waits a turn of the event loop: a large upload must not stall the server.
 */
async function* feedSlices(slices: Iterable<string>, skip: number): AsyncGenerator<string> {
  let left = skip;
  for (const slice of slices) {
    if (left >= slice.length) {
      left -= slice.length;
      continue;
    }
    yield left > 0 ? slice.slice(left) : slice;
    left = 0;
    await nextTurn();
  }
}

/** Our own `writeCsv` (and Excel users) guard formulas with a leading apostrophe; undo that. */
function unguard(cell: string): string {
  return cell.charCodeAt(0) === 39 && /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** Lines a record spans beyond its first: quoted fields may hold line breaks. */
function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Numbers records by the line each starts on, drops blank ones, and undoes formula guards. */
function collectRows(firstLine: number) {
  const rows: RawRow[] = [];
  let next = firstLine;
  return {
    rows,
    /** The line the next record starts on; after a failure, where the broken record starts. */
    nextLine: () => next,
    add(record: string[]): void {
      const line = next;
      next += 1 + countNewlines(record);
      if (isBlank(record)) return;
      for (let i = 0; i < record.length; i++) record[i] = unguard(record[i]);
      rows.push({ line, cells: record });
    },
  };
}

const PARSING = {
  quote: '"', escape: '"', relax_quotes: true, relax_column_count: true, trim: true, skip_empty_lines: false, bom: false,
} as const;

/** Explains a csv-parse failure at the line where the broken record starts. */
function explainCsvError(error: CsvError, fileName: string, line: number): Error {
  const what = error.code === 'CSV_QUOTE_NOT_CLOSED'
    ? 'a quoted field opened on this line is never closed; add the missing quotation mark'
    : error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? 'a closing quotation mark is followed by more text; double the quotation marks inside quoted fields'
      : `the line cannot be split into fields (${error.message})`;
  return failImport('MALFORMED_CSV', what, { fileName, row: line, reason: error.code });
}

/** Decodes, sniffs and stream-parses CSV bytes into raw rows (blank rows dropped). */
export async function readCsvTable(bytes: Uint8Array, options: CsvReadOptions): Promise<CsvTable> {
  const { fileName } = options;
  const detected = options.encoding
    ? resolveEncoding(options.encoding, bytes, fileName)
    : detectEncoding(bytes, fileName);
  const head = decodeHead(bytes, detected);
  const sep = readSepLine(head);
  const delimiter = options.delimiter !== undefined
    ? normaliseDelimiter(options.delimiter, fileName)
    : sep ?? sniffDelimiter(head);
  const sepLength = sep ? (head.indexOf('\n') + 1 || head.length) : 0;
  const bodyStart = sepLength + locateFirstFullLine(head.slice(sepLength), delimiter);
  const collector = collectRows(sep ? 2 : 1);
  const parser = parse({ delimiter, ...PARSING });
  // Records arrive as 'data' events in the same tick the parser emits them, so the collector's
  // next line is exact even when the parser fails right after.
  parser.on('data', collector.add);
  const failure = await new Promise<Error | undefined>((resolve) => {
    try {
      const titles = bodyStart > sepLength ? parseSync(head.slice(sepLength, bodyStart), { delimiter, ...PARSING }) : [];
      titles.forEach(collector.add);
    } catch (error) {
      resolve(error as Error);
      return;
    }
    // pipeline (unlike pipe) also destroys the parser when decoding fails.
    const slices = feedSlices(decodeSlices(bytes, detected, fileName), bodyStart);
    pipeline(Readable.from(slices), parser, (error) => resolve(error ?? undefined));
  });
  if (failure) {
    const code = (failure as CsvError).code;
    throw typeof code === 'string' && code.startsWith('CSV_')
      ? explainCsvError(failure as CsvError, fileName, collector.nextLine())
      : failure;
  }
  const lineCount = collector.nextLine() - 1;
  return { rows: collector.rows, lineCount, merges: [], date1904: false, encoding: detected.encoding, delimiter };
}
