import { useMemo } from 'react';
import type { RecipientRow } from '../../../shared/api';
import type { FilterNode } from '../../../shared/audience/schema';
import { compileAudienceVerdict, type AudienceVerdict } from '../../../shared/audience/selection';
import { markKeyOf, verdictOfMarks, type RowMarks } from './marks';

/** The run date, zone and locale the server evaluated the filter in (from the preview). */
export interface EvaluationContext {
  runDate: string;
  timeZone: string;
  locale: string;
}

/** Why a shown row is in or out, and what the filter alone says of it. */
export interface RowVerdict {
  verdict: AudienceVerdict;
  matches: boolean;
}

/**
 * Why each shown row is in or out: the shared audience evaluator, the one the server plans with,
 * applied to the page's rows in the server's evaluation context, marks on top (by their key column,
 * or by position: `offset` is the page's first row). Until a preview has given the context, rows
 * with a filter count as matching it.
 */
export function useRowVerdicts(
  rows: readonly RecipientRow[], offset: number, filter: FilterNode | undefined, marks: RowMarks, context: EvaluationContext | undefined,
): RowVerdict[] {
  return useMemo(() => {
    const keyAt = (i: number) => markKeyOf(rows[i], offset + i, marks.by);
    const byMarks = () => rows.map((_, i) => ({ verdict: verdictOfMarks(marks, keyAt(i)), matches: true }));
    if (!filter || !context) return byMarks();
    const keys = new Map(rows.map((row, i) => [row, keyAt(i)]));
    try {
      const keyOf = (row: RecipientRow) => keys.get(row) ?? null;
      const verdict = compileAudienceVerdict({ filter, include: marks.include, exclude: marks.exclude }, context, keyOf);
      const alone = compileAudienceVerdict({ filter }, context, keyOf);
      return rows.map((row) => ({ verdict: verdict(row), matches: alone(row) === 'matched' }));
    } catch {
      // A rule that needs more than the pane has (a change log) is left to the server's count.
      return byMarks();
    }
  }, [rows, offset, filter, marks, context]);
}
