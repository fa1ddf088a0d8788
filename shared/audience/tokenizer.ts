/**
 * Splits a filter expression into tokens, each with its position so that errors can point at
 * the exact column: words, `backticked fields`, "strings", numbers, dates and symbols.
 */

/** What kind of token: `word` covers both field names and keywords (the parser decides). */
export type TokenKind = 'word' | 'field' | 'string' | 'number' | 'date' | 'symbol' | 'end';

/** One token: its kind, its value, and where it sits in the source (0-based, end exclusive). */
export interface Token {
  kind: TokenKind;
  value: string | number;
  start: number;
  end: number;
}

/** A readable-expression error: where (0-based `position`), what was expected, what was found. */
export class FilterSyntaxError extends Error {
  readonly code = 'FILTER_SYNTAX';
  readonly position: number;
  readonly expected: string;
  readonly found: string;

  constructor(position: number, expected: string, found: string) {
    super(`Expected ${expected} at column ${position + 1}, found ${found}`);
    this.name = 'FilterSyntaxError';
    this.position = position;
    this.expected = expected;
    this.found = found;
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{M}\p{N}_.-]/u;
const DATE = /\d{4}-\d{2}-\d{2}/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SYMBOLS = ['!=', '<=', '>=', '=', '<', '>', '(', ')', ','];

/** How a token reads in an error message. */
export function describeToken(token: Token, source: string): string {
  if (token.kind === 'end') return 'the end of the expression';
  return `'${source.slice(token.start, token.end)}'`;
}

function readQuoted(source: string, start: number, quote: string, what: string): Token {
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    // A backslash takes the next character literally: \" inside a string, \` inside a field.
    if (source[i] === '\\' && i + 1 < source.length) i++;
    value += source[i];
    i++;
  }
  if (i >= source.length) {
    throw new FilterSyntaxError(source.length, `${quote} to close the ${what} opened at column ${start + 1}`, 'the end of the expression');
  }
  return { kind: what === 'text' ? 'string' : 'field', value, start, end: i + 1 };
}

function readLiteral(source: string, start: number): Token | null {
  DATE.lastIndex = start;
  NUMBER.lastIndex = start;
  const date = DATE.exec(source);
  const number = date ? null : NUMBER.exec(source);
  const text = date?.[0] ?? number?.[0];
  if (text === undefined) return null;
  const end = start + text.length;
  // `2026-7-1` reads as the number 2026 followed by junk; say what was probably meant.
  if (!date && source[end] === '-' && /\d/.test(source[end + 1] ?? '')) {
    let stop = end;
    while (stop < source.length && /[\d-]/.test(source[stop])) stop++;
    throw new FilterSyntaxError(start, 'a date written yyyy-mm-dd', `'${source.slice(start, stop)}'`);
  }
  if (end < source.length && WORD_PART.test(source[end])) {
    throw new FilterSyntaxError(end, 'a space, a symbol or the end after the value', `'${source[end]}'`);
  }
  return date ? { kind: 'date', value: text, start, end } : { kind: 'number', value: Number(text), start, end };
}

function readToken(source: string, start: number): Token {
  const char = source[start];
  if (char === '"') return readQuoted(source, start, '"', 'text');
  if (char === '`') return readQuoted(source, start, '`', 'field name');
  const literal = readLiteral(source, start);
  if (literal) return literal;
  if (WORD_START.test(char)) {
    let end = start + 1;
    while (end < source.length && WORD_PART.test(source[end])) end++;
    return { kind: 'word', value: source.slice(start, end), start, end };
  }
  const symbol = SYMBOLS.find((s) => source.startsWith(s, start));
  if (symbol) return { kind: 'symbol', value: symbol, start, end: start + symbol.length };
  throw new FilterSyntaxError(start, 'a field, a value, a keyword or one of = != < <= > >= ( ) ,', `'${char}'`);
}

/** Tokenises a whole expression; the last token is always `end`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (/\s/.test(source[i])) {
      i++;
      continue;
    }
    const token = readToken(source, i);
    tokens.push(token);
    i = token.end;
  }
  tokens.push({ kind: 'end', value: '', start: source.length, end: source.length });
  return tokens;
}
