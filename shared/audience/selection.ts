/**
 * The whole audience: the filter, then the user's manual marks on top. An include mark brings a
 * row in whatever the filter says; an exclude mark keeps it out whatever else is true.
 */
import { prepareContext } from './context';
import type { FilterContext } from './context';
import { compilePrepared } from './evaluator';
import type { RowPredicate } from './fieldMatcher';
import { createFieldReader, readText } from './rowReader';
import type { Audience, RecipientRow } from './schema';

/** Why a row is in or out of the audience; the planner records it as a skip reason. */
export type AudienceVerdict = 'matched' | 'notMatched' | 'markedIn' | 'markedOut';

/** How to find a row's key for manual marks: a field name, or a function. */
export type RowKeyReader = string | ((row: RecipientRow) => string | null);

/** Whether a verdict puts the row in the audience. */
export function isSelected(verdict: AudienceVerdict): boolean {
  return verdict === 'matched' || verdict === 'markedIn';
}

function createKeyReader(keyOf: RowKeyReader): (row: RecipientRow) => string | null {
  if (typeof keyOf === 'function') return keyOf;
  const read = createFieldReader(keyOf);
  return (row) => readText(read(row));
}

/**
 * Compiles an audience into a per-row verdict. Keys are compared exactly as the source gave
 * them, since marks are made on keys the same source produced.
 */
export function compileAudienceVerdict(
  audience: Audience,
  ctx: FilterContext,
  keyOf: RowKeyReader,
): (row: RecipientRow) => AudienceVerdict {
  const matches = compilePrepared(audience.filter, prepareContext(ctx));
  const included = new Set(audience.include ?? []);
  const excluded = new Set(audience.exclude ?? []);
  if (included.size === 0 && excluded.size === 0) return (row) => (matches(row) ? 'matched' : 'notMatched');
  const readKey = createKeyReader(keyOf);
  return (row) => {
    const key = readKey(row);
    if (key !== null && excluded.has(key)) return 'markedOut';
    if (matches(row)) return 'matched';
    return key !== null && included.has(key) ? 'markedIn' : 'notMatched';
  };
}

/** Compiles an audience into a row predicate (filter plus manual marks). */
export function compileAudience(audience: Audience, ctx: FilterContext, keyOf: RowKeyReader): RowPredicate {
  const verdict = compileAudienceVerdict(audience, ctx, keyOf);
  return (row) => isSelected(verdict(row));
}

/** Counts of each verdict over a set of rows, for the review screen. */
export type AudienceCounts = Record<AudienceVerdict, number> & { selected: number };

/** Tallies verdicts over rows: how many the filter matched, marks brought in or kept out. */
export function countAudience(
  rows: readonly RecipientRow[],
  audience: Audience,
  ctx: FilterContext,
  keyOf: RowKeyReader,
): AudienceCounts {
  const verdict = compileAudienceVerdict(audience, ctx, keyOf);
  const counts: AudienceCounts = { matched: 0, notMatched: 0, markedIn: 0, markedOut: 0, selected: 0 };
  for (let i = 0; i < rows.length; i++) counts[verdict(rows[i])]++;
  counts.selected = counts.matched + counts.markedIn;
  return counts;
}

/** The rows in the audience, in their original order. */
export function selectAudience<T extends RecipientRow>(
  rows: readonly T[],
  audience: Audience,
  ctx: FilterContext,
  keyOf: RowKeyReader,
): T[] {
  const selected = compileAudience(audience, ctx, keyOf);
  return rows.filter((row) => selected(row));
}
