/**
 * Decides from the bytes, not the file name, whether an upload is CSV text or an XLSX workbook,
 * and refuses everything else with a message that says what the file looks like instead.
 */
import { failImport } from './import-error';
import { readBom, sniffUtf16 } from './encoding-detector';

/** The formats the import reads. */
export type FileFormat = 'csv' | 'xlsx';

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Whether the bytes hold control characters that no text file has (NUL, most of C0). */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i];
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) controls++;
  }
  return controls > length * 0.01;
}

/** Whether there is anything but whitespace after the BOM. */
function hasContent(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x00) return true;
  }
  return false;
}

/** Recognises HTML and XML posing as spreadsheets by their first tag. */
function readMarkup(bytes: Uint8Array, from: number): 'html' | 'xml' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.min(256, bytes.length - from))
    .toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<?xml')) return 'xml';
  if (/^<(!doctype html|html|table|head|body|meta)[\s>]/.test(head)) return 'html';
  return undefined;
}

/** Classifies an upload as CSV or XLSX, throwing EMPTY_FILE, UNSUPPORTED_FORMAT, CORRUPT_XLSX or NOT_A_SPREADSHEET. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const bom = readBom(bytes);
  if (!hasContent(bytes, bom?.bomLength ?? 0)) {
    throw failImport('EMPTY_FILE', 'the file is empty; export the list again', { fileName, size: bytes.length });
  }
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2)) {
    throw failImport('UNSUPPORTED_FORMAT', 'this is an Excel 97–2003 (.xls) workbook or a password-protected one; '
      + 'open it in Excel, remove any password and save it as .xlsx or CSV', { fileName });
  }
  if (/\.(xlsx|xlsm|xltx|xltm)$/i.test(fileName)) {
    throw failImport('CORRUPT_XLSX', 'the file is named as an Excel workbook but is not one (an XLSX file is a '
      + 'ZIP package); save it again from Excel', { fileName });
  }
  const known = SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known) {
    throw failImport('NOT_A_SPREADSHEET', `this is ${known.what}, not a CSV or XLSX list`, { fileName, detected: known.what });
  }
  const markup = readMarkup(bytes, bom?.bomLength ?? 0);
  if (markup === 'xml') {
    throw failImport('UNSUPPORTED_FORMAT', 'this is an Excel 2003 XML spreadsheet (or other XML); open it in Excel '
      + 'and save it as .xlsx or CSV', { fileName });
  }
  if (markup === 'html') {
    throw failImport('NOT_A_SPREADSHEET', 'this is a web page (some systems export HTML tables named .xls); open it '
      + 'in Excel and save it as .xlsx or CSV', { fileName });
  }
  const utf16 = bom?.encoding.startsWith('utf-16') || sniffUtf16(bytes) !== undefined;
  if (!utf16 && looksBinary(bytes)) {
    throw failImport('NOT_A_SPREADSHEET', 'the file holds binary data, not a CSV or XLSX list', { fileName });
  }
  return 'csv';
}
