const needsCollapse = /[\t\n\r\f]| [ \t\n\r\f]/;
const collapsible = /[ \t\n\r\f]{2,}|[\t\n\r\f]/g;

/** Collapses runs of HTML whitespace to one space, as a browser lays out ordinary text. */
export function collapseWhitespace(text: string): string {
  // Replacing every single space with itself is what makes a naive collapse slow; test first
  // (by hand for short text such as a merged value, where calling a regex costs more than looking).
  if (text.length > 32) return needsCollapse.test(text) ? text.replace(collapsible, ' ') : text;
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return text.replace(collapsible, ' ');
      previousSpace = true;
    } else if (code >= 9 && code <= 13 && code !== 11) {
      return text.replace(collapsible, ' ');
    } else {
      previousSpace = false;
    }
  }
  return text;
}

/**
 * Accumulates plain text for htmlToText. Line breaks are owed, not written, until more text comes,
 * so that nested blocks never stack up blank lines and the text never starts or ends with them.
 * Each open link also collects its own text, so that reading it back never flattens the output.
 */
export class TextWriter {
  /** Depth of open <blockquote> elements: each quoted line starts with "> " per level. */
  quoteDepth = 0;
  /** Depth of open <pre> elements: whitespace is kept as written inside them. */
  preDepth = 0;
  private out = '';
  // The text of each link still open, so it can be compared with the address when the link closes.
  private readonly linkTexts: string[] = [];
  private pendingBreaks = 0;
  private pendingSpace = false;
  private atLineStart = true;
  private readonly lists: Array<{ ordered: boolean; count: number }> = [];
  private pendingMarker: string | null = null;
  private needsCleaning = false;

  /** `describeLink` writes what follows a link's text (see linkSuffix); swappable for compiling. */
  constructor(private readonly describeLink: (text: string, target: string) => string = linkSuffix) {}

  /** Writes a run of decoded text, collapsing whitespace unless inside <pre>. */
  writeText(text: string): void {
    if (this.preDepth > 0) this.writePreformatted(text);
    else if (text !== '') this.writeCollapsed(collapseWhitespace(text));
  }

  /** Writes text whose whitespace is already collapsed (static text of a compiled template). */
  writeCollapsed(text: string): void {
    if (this.preDepth > 0) return this.writePreformatted(text);
    if (text === '') return;
    if (text === ' ') {
      this.pendingSpace = true;
      return;
    }
    const leading = text.charCodeAt(0) === 32;
    const trailing = text.charCodeAt(text.length - 1) === 32;
    if (leading) this.pendingSpace = true;
    this.emit(leading || trailing ? text.slice(leading ? 1 : 0, trailing ? -1 : text.length) : text);
    if (trailing) this.pendingSpace = true;
  }

  /** A <br>: each one owes a line break, so two in a row leave a blank line. */
  breakLine(): void {
    if (this.out.length > 0) this.pendingBreaks++;
    this.pendingSpace = false;
  }

  /** Starts a block: `lines` 1 ends the current line, 2 also leaves a blank line. */
  startBlock(lines: number): void {
    if (this.out.length > 0 && this.pendingBreaks < lines) this.pendingBreaks = lines;
    this.pendingSpace = false;
  }

  /** Ends a block (same as starting one: text after it starts on a new line). */
  endBlock(lines: number): void {
    this.startBlock(lines);
  }

  /** A table cell: separated from the previous cell on the same line by a space. */
  separateCell(): void {
    if (!this.atLineStart) this.pendingSpace = true;
  }

  /** An <hr>: a short rule on a line of its own. */
  writeRule(): void {
    this.startBlock(1);
    this.emit('---');
    this.startBlock(1);
  }

  /** Opens a <ul> or <ol>. */
  openList(ordered: boolean): void {
    this.lists.push({ ordered, count: 0 });
  }

  /** How many lists are open around the current position. */
  listDepth(): number {
    return this.lists.length;
  }

  /** Closes the innermost list. */
  closeList(): void {
    this.lists.pop();
    this.startBlock(1);
  }

  /** Starts an <li>: its first line gets "- " (or "1. "), indented two spaces per nesting level. */
  startListItem(): void {
    const list = this.lists[this.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    this.pendingMarker = indent + (list?.ordered ? `${++list.count}. ` : '- ');
  }

  /** Starts collecting a link's text; returns the handle to pass to appendLinkTarget. */
  mark(): number {
    return this.linkTexts.push('') - 1;
  }

  /** Closes a link: "text (url)", unless the text already is the address or the link goes nowhere. */
  appendLinkTarget(start: number, target: string): void {
    const text = this.linkTexts[start].trim();
    this.linkTexts.length = start;
    if (target === '') return;
    if (text === '') return this.emit(target);
    const suffix = this.describeLink(text, target);
    if (suffix !== '') this.append(suffix);
  }

  /** The finished text: non-breaking spaces as spaces, no trailing blanks, at most one blank line. */
  finish(): string {
    let text = this.out;
    // Only non-breaking spaces and <pre> can leave blanks at a line's end or empty lines in a row.
    if (this.needsCleaning) {
      text = text.replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
    }
    return text.trim();
  }

  private writePreformatted(text: string): void {
    this.needsCleaning = true;
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.breakLine();
      if (lines[i] !== '') this.emit(lines[i]);
    }
  }

  private emit(text: string): void {
    let lead = '';
    if (this.pendingBreaks > 0 && this.out.length > 0) {
      lead = this.pendingBreaks > 1 ? '\n\n' : '\n';
      this.atLineStart = true;
    }
    this.pendingBreaks = 0;
    if (this.atLineStart) {
      if (this.quoteDepth > 0) lead += '> '.repeat(this.quoteDepth);
      if (this.pendingMarker !== null) lead += this.pendingMarker;
      else if (this.lists.length > 0) lead += '  '.repeat(this.lists.length);
      this.pendingMarker = null;
    } else if (this.pendingSpace) {
      lead = ' ';
    }
    this.pendingSpace = false;
    this.atLineStart = false;
    this.append(lead === '' ? text : lead + text);
  }

  private append(text: string): void {
    if (text.indexOf('\u00a0') !== -1) this.needsCleaning = true;
    this.out += text;
    for (let i = 0; i < this.linkTexts.length; i++) this.linkTexts[i] += text;
  }
}

/** Where a link points, as the text shows it: no "mailto:", nothing for in-page, script or inline-image links. */
export function linkTarget(href: string): string {
  const target = href.trim().replace(/^mailto:/i, '');
  return /^(#|javascript:|cid:)/i.test(target) ? '' : target;
}

function normaliseAddress(address: string): string {
  return address.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/$/, '');
}

/** What follows a link's text: " (url)", or nothing when the text already is the address. */
export function linkSuffix(text: string, target: string): string {
  // "example.com" for https://example.com/ is not repeated; text with a space is never an address.
  if (text === target || (text.indexOf(' ') === -1 && normaliseAddress(text) === normaliseAddress(target))) return '';
  return ` (${target})`;
}
