import type { FilterNode } from '../../../shared/audience/schema';

/** The operators the builder offers: value conditions, and date rules relative to the run date. */
export const OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'gt',
  'lt',
  'empty',
  'notEmpty',
  'birthdayToday',
  'workAnniversaryToday',
] as const;

/** One operator of the builder. */
export type Operator = (typeof OPERATORS)[number];

/** Operators that take no value. */
export const NO_VALUE: ReadonlySet<Operator> = new Set(['empty', 'notEmpty', 'birthdayToday', 'workAnniversaryToday']);

/** One row of the builder as typed. */
export interface ConditionInput {
  id: number;
  field: string;
  operator: Operator;
  value: string;
}

/** The builder's state: conditions joined by AND or OR. */
export interface FilterInput {
  op: 'and' | 'or';
  conditions: ConditionInput[];
}

/** An empty builder. */
export const EMPTY_FILTER: FilterInput = { op: 'and', conditions: [] };

/** A typed value as the filter wants it: numbers for numeric text in comparisons, else the text. */
function operand(operator: Operator, value: string): string | number {
  const trimmed = value.trim();
  if ((operator === 'gt' || operator === 'lt') && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** One condition as a filter node, or null while it is incomplete (no field, or no value where one is needed). */
export function conditionNode(c: ConditionInput): FilterNode | null {
  if (!c.field) return null;
  if (NO_VALUE.has(c.operator)) return { type: c.operator, field: c.field } as FilterNode;
  if (!c.value.trim()) return null;
  return { type: c.operator, field: c.field, value: operand(c.operator, c.value) } as FilterNode;
}

/** The filter to send: the complete conditions joined by the chosen operator; undefined when none is complete. */
export function filterOf(input: FilterInput): FilterNode | undefined {
  const nodes = input.conditions.map(conditionNode).filter((n): n is FilterNode => n !== null);
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { type: 'group', op: input.op, children: nodes };
}
