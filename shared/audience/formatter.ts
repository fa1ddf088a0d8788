/**
 * Writes a filter back as a readable expression, such that parsing the text gives the same
 * tree (empty groups dropped and one-child groups unwrapped, which change no result).
 */
import { isIsoDate } from './calendar';
import { RESERVED_WORDS } from './expression';
import type { Condition, FilterNode } from './schema';

const BARE_FIELD = /^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u;
const COMPARISON_SYMBOLS: Partial<Record<Condition['type'], string>> = {
  equals: '=', notEquals: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=',
};

/** Writes a field name bare when it reads unambiguously, else in backticks. */
export function formatField(field: string): string {
  if (BARE_FIELD.test(field) && !RESERVED_WORDS.includes(field.toLowerCase())) return field;
  return `\`${field.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
}

/** Writes a value literal: dates and numbers bare, text quoted, booleans as true/false. */
export function formatValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (isIsoDate(value)) return value;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function formatCondition(node: Condition): string {
  if (node.type === 'changedOn') {
    return `changed on ${node.date}${node.reason === undefined ? '' : ` reason ${formatValue(node.reason)}`}`;
  }
  const field = formatField(node.field);
  switch (node.type) {
    case 'equals':
    case 'notEquals':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return `${field} ${COMPARISON_SYMBOLS[node.type]} ${formatValue(node.value)}`;
    case 'contains':
      return `${field} contains ${formatValue(node.value)}`;
    case 'startsWith':
      return `${field} startswith ${formatValue(node.value)}`;
    case 'in':
      return `${field} in (${node.values.map(formatValue).join(', ')})`;
    case 'empty':
      return `${field} empty`;
    case 'notEmpty':
      return `${field} not empty`;
    case 'between':
      return `${field} between ${formatValue(node.from)} and ${formatValue(node.to)}`;
    case 'birthdayToday':
      return `birthday today(${field})`;
    case 'workAnniversaryToday':
      return `anniversary today(${field})${node.minYears === undefined ? '' : ` min ${node.minYears} years`}`;
    case 'dateWithin':
      return `${field} within ${node.direction} ${node.days} days`;
    case 'dateEquals':
      return `${field} on ${node.date}`;
    case 'ageOver':
      return `age(${field}) > ${node.years}`;
    case 'ageUnder':
      return `age(${field}) < ${node.years}`;
  }
}

/** Drops empty groups and unwraps one-child groups; `null` when nothing is left. */
export function simplifyFilter(node: FilterNode): FilterNode | null {
  if (node.type === 'not') {
    const child = simplifyFilter(node.child);
    return child ? { type: 'not', child } : null;
  }
  if (node.type !== 'group') return node;
  const children = node.children.map(simplifyFilter).filter((c): c is FilterNode => c !== null);
  if (children.length === 0) return null;
  return children.length === 1 ? children[0] : { type: 'group', op: node.op, children };
}

function formatNode(node: FilterNode, nested: boolean): string {
  if (node.type === 'group') {
    const text = node.children.map((child) => formatNode(child, true)).join(` ${node.op} `);
    // Every nested group is parenthesised, even where precedence would not need it, so that
    // parsing rebuilds the same nesting rather than flattening `a and (b and c)`.
    return nested ? `(${text})` : text;
  }
  if (node.type === 'not') return `not ${formatNode(node.child, true)}`;
  return formatCondition(node);
}

/** Writes a filter as a readable expression; the empty filter is the empty string. */
export function formatFilterExpression(node: FilterNode | undefined): string {
  const simple = node ? simplifyFilter(node) : null;
  return simple ? formatNode(simple, false) : '';
}
