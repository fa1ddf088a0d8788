import type { RecipientRow } from '../../../shared/api';
import { readText } from '../../../shared/audience/rowReader';
import type { AudienceVerdict } from '../../../shared/audience/selection';

/**
 * Rows marked by hand, by row key: left out whatever the filter says, or brought in although the
 * filter leaves them out. A key is in at most one of the two.
 */
export interface RowMarks {
  include: string[];
  exclude: string[];
  /**
   * The column whose values the keys are (the list's key column when the marks were made), so a
   * mark follows its person when the list is replaced or refreshed; absent: keys are positions.
   */
  by?: string;
}

/** No marks. */
export const NO_MARKS: RowMarks = { include: [], exclude: [] };

/**
 * The key a mark names a row by: its value in the `by` column, as the server reads a `rowKey`
 * column (trimmed text; null when empty, so no mark can name it); without a column its position in
 * the stored list as `GET /lists/:id/rows` counts it, which the server uses when there is no `rowKey`.
 */
export function markKeyOf(row: RecipientRow, index: number, by: string | undefined): string | null {
  if (!by) return String(index);
  const key = readText(row[by] ?? null);
  return key === '' ? null : key;
}

/**
 * The marks to show and add to on a list: those made, or while there are none, fresh ones keyed
 * by the list's key column (`keyColumn`; positions when it has none).
 */
export function markingOn(marks: RowMarks, keyColumn: string | null | undefined): RowMarks {
  if (hasMarks(marks)) return marks;
  return keyColumn ? { include: [], exclude: [], by: keyColumn } : NO_MARKS;
}

/**
 * The marks that still hold after the list's rows were read again: those keyed by a column the
 * list still keys by; marks by position could now name anyone, so they go.
 */
export function marksAfterNewRows(marks: RowMarks, keyColumn: string | null | undefined): RowMarks {
  return marks.by && marks.by === keyColumn ? marks : NO_MARKS;
}

const without = (keys: string[], key: string) => keys.filter((k) => k !== key);

/**
 * Flips whether a row gets the message: a row in the audience is left out; a row out of it comes
 * back — by removing the mark that kept it out, plus an "include anyway" mark when the filter
 * (`matches`: what the filter alone says of the row) leaves it out too.
 */
export function toggleMark(marks: RowMarks, key: string, verdict: AudienceVerdict, matches: boolean): RowMarks {
  const include = without(marks.include, key);
  const exclude = without(marks.exclude, key);
  switch (verdict) {
    case 'matched':
      return { ...marks, include, exclude: [...exclude, key] };
    case 'markedIn':
      return { ...marks, include, exclude };
    case 'markedOut':
      return matches ? { ...marks, include, exclude } : { ...marks, include: [...include, key], exclude };
    case 'notMatched':
      return { ...marks, include: [...include, key], exclude };
  }
}

/**
 * A row's verdict from the marks alone, for when the filter is not known to say otherwise (no
 * filter, or its evaluation is not ready yet).
 */
export function verdictOfMarks(marks: RowMarks, key: string | null): AudienceVerdict {
  return key !== null && marks.exclude.includes(key) ? 'markedOut' : 'matched';
}

/** Whether any row is marked. */
export function hasMarks(marks: RowMarks): boolean {
  return marks.include.length > 0 || marks.exclude.length > 0;
}
