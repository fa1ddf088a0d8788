import { badRequest, GraphError } from "./errors";

/** A parsed OData $filter expression, the subset Graph's mail, contact and directory lists accept. */
export type FilterNode =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "path"; segments: string[] }
  | { kind: "not"; operand: FilterNode }
  | { kind: "binary"; op: string; left: FilterNode; right: FilterNode }
  | { kind: "call"; name: string; args: FilterNode[] }
  | { kind: "lambda"; quantifier: "any" | "all"; collection: string[]; variable: string; body: FilterNode };

type Token = { type: "word" | "string" | "number" | "punct"; text: string };

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set(["startswith", "endswith", "contains"]);

function invalid(detail: string): GraphError {
  return badRequest(`Invalid filter clause: ${detail}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if ("(),:/".includes(ch)) {
      tokens.push({ type: "punct", text: ch });
      i++;
    } else if (ch === "'") {
      let text = "";
      i++;
      for (;;) {
        if (i >= source.length) throw invalid("unterminated string literal.");
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          i++;
          break;
        } else {
          text += source[i++];
        }
      }
      tokens.push({ type: "string", text });
    } else if (/[-\d]/.test(ch)) {
      // Bare DateTimeOffset literals (2024-05-01T08:00:00Z) contain ':' so they get their own rule.
      const match = /^-?\d[\dTZ:.+-]*/.exec(source.slice(i));
      if (!match) throw invalid(`unexpected character '${ch}'.`);
      tokens.push({ type: "number", text: match[0] });
      i += match[0].length;
    } else {
      const match = /^[^\s(),:/']+/.exec(source.slice(i));
      if (!match) throw invalid(`unexpected character '${ch}'.`);
      tokens.push({ type: "word", text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): FilterNode {
    const node = this.parseOr();
    if (this.index < this.tokens.length) throw invalid(`unexpected '${this.tokens[this.index].text}'.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.type === "word" && token.text.toLowerCase() === word;
  }

  private expect(text: string): void {
    const token = this.tokens[this.index++];
    if (!token || token.text !== text) throw invalid(`expected '${text}'.`);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.index++;
      left = { kind: "binary", op: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isWord("and")) {
      this.index++;
      left = { kind: "binary", op: "and", left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isWord("not")) {
      this.index++;
      return { kind: "not", operand: this.parseNot() };
    }
    const left = this.parsePrimary();
    const token = this.peek();
    if (token?.type === "word" && COMPARISONS.has(token.text.toLowerCase())) {
      this.index++;
      return { kind: "binary", op: token.text.toLowerCase(), left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): FilterNode {
    const token = this.tokens[this.index++];
    if (!token) throw invalid("the expression ends too early.");
    if (token.text === "(" && token.type === "punct") {
      const inner = this.parseOr();
      this.expect(")");
      return inner;
    }
    if (token.type === "string") return { kind: "literal", value: token.text };
    if (token.type === "number") {
      const asNumber = Number(token.text);
      return { kind: "literal", value: Number.isNaN(asNumber) ? token.text : asNumber };
    }
    if (token.type !== "word") throw invalid(`unexpected '${token.text}'.`);
    const lower = token.text.toLowerCase();
    if (lower === "true" || lower === "false") return { kind: "literal", value: lower === "true" };
    if (lower === "null") return { kind: "literal", value: null };
    if (FUNCTIONS.has(lower) && this.peek()?.text === "(") return this.parseCall(lower);
    return this.parsePath(token.text);
  }

  private parseCall(name: string): FilterNode {
    this.expect("(");
    const args = [this.parseOr()];
    while (this.peek()?.text === ",") {
      this.index++;
      args.push(this.parseOr());
    }
    this.expect(")");
    return { kind: "call", name, args };
  }

  private parsePath(first: string): FilterNode {
    const segments = [first];
    while (this.peek()?.text === "/") {
      this.index++;
      const next = this.tokens[this.index++];
      if (!next || next.type !== "word") throw invalid("a property name must follow '/'.");
      const quantifier = next.text.toLowerCase();
      if ((quantifier === "any" || quantifier === "all") && this.peek()?.text === "(") {
        return this.parseLambda(quantifier, segments);
      }
      segments.push(next.text);
    }
    return { kind: "path", segments };
  }

  private parseLambda(quantifier: "any" | "all", collection: string[]): FilterNode {
    this.expect("(");
    const variable = this.tokens[this.index++];
    if (!variable || variable.type !== "word") throw invalid("a lambda needs a range variable.");
    this.expect(":");
    const body = this.parseOr();
    this.expect(")");
    return { kind: "lambda", quantifier, collection, variable: variable.text, body };
  }
}

/** Parses a $filter string into an expression tree, failing with Graph's "Invalid filter clause". */
export function parseFilter(source: string): FilterNode {
  return new Parser(tokenize(source)).parseAll();
}
