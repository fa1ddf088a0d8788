/**
 * Reading fields out of recipient rows: exact name first, then a case-insensitive match
 * (imports spell headers `Email`, `email` or `EMAIL`), and coercing values for comparison.
 */
import type { RecipientRow, RowValue } from './schema';

/** Reads one field of a row; `null` when the row has no such field. */
export type FieldReader = (row: RecipientRow) => RowValue;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Builds a reader for a field name. The case-insensitive fallback remembers the spelling it
 * found, because rows from one source share their keys: the scan happens once, not per row.
 */
export function createFieldReader(field: string): FieldReader {
  const folded = field.toLowerCase();
  // Names such as `constructor` exist on every object's prototype; only then is the slower
  // own-property check needed to avoid reading Object.prototype.constructor as a value.
  const inherited = field in Object.prototype;
  let alias: string | undefined;
  return (row) => {
    const exact = row[field];
    if (exact !== undefined && (!inherited || hasOwn.call(row, field))) return exact;
    if (alias !== undefined && hasOwn.call(row, alias)) return row[alias] ?? null;
    for (const key in row) {
      if (hasOwn.call(row, key) && key.toLowerCase() === folded) {
        alias = key;
        return row[key] ?? null;
      }
    }
    return null;
  };
}

/** Whether a value counts as empty: missing, null, or only whitespace. */
export function isBlank(value: RowValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A value as a number: numbers as they are, numeric text parsed, anything else NaN. */
export function readNumber(value: RowValue): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  const parsed = text === '' ? NaN : Number(text);
  return Number.isFinite(parsed) ? parsed : NaN;
}

/** A value as trimmed text for comparison; `null` for missing values. */
export function readText(value: RowValue): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value.trim() : String(value);
}

/** A value as a boolean: booleans, and the texts `true` / `false` in any case. */
export function readBoolean(value: RowValue): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : null;
}
