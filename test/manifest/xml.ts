/**
 * A small, strict XML reader for the add-in manifest tests. No XML parser is a dependency of the
 * project, and the manifest needs only elements, attributes, text, comments, CDATA and the
 * predefined/numeric entities — no DTDs. Anything outside that is reported as an error rather
 * than skipped, so a malformed manifest fails the tests instead of parsing "mostly".
 */

/** One element: qualified name, attributes as written, child elements, and its own text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** A well-formedness error with the 1-based line and column where it was found. */
export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/.test(ch);
}

class Scanner {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string, at = this.pos): never {
    const before = this.src.slice(0, at).split('\n');
    throw new XmlSyntaxError(message, before.length, before[before.length - 1].length + 1);
  }

  lineAt(at: number): number {
    let line = 1;
    for (let i = 0; i < at; i++) if (this.src.charCodeAt(i) === 10) line++;
    return line;
  }

  startsWith(token: string): boolean {
    return this.src.startsWith(token, this.pos);
  }

  expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`expected "${token}"`);
    this.pos += token.length;
  }

  skipSpace(): void {
    while (this.pos < this.src.length && ' \t\r\n'.includes(this.src[this.pos])) this.pos++;
  }

  /** Skips to just past `end`, returning what lay between. */
  until(end: string, what: string): string {
    const stop = this.src.indexOf(end, this.pos);
    if (stop < 0) this.fail(`unterminated ${what}`);
    const body = this.src.slice(this.pos, stop);
    this.pos = stop + end.length;
    return body;
  }

  name(): string {
    const start = this.pos;
    while (this.pos < this.src.length && isNameChar(this.src[this.pos])) this.pos++;
    if (start === this.pos) this.fail('expected a name');
    return this.src.slice(start, this.pos);
  }

  decode(raw: string, at: number): string {
    if (raw.includes('<')) this.fail('"<" is not allowed here', at);
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) this.fail(`bare "&" (write &amp;)`, at);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const value = ENTITIES[ref];
      if (value === undefined) this.fail(`unknown entity &${ref};`, at);
      return value;
    });
  }
}

/** Skips comments, processing instructions and whitespace between markup at the top level. */
function skipMisc(s: Scanner): void {
  for (;;) {
    s.skipSpace();
    if (s.startsWith('<?')) s.until('?>', 'processing instruction');
    else if (s.startsWith('<!--')) s.until('-->', 'comment');
    else if (s.startsWith('<!DOCTYPE')) s.fail('DOCTYPE is not supported');
    else return;
  }
}

function readAttributes(s: Scanner, element: XmlElement): boolean {
  for (;;) {
    s.skipSpace();
    if (s.startsWith('/>')) {
      s.pos += 2;
      return true;
    }
    if (s.startsWith('>')) {
      s.pos += 1;
      return false;
    }
    const name = s.name();
    if (name in element.attrs) s.fail(`duplicate attribute ${name}`);
    s.skipSpace();
    s.expect('=');
    s.skipSpace();
    const quote = s.src[s.pos];
    if (quote !== '"' && quote !== "'") s.fail('attribute values must be quoted');
    s.pos++;
    const at = s.pos;
    element.attrs[name] = s.decode(s.until(quote, 'attribute value'), at);
  }
}

function readElement(s: Scanner): XmlElement {
  const line = s.lineAt(s.pos);
  s.expect('<');
  const element: XmlElement = { name: s.name(), attrs: {}, children: [], text: '', line };
  if (readAttributes(s, element)) return element;
  for (;;) {
    if (s.pos >= s.src.length) s.fail(`<${element.name}> is never closed`);
    if (s.startsWith('</')) {
      s.pos += 2;
      const closing = s.name();
      if (closing !== element.name) s.fail(`</${closing}> closes <${element.name}>`);
      s.skipSpace();
      s.expect('>');
      element.text = element.text.trim();
      return element;
    }
    if (s.startsWith('<!--')) s.until('-->', 'comment');
    else if (s.startsWith('<![CDATA[')) {
      s.pos += 9;
      element.text += s.until(']]>', 'CDATA section');
    } else if (s.startsWith('<?')) s.until('?>', 'processing instruction');
    else if (s.startsWith('<')) element.children.push(readElement(s));
    else {
      const at = s.pos;
      const stop = s.src.indexOf('<', s.pos);
      s.pos = stop < 0 ? s.src.length : stop;
      element.text += s.decode(s.src.slice(at, s.pos), at);
    }
  }
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError. */
export function parseXml(src: string): XmlElement {
  const s = new Scanner(src.charCodeAt(0) === 0xfeff ? src.slice(1) : src);
  skipMisc(s);
  if (!s.startsWith('<')) s.fail('expected the root element');
  const root = readElement(s);
  skipMisc(s);
  if (s.pos < s.src.length) s.fail('content after the root element');
  return root;
}

/** The name without its namespace prefix (`bt:Image` → `Image`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The element's children with a given local name (all children when omitted). */
export function childrenNamed(element: XmlElement, name?: string): XmlElement[] {
  return name === undefined ? element.children : element.children.filter((c) => localName(c.name) === name);
}

/** Every element in the tree, depth first, with the chain of its ancestors (root first). */
export function walk(root: XmlElement): Array<{ element: XmlElement; ancestors: XmlElement[] }> {
  const out: Array<{ element: XmlElement; ancestors: XmlElement[] }> = [];
  const visit = (element: XmlElement, ancestors: XmlElement[]): void => {
    out.push({ element, ancestors });
    for (const child of element.children) visit(child, [...ancestors, element]);
  };
  visit(root, []);
  return out;
}
