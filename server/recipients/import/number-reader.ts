/**
 * Reads numbers written the ways our users' files write them: 1.234,56 (Turkish, Polish,
 * Slovak Excel), 1 234,56 with a space, NBSP or narrow NBSP (Russian, Polish, Slovak), 1,234.56
 * (English), 1234,56 and 1234.56, a minus sign or U+2212, and Excel's 1,23E+11.
 *
 * One separator followed by exactly three digits ("1.234", "1,234") can be a thousands
 * separator or a decimal mark. The column decides: values that settle it (two separators,
 * repeated groups, other fraction lengths) vote for a decimal mark; with no votes at all such a
 * separator groups thousands, since an Excel export shows "12.500" for a formatted 12500 far
 * more often than a value with exactly three decimals.
 *
 * Digit strings with a leading zero (personnel number 00123, postcode 06100, 0532...) are IDs,
 * not quantities: they never make a column numeric.
 */

/** A column's decimal mark; undefined when nothing in the column settles it. */
export type DecimalMark = ',' | '.' | undefined;

/** The parts of a number-looking string. */
export interface NumberShape {
  negative: boolean;
  integer: string;
  group?: string;
  decimal?: string;
  fraction: string;
  exponent: number;
  /** A single group of three digits after "." or ",": thousands or decimals, the column decides. */
  ambiguous: boolean;
  /** "00123": an identifier, not a quantity. */
  leadingZero: boolean;
}

const NUMBER = /^([-−]?)(\d{1,3}(?:([ \u00a0\u202f.,'])\d{3})(?:\3\d{3})*|\d+)(?:([.,])(\d+))?(?:[eE]([-+]?\d{1,3}))?$/;

/** The most significant digits a double carries exactly; longer digit strings are IDs (IBAN, card). */
const MAX_DIGITS = 15;

/** Recognises a number-looking string without deciding an ambiguous separator. */
export function readNumberShape(text: string): NumberShape | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign, integerPart, group, decimal, decimals = '', exponent] = match;
  if (group && decimal === group) return undefined;
  if (group && exponent) return undefined;
  const integer = group ? integerPart.split(group).join('') : integerPart;
  if (integer.replace(/^0+/, '').length + decimals.length > MAX_DIGITS) return undefined;
  const singleGroup = Boolean(group) && integerPart.length <= 7 && !decimal && (group === '.' || group === ',');
  if (singleGroup && integerPart.startsWith('0')) {
    // "0,123" / "0.123": a leading zero cannot start a thousands group, so this is a decimal.
    const fraction = integerPart.slice(integerPart.indexOf(group) + 1);
    return { negative: sign !== '', integer: '0', decimal: group, fraction, exponent: 0, ambiguous: false, leadingZero: false };
  }
  return {
    negative: sign !== '',
    integer,
    group,
    decimal,
    fraction: decimals,
    exponent: exponent ? Number(exponent) : 0,
    ambiguous: singleGroup,
    leadingZero: !group && integer.length > 1 && integer.startsWith('0'),
  };
}

/** The decimal mark a value proves, if it proves one. */
export function readDecimalEvidence(shape: NumberShape): ',' | '.' | undefined {
  if (shape.decimal) return shape.decimal as ',' | '.';
  if (!shape.ambiguous && (shape.group === '.' || shape.group === ',')) return shape.group === '.' ? ',' : '.';
  return undefined;
}

/** Decides a column's decimal mark from the votes of its values. */
export function chooseDecimalMark(commaVotes: number, dotVotes: number): DecimalMark {
  if (commaVotes === 0 && dotVotes === 0) return undefined;
  return commaVotes >= dotVotes ? ',' : '.';
}

/** The value of a shape, resolving an ambiguous separator with the column's decimal mark. */
export function valueOfShape(shape: NumberShape, mark: DecimalMark): number {
  let { integer, fraction } = shape;
  if (shape.ambiguous && shape.group === mark) {
    fraction = integer.slice(-3);
    integer = integer.slice(0, -3);
  }
  const value = Number(`${integer || '0'}.${fraction || '0'}e${shape.exponent}`);
  return shape.negative ? -value : value;
}

/** Parses a number string with the column's decimal mark; undefined when it is not a number. */
export function parseNumberText(text: string, mark: DecimalMark): number | undefined {
  const shape = readNumberShape(text);
  return shape ? valueOfShape(shape, mark) : undefined;
}
