/**
 * Compiles a filter tree into one closure per node, so that evaluating 100,000 rows walks no
 * tree, parses no operand and recomputes nothing about the run date per row.
 */
import { prepareContext } from './context';
import type { FilterContext, PreparedContext } from './context';
import { compileDateRule } from './dateMatcher';
import { compileFieldCondition } from './fieldMatcher';
import type { RowPredicate } from './fieldMatcher';
import type { FilterNode, RecipientRow } from './schema';

const matchAll: RowPredicate = () => true;

function combineAll(parts: RowPredicate[]): RowPredicate {
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [a, b] = parts;
    return (row) => a(row) && b(row);
  }
  return (row) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i](row)) return false;
    return true;
  };
}

function combineAny(parts: RowPredicate[]): RowPredicate {
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [a, b] = parts;
    return (row) => a(row) || b(row);
  }
  return (row) => {
    for (let i = 0; i < parts.length; i++) if (parts[i](row)) return true;
    return false;
  };
}

/**
 * Compiles one node; `null` means neutral (an empty group, or a negation of one), which the
 * parent drops: a half-built group in the editor must not turn the live count to zero or all.
 */
function compileNode(node: FilterNode, prepared: PreparedContext): RowPredicate | null {
  switch (node.type) {
    case 'group': {
      const parts: RowPredicate[] = [];
      for (const child of node.children) {
        const part = compileNode(child, prepared);
        if (part) parts.push(part);
      }
      if (parts.length === 0) return null;
      return node.op === 'and' ? combineAll(parts) : combineAny(parts);
    }
    case 'not': {
      const inner = compileNode(node.child, prepared);
      return inner ? (row) => !inner(row) : null;
    }
    case 'birthdayToday':
    case 'workAnniversaryToday':
    case 'dateWithin':
    case 'dateEquals':
    case 'changedOn':
    case 'ageOver':
    case 'ageUnder':
      return compileDateRule(node, prepared);
    default:
      return compileFieldCondition(node, prepared);
  }
}

/**
 * Compiles a filter against a context into a fast row predicate. No filter (or only empty
 * groups) matches every row. Throws FilterContextError when the context cannot serve the filter.
 */
export function compileFilter(node: FilterNode | undefined, ctx: FilterContext): RowPredicate {
  const prepared = prepareContext(ctx);
  return (node && compileNode(node, prepared)) ?? matchAll;
}

/** Compiles against an already prepared context (shared by audience and derived values). */
export function compilePrepared(node: FilterNode | undefined, prepared: PreparedContext): RowPredicate {
  return (node && compileNode(node, prepared)) ?? matchAll;
}

/** Evaluates a filter once over many rows and returns the matching ones, in order. */
export function filterRows<T extends RecipientRow>(rows: readonly T[], node: FilterNode | undefined, ctx: FilterContext): T[] {
  const matches = compileFilter(node, ctx);
  return rows.filter((row) => matches(row));
}

/** Counts the rows a filter matches (the add-in's live count). */
export function countMatches(rows: readonly RecipientRow[], node: FilterNode | undefined, ctx: FilterContext): number {
  const matches = compileFilter(node, ctx);
  let count = 0;
  for (let i = 0; i < rows.length; i++) if (matches(rows[i])) count++;
  return count;
}
