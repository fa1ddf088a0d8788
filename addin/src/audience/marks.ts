import type { AudienceVerdict } from '../../../shared/audience/selection';

/**
 * Rows marked by hand, by row key: left out whatever the filter says, or brought in although the
 * filter leaves them out. A key is in at most one of the two.
 */
export interface RowMarks {
  include: string[];
  exclude: string[];
}

/** No marks. */
export const NO_MARKS: RowMarks = { include: [], exclude: [] };

/**
 * The key a mark names a row by: its position in the stored list as `GET /lists/:id/rows` counts
 * it, which is what the server uses when the audience names no `rowKey` column.
 */
export function rowKeyOf(index: number): string {
  return String(index);
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
      return { include, exclude: [...exclude, key] };
    case 'markedIn':
      return { include, exclude };
    case 'markedOut':
      return matches ? { include, exclude } : { include: [...include, key], exclude };
    case 'notMatched':
      return { include: [...include, key], exclude };
  }
}

/**
 * A row's verdict from the marks alone, for when the filter is not known to say otherwise (no
 * filter, or its evaluation is not ready yet).
 */
export function verdictOfMarks(marks: RowMarks, key: string): AudienceVerdict {
  return marks.exclude.includes(key) ? 'markedOut' : 'matched';
}

/** Whether any row is marked. */
export function hasMarks(marks: RowMarks): boolean {
  return marks.include.length > 0 || marks.exclude.length > 0;
}
