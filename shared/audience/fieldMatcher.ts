/**
 * Compiles value conditions (equals, contains, in, comparisons, empty) into row predicates.
 * Operands are folded and typed once here, so each row costs one field read and one test.
 */
import { isIsoDate, packDate } from './calendar';
import type { PreparedContext } from './context';
import { createFieldReader, isBlank, readBoolean, readNumber, readText } from './rowReader';
import type { FieldCondition, RecipientRow, RowValue } from './schema';
import { FilterValidationError } from './validation';

/** A compiled filter: whether one row passes. */
export type RowPredicate = (row: RecipientRow) => boolean;

type ValueTest = (value: RowValue) => boolean;
type Scalar = string | number | boolean;

/**
 * Equality against any of several operands. Each operand type compares in its own way: numbers
 * numerically (the text "35.0" equals 35), text by the locale's case fold, booleans also
 * against the texts "true"/"false" that CSV imports produce.
 */
function compileMembership(values: Scalar[], fold: (text: string) => string): ValueTest {
  const texts = new Set<string>();
  const numbers = new Set<number>();
  const booleans = new Set<boolean>();
  for (const v of values) {
    if (typeof v === 'number') numbers.add(v);
    else if (typeof v === 'boolean') booleans.add(v);
    else texts.add(fold(v.trim()));
  }
  return (value) => {
    if (value === null || value === undefined) return false;
    if (texts.size > 0 && texts.has(typeof value === 'string' ? fold(value.trim()) : String(value))) return true;
    if (numbers.size > 0 && typeof value !== 'boolean' && numbers.has(readNumber(value))) return true;
    if (booleans.size > 0) {
      const flag = readBoolean(value);
      return flag !== null && booleans.has(flag);
    }
    return false;
  };
}

/**
 * The sign of (row value − operand), NaN when they cannot be compared: numerically for a
 * number operand, chronologically for a date operand, by the locale's collation for text.
 */
function compileSign(operand: number | string, prepared: PreparedContext): (value: RowValue) => number {
  if (typeof operand === 'number') return (value) => readNumber(value) - operand;
  if (isIsoDate(operand)) {
    const target = packDate(operand);
    return (value) => {
      const packed = packDate(value);
      return packed > 10000 ? packed - target : NaN;
    };
  }
  const { compare } = prepared;
  const text = operand.trim();
  return (value) => {
    const own = readText(value);
    return own === null || own === '' ? NaN : compare(own, text);
  };
}

function compileTextTest(condition: FieldCondition & { value: string }, fold: (t: string) => string): ValueTest {
  const needle = fold(condition.value);
  const startsOnly = condition.type === 'startsWith';
  return (value) => {
    const text = readText(value);
    if (text === null) return false;
    const folded = fold(text);
    return startsOnly ? folded.startsWith(needle) : folded.includes(needle);
  };
}

function compileValueTest(condition: FieldCondition, prepared: PreparedContext): ValueTest {
  switch (condition.type) {
    case 'equals':
    case 'notEquals':
      return compileMembership([condition.value], prepared.fold);
    case 'in':
      return compileMembership(condition.values, prepared.fold);
    case 'contains':
    case 'startsWith':
      return compileTextTest(condition, prepared.fold);
    case 'empty':
    case 'notEmpty':
      return isBlank;
    case 'lt': {
      const sign = compileSign(condition.value, prepared);
      return (value) => sign(value) < 0;
    }
    case 'lte': {
      const sign = compileSign(condition.value, prepared);
      return (value) => sign(value) <= 0;
    }
    case 'gt': {
      const sign = compileSign(condition.value, prepared);
      return (value) => sign(value) > 0;
    }
    case 'gte': {
      const sign = compileSign(condition.value, prepared);
      return (value) => sign(value) >= 0;
    }
    case 'between': {
      const fromSign = compileSign(condition.from, prepared);
      const toSign = compileSign(condition.to, prepared);
      return (value) => fromSign(value) >= 0 && toSign(value) <= 0;
    }
  }
}

/**
 * Compiles a value condition. `notEquals` and `notEmpty` are exact negations of `equals` and
 * `empty`, so a row without a department is "not Sales".
 */
export function compileFieldCondition(condition: FieldCondition, prepared: PreparedContext): RowPredicate {
  const read = createFieldReader(condition.field);
  const test = compileValueTest(condition, prepared) as ValueTest | undefined;
  // Reached only by input that skipped the schema; fail at compile time, not on row 1 of 100,000.
  if (!test) {
    throw new FilterValidationError([{ path: 'type', message: `unknown condition type ${JSON.stringify(condition.type)}` }]);
  }
  if (condition.type === 'notEquals' || condition.type === 'notEmpty') return (row) => !test(read(row));
  return (row) => test(read(row));
}
