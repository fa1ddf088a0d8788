/**
 * Structured descriptions of filters for the UI to render as localised text: every operand is
 * tagged with its kind (so dates and numbers get the user's formats) and no sentence is built here.
 */
import { isIsoDate } from './calendar';
import type { Condition, ConditionType, FilterNode } from './schema';

/** One operand, tagged so the UI knows how to format it; `keyword` values are translated. */
export type OperandDescription =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'keyword'; value: string }
  | { kind: 'list'; items: OperandDescription[] };

/** A filter node described for display: groups, negations and conditions with named operands. */
export type FilterDescription =
  | { kind: 'group'; op: 'and' | 'or'; children: FilterDescription[] }
  | { kind: 'not'; child: FilterDescription }
  | {
      kind: 'condition';
      operator: ConditionType;
      /** The field tested; null for rules that test no field (changedOn). */
      field: string | null;
      operands: Record<string, OperandDescription>;
    };

/** Tags a value literal with its kind. */
export function describeOperand(value: string | number | boolean): OperandDescription {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return isIsoDate(value) ? { kind: 'date', value } : { kind: 'text', value };
}

function describeOperands(node: Condition): Record<string, OperandDescription> {
  switch (node.type) {
    case 'equals':
    case 'notEquals':
    case 'contains':
    case 'startsWith':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { value: describeOperand(node.value) };
    case 'in':
      return { values: { kind: 'list', items: node.values.map(describeOperand) } };
    case 'between':
      return { from: describeOperand(node.from), to: describeOperand(node.to) };
    case 'empty':
    case 'notEmpty':
    case 'birthdayToday':
      return {};
    case 'workAnniversaryToday':
      return node.minYears === undefined ? {} : { minYears: { kind: 'number', value: node.minYears } };
    case 'dateWithin':
      return { direction: { kind: 'keyword', value: node.direction }, days: { kind: 'number', value: node.days } };
    case 'dateEquals':
      return { date: { kind: 'date', value: node.date } };
    case 'changedOn':
      return node.reason === undefined
        ? { date: { kind: 'date', value: node.date } }
        : { date: { kind: 'date', value: node.date }, reason: { kind: 'text', value: node.reason } };
    case 'ageOver':
    case 'ageUnder':
      return { years: { kind: 'number', value: node.years } };
  }
}

/** Describes a filter tree node by node, keeping its shape (empty groups included). */
export function describeFilter(node: FilterNode): FilterDescription {
  if (node.type === 'group') return { kind: 'group', op: node.op, children: node.children.map(describeFilter) };
  if (node.type === 'not') return { kind: 'not', child: describeFilter(node.child) };
  return {
    kind: 'condition',
    operator: node.type,
    field: node.type === 'changedOn' ? null : node.field,
    operands: describeOperands(node),
  };
}

/** The distinct field names a filter reads, in order of first use (to warn about unknown fields). */
export function listFilterFields(node: FilterNode | undefined): string[] {
  const fields = new Set<string>();
  const visit = (current: FilterNode): void => {
    if (current.type === 'group') current.children.forEach(visit);
    else if (current.type === 'not') visit(current.child);
    else if (current.type !== 'changedOn') fields.add(current.field);
  };
  if (node) visit(node);
  return [...fields];
}

/** Counts the conditions in a filter (empty groups count none), e.g. for a "3 conditions" badge. */
export function countConditions(node: FilterNode | undefined): number {
  if (!node) return 0;
  if (node.type === 'group') return node.children.reduce((sum, child) => sum + countConditions(child), 0);
  if (node.type === 'not') return countConditions(node.child);
  return 1;
}
