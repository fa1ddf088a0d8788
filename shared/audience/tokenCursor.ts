/**
 * A cursor over tokens with the literal readers the filter grammar shares: each read either
 * returns a checked value or throws a FilterSyntaxError pointing at the offending token.
 */
import { isIsoDate } from './calendar';
import { FilterSyntaxError, describeToken, tokenize } from './tokenizer';
import type { Token } from './tokenizer';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Token navigation and literal reading for the expression parser. */
export class TokenCursor {
  protected readonly tokens: Token[];
  protected index = 0;

  constructor(protected readonly source: string) {
    this.tokens = tokenize(source);
  }

  /** The token `offset` ahead of the cursor (the end token past the last). */
  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  /** Throws a syntax error at a token (the current one by default). */
  protected fail(expected: string, token = this.peek()): never {
    throw new FilterSyntaxError(token.start, expected, describeToken(token, this.source));
  }

  /** Whether a token is a given keyword; keywords are case-insensitive. */
  protected isWord(token: Token, word: string): boolean {
    return token.kind === 'word' && String(token.value).toLowerCase() === word;
  }

  /** Whether a token is a given symbol. */
  protected isSymbol(token: Token, symbol: string): boolean {
    return token.kind === 'symbol' && token.value === symbol;
  }

  /** Consumes a keyword if it is next. */
  protected acceptWord(word: string): boolean {
    if (!this.isWord(this.peek(), word)) return false;
    this.index++;
    return true;
  }

  /** Consumes one of several keywords, returning which, or fails listing them. */
  protected expectWord(...words: string[]): string {
    const found = words.find((w) => this.isWord(this.peek(), w));
    if (!found) this.fail(words.map((w) => `'${w}'`).join(' or '));
    this.index++;
    return found;
  }

  /** Consumes a symbol or fails. */
  protected expectSymbol(symbol: string): void {
    if (!this.isSymbol(this.peek(), symbol)) this.fail(`'${symbol}'`);
    this.index++;
  }

  /** Reads an equality operand: "text", a number, a date, true or false. */
  protected readValue(): string | number | boolean {
    if (this.acceptWord('true')) return true;
    if (this.acceptWord('false')) return false;
    const { kind } = this.peek();
    if (kind === 'number' || kind === 'date' || kind === 'string') return this.readOrdered(true);
    return this.fail('a value ("text", a number, a date or true/false)');
  }

  /** Reads an ordering operand: a number, a date or (non-empty unless allowed) "text". */
  protected readOrdered(allowEmpty = false): string | number {
    const token = this.peek();
    if (token.kind === 'number') {
      this.index++;
      return token.value as number;
    }
    if (token.kind === 'date') return this.readDate();
    if (token.kind === 'string') return this.readText(allowEmpty);
    return this.fail('a number, a date or "text"');
  }

  /** Reads "text"; text shaped like a date must be a real date, as the schema demands. */
  protected readText(allowEmpty = false): string {
    const token = this.peek();
    if (token.kind !== 'string') this.fail('"text" in double quotes');
    const text = String(token.value);
    if (text === '' && !allowEmpty) this.fail('non-empty "text"');
    if (DATE_SHAPE.test(text) && !isIsoDate(text)) this.fail('a real date (yyyy-mm-dd)');
    this.index++;
    return text;
  }

  /** Reads a bare yyyy-mm-dd date that exists in the calendar. */
  protected readDate(): string {
    const token = this.peek();
    if (token.kind !== 'date') this.fail('a date (yyyy-mm-dd)');
    if (!isIsoDate(token.value)) this.fail('a real date (yyyy-mm-dd)');
    this.index++;
    return String(token.value);
  }

  /** Reads a whole number within bounds (the schema's bounds for that operand). */
  protected readWholeNumber(min: number, max: number): number {
    const token = this.peek();
    const value = token.value as number;
    if (token.kind !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(`a whole number from ${min} to ${max}`);
    }
    this.index++;
    return value;
  }
}
