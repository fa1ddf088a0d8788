/**
 * Parses the readable filter language used by the CLI (grammar in README.md), e.g.
 * `department = "Sales" and (city in ("İstanbul", "Ankara") or age > 35) and not email empty`.
 */
import { operandKind, MAX_FILTER_DEPTH } from './schema';
import type { Condition, FilterNode } from './schema';
import { TokenCursor } from './tokenCursor';
import type { Token } from './tokenizer';

/** Words that can never be bare field names (backtick them: `not`). */
export const RESERVED_WORDS = ['and', 'or', 'not', 'changed'];

const COMPARISONS: Record<string, 'equals' | 'notEquals' | 'lt' | 'lte' | 'gt' | 'gte'> = {
  '=': 'equals', '!=': 'notEquals', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte',
};
const OPERATORS = 'an operator (= != < <= > >= contains startswith in empty between within on)';
const NEGATABLE = 'in, contains, startswith, empty, between, within or on after not';

class ExpressionParser extends TokenCursor {
  private depth = 0;

  parse(): FilterNode {
    // An empty expression is the empty filter: everyone.
    if (this.peek().kind === 'end') return { type: 'group', op: 'and', children: [] };
    const node = this.parseChain('or');
    if (this.peek().kind !== 'end') this.fail("'and', 'or' or the end of the expression");
    return node;
  }

  // Parentheses and `not` nest; refusing deep nesting keeps hostile input off the stack limit.
  // Two levels are kept for the root group and the leaf, so any parsed tree passes the schema.
  private enter(token: Token): void {
    if (++this.depth > MAX_FILTER_DEPTH - 2) this.fail(`at most ${MAX_FILTER_DEPTH - 2} levels of nesting`, token);
  }

  /** `a or b or c` is one group of three; parenthesised sub-chains stay groups of their own. */
  private parseChain(op: 'and' | 'or'): FilterNode {
    const parseOperand = () => (op === 'or' ? this.parseChain('and') : this.parseUnary());
    const children = [parseOperand()];
    while (this.acceptWord(op)) children.push(parseOperand());
    return children.length === 1 ? children[0] : { type: 'group', op, children };
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    if (!this.acceptWord('not')) return this.parsePrimary();
    this.enter(token);
    const child = this.parseUnary();
    this.depth--;
    return { type: 'not', child };
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (this.isSymbol(token, '(')) {
      this.enter(token);
      this.index++;
      const node = this.parseChain('or');
      this.expectSymbol(')');
      this.depth--;
      return node;
    }
    const rule = this.parseRule();
    if (rule) return rule;
    if (token.kind === 'field' || (token.kind === 'word' && !RESERVED_WORDS.includes(String(token.value).toLowerCase()))) {
      if (token.value === '') this.fail('a field name inside the backticks');
      this.index++;
      return this.parseCondition(String(token.value));
    }
    return this.fail("a condition, 'not' or '('");
  }

  /** Rules start with a keyword pair, which is how `age(birthDate) > 35` differs from `age > 35`. */
  private parseRule(): Condition | null {
    const [word, after] = [this.peek(), this.peek(1)];
    if (this.isWord(word, 'birthday') && this.isWord(after, 'today')) {
      this.index += 2;
      return { type: 'birthdayToday', field: this.parseFieldArgument() };
    }
    if (this.isWord(word, 'anniversary') && this.isWord(after, 'today')) {
      this.index += 2;
      const field = this.parseFieldArgument();
      if (!this.acceptWord('min')) return { type: 'workAnniversaryToday', field };
      const minYears = this.readWholeNumber(1, 100);
      this.expectWord('years', 'year');
      return { type: 'workAnniversaryToday', field, minYears };
    }
    if (this.isWord(word, 'changed') && this.isWord(after, 'on')) {
      this.index += 2;
      const date = this.readDate();
      return this.acceptWord('reason') ? { type: 'changedOn', date, reason: this.readText() } : { type: 'changedOn', date };
    }
    if (this.isWord(word, 'age') && this.isSymbol(after, '(')) {
      this.index++;
      const field = this.parseFieldArgument();
      const over = this.isSymbol(this.peek(), '>');
      if (!over && !this.isSymbol(this.peek(), '<')) this.fail("'>' or '<' after age(...)");
      this.index++;
      return { type: over ? 'ageOver' : 'ageUnder', field, years: this.readWholeNumber(0, 150) };
    }
    return null;
  }

  private parseFieldArgument(): string {
    this.expectSymbol('(');
    const token = this.peek();
    if ((token.kind !== 'field' && token.kind !== 'word') || token.value === '') this.fail('a field name');
    this.index++;
    this.expectSymbol(')');
    return String(token.value);
  }

  private parseCondition(field: string): FilterNode {
    const negated = this.acceptWord('not');
    const token = this.peek();
    const comparison = token.kind === 'symbol' ? COMPARISONS[token.value] : undefined;
    if (comparison && !negated) {
      this.index++;
      if (comparison === 'equals' || comparison === 'notEquals') return { type: comparison, field, value: this.readValue() };
      return { type: comparison, field, value: this.readOrdered() };
    }
    const condition = this.parseWordOperator(field, token.kind === 'word' ? String(token.value).toLowerCase() : '');
    if (!condition) return this.fail(negated ? NEGATABLE : OPERATORS, token);
    if (!negated) return condition;
    return condition.type === 'empty' ? { type: 'notEmpty', field } : { type: 'not', child: condition };
  }

  private parseWordOperator(field: string, word: string): Condition | null {
    const known = ['contains', 'startswith', 'empty', 'in', 'between', 'within', 'on'];
    if (!known.includes(word)) return null;
    this.index++;
    switch (word) {
      case 'contains':
        return { type: 'contains', field, value: this.readText() };
      case 'startswith':
        return { type: 'startsWith', field, value: this.readText() };
      case 'empty':
        return { type: 'empty', field };
      case 'in':
        return { type: 'in', field, values: this.parseList() };
      case 'between':
        return this.parseBetween(field);
      case 'within': {
        const direction = this.expectWord('next', 'last') as 'next' | 'last';
        const days = this.readWholeNumber(0, 36600);
        this.expectWord('days', 'day');
        return { type: 'dateWithin', field, direction, days };
      }
      default:
        return { type: 'dateEquals', field, date: this.readDate() };
    }
  }

  private parseList(): Array<string | number | boolean> {
    this.expectSymbol('(');
    const values = [this.readValue()];
    while (this.isSymbol(this.peek(), ',')) {
      this.index++;
      values.push(this.readValue());
    }
    this.expectSymbol(')');
    return values;
  }

  private parseBetween(field: string): Condition {
    const from = this.readOrdered();
    this.expectWord('and');
    const toToken = this.peek();
    const to = this.readOrdered();
    const kind = operandKind(from);
    if (kind !== operandKind(to)) this.fail(`a ${kind} like the one after between`, toToken);
    if (kind !== 'text' && from > to) this.fail(`a ${kind} not before ${from}`, toToken);
    return { type: 'between', field, from, to };
  }
}

/** Parses a readable filter expression; throws FilterSyntaxError with the column and what was expected. */
export function parseFilterExpression(text: string): FilterNode {
  return new ExpressionParser(text).parse();
}
