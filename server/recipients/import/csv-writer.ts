/**
 * Writes CSV for people who will open it in Excel: UTF-8 with a BOM (without it Excel reads
 * the bytes as the local ANSI code page and Cyrillic and Turkish letters come out garbled), CRLF
 * line ends, and `;` by default because Excel in Turkish, Russian, Polish and Slovak locales
 * splits on `;`. Numbers then use the decimal comma those locales read. No `sep=;` line: with it
 * Excel ignores the BOM.
 *
 * Formula injection: a text cell starting with = + - @ (or tab / CR, which Excel skips before
 * them) would run as a formula, so it gets a leading apostrophe, which Excel shows as text. Our
 * own reader removes that apostrophe again, so lists survive a round trip.
 */

/** How `writeCsv` formats its output. */
export interface CsvWriteOptions {
  /** Field delimiter, `;` unless given. */
  delimiter?: string;
  /** Start with a UTF-8 byte-order mark; true unless given. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Writes a number with the decimal mark Excel expects next to the delimiter, never as "1,234". */
function formatNumber(value: number, decimalComma: boolean): string {
  if (!Number.isFinite(value)) return '';
  let text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (/e/i.test(text)) return decimalComma ? text.replace('.', ',') : text;
  // "1,234" would read back as a thousands group; a trailing zero keeps it a decimal.
  if (/^-?\d{1,3}\.\d{3}$/.test(text)) text += '0';
  return decimalComma ? text.replace('.', ',') : text;
}

function formatDateValue(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

function formatValue(value: unknown, decimalComma: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, decimalComma);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return formatDateValue(value);
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'boolean') return String(value);
  return guardText(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
    || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises rows as CSV for Excel (BOM, CRLF, `;`), safe against formula injection. */
export function writeCsv(columns: string[], rows: Array<Record<string, unknown>>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimalComma = delimiter !== ',';
  const lines = [columns.map((column) => quote(guardText(column), delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(columns.map((column) => quote(formatValue(row[column], decimalComma), delimiter)).join(delimiter));
  }
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}
