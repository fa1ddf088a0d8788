import { decodeEntities } from './entities';
import { linkTarget, TextWriter } from './text-writer';

/** What an element does to the generated text; Inline elements (and unknown ones) do nothing. */
export const ElementKind = {
  Inline: 0, Hidden: 1, Break: 2, Paragraph: 3, Block: 4, Line: 5, Rule: 6, Image: 7, Link: 8,
  Cell: 9, List: 10, OrderedList: 11, Item: 12, Quote: 13, Pre: 14,
} as const;
/** One of the ElementKind values. */
export type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

/** Receives what scanHtml finds, in document order. */
export interface HtmlSink {
  /** A run of text, entities not yet decoded. */
  text(raw: string): void;
  /** An opening (or self-closing) tag, with everything between its name and its ">". */
  open(kind: ElementKind, attrs: string): void;
  close(kind: ElementKind): void;
  /** Markup whose content never reaches the text: comments, doctype, head, style, script. */
  skipped(raw: string): void;
  /** Markup that runs to the end of the input unterminated (a comment, a tag, a style block). */
  unterminated(): void;
}

const K = ElementKind;
const kinds = new Map<string, ElementKind>([
  ['head', K.Hidden], ['style', K.Hidden], ['script', K.Hidden], ['title', K.Hidden], ['template', K.Hidden],
  ['xml', K.Hidden], ['br', K.Break], ['p', K.Paragraph], ['hr', K.Rule], ['img', K.Image], ['a', K.Link],
  ['td', K.Cell], ['th', K.Cell], ['ul', K.List], ['ol', K.OrderedList], ['li', K.Item],
  ['blockquote', K.Quote], ['pre', K.Pre],
]);
for (const name of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'dl']) kinds.set(name, K.Block);
for (const name of [
  'address', 'article', 'aside', 'center', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'header', 'main', 'nav', 'section', 'summary', 'tr', 'caption', 'tbody', 'thead', 'tfoot',
]) kinds.set(name, K.Line);

// Short names are looked up as a number (base 40, case folded), so most tags cost no allocation.
const kindsByCode = new Map<number, ElementKind>();
for (const [name, kind] of kinds) {
  if (name.length <= 5) kindsByCode.set([...name].reduce((code, c) => code * 40 + nameCharValue(c.charCodeAt(0)), 0), kind);
}

/** Splits HTML into text runs and the tags that matter for text, in one pass without regexes per tag. */
export function scanHtml(html: string, sink: HtmlSink): void {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const end = lt === -1 ? html.length : lt;
    if (end > i) sink.text(html.slice(i, end));
    if (lt === -1) return;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 || next === 63) { // "<!" (comment, doctype, conditional comment) or "<?"
      const comment = html.startsWith('<!--', lt);
      const close = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt);
      i = close === -1 ? html.length : close + (comment ? 3 : 1);
      sink.skipped(html.slice(lt, i));
      if (close === -1) sink.unterminated();
      continue;
    }
    const closing = next === 47; // "/"
    const nameStart = lt + (closing ? 2 : 1);
    let nameEnd = nameStart;
    let code = 0;
    for (let c = html.charCodeAt(nameEnd); isNameChar(c, nameEnd === nameStart); c = html.charCodeAt(++nameEnd)) {
      code = code * 40 + nameCharValue(c);
    }
    const tagEnd = nameEnd > nameStart ? findTagEnd(html, nameEnd) : -1;
    if (tagEnd === -1) {
      if (nameEnd > nameStart) sink.unterminated();
      sink.text('<'); // not a tag: a lone "<" is text, as in a browser
      i = lt + 1;
      continue;
    }
    i = tagEnd + 1;
    const kind = (nameEnd - nameStart <= 5 ? kindsByCode.get(code) : kinds.get(html.slice(nameStart, nameEnd).toLowerCase())) ?? K.Inline;
    if (closing) sink.close(kind);
    else if (kind !== K.Hidden || html.charCodeAt(tagEnd - 1) === 47) sink.open(kind, html.slice(nameEnd, tagEnd));
    else {
      const close = new RegExp(`</${html.slice(nameStart, nameEnd)}\\s*>`, 'ig');
      close.lastIndex = i;
      const found = close.exec(html) !== null;
      i = found ? close.lastIndex : html.length;
      sink.skipped(html.slice(lt, i));
      if (!found) sink.unterminated();
    }
  }
}

// Letters 1-26 in either case, digits 27-36, "-" 37, ":" 38.
function nameCharValue(code: number): number {
  if (code >= 65) return code & 31;
  return code >= 48 && code <= 57 ? code - 21 : code === 45 ? 37 : 38;
}

function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return first ? letter : letter || (code >= 48 && code <= 57) || code === 58 || code === 45; // digits, ":" and "-"
}

// The ">" that ends a tag, skipping any inside quoted attribute values; -1 if the tag never ends.
function findTagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === 62) return i;
    if (code === 34 || code === 39) {
      const close = html.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    }
  }
  return -1;
}

/** Links opened and not yet closed: where their text starts, and where they point. */
export type OpenLinks = Array<{ href: string; start: number }>;

/**
 * Makes the plain-text alternative of an HTML body: block elements become line breaks, links
 * "text (url)", list items "- item" (numbered in ordered lists), entities are decoded, whitespace is
 * normalised, and head, style, script and comments are dropped. One pass, no DOM, so it runs the
 * same in the add-in and on the server.
 */
export function htmlToText(html: string): string {
  const writer = new TextWriter();
  const links: OpenLinks = [];
  const sink: HtmlSink = {
    text: (raw) => writer.writeText(decodeEntities(raw)),
    open: (kind, attrs) => openElement(writer, links, kind, kind === ElementKind.Inline ? undefined : relevantAttribute(kind, attrs)),
    close: (kind) => closeElement(writer, links, kind),
    skipped: () => undefined,
    unterminated: () => undefined,
  };
  scanHtml(html, sink);
  return writer.finish();
}

/** The one attribute an element's text depends on, decoded: class of <p>, alt of <img>, target of <a>. */
export function relevantAttribute(kind: ElementKind, attrs: string): string | undefined {
  if (kind === ElementKind.Paragraph) return attribute(attrs, 'class');
  if (kind === ElementKind.Image) return attribute(attrs, 'alt');
  if (kind === ElementKind.Link) return linkTarget(attribute(attrs, 'href') ?? '');
  return undefined;
}

/** Applies an opening tag to the text being written. */
export function openElement(writer: TextWriter, links: OpenLinks, kind: ElementKind, attr: string | undefined): void {
  switch (kind) {
    case ElementKind.Break: return writer.breakLine();
    // Word and Outlook write one <p class=MsoNormal> per line typed, with no space between them.
    case ElementKind.Paragraph: return writer.startBlock(attr !== undefined && attr.includes('Mso') ? 1 : 2);
    case ElementKind.Block: return writer.startBlock(2);
    case ElementKind.Line: return writer.startBlock(1);
    case ElementKind.Rule: return writer.writeRule();
    case ElementKind.Image: return writer.writeText(attr ?? '');
    case ElementKind.Link: links.push({ href: attr ?? '', start: writer.mark() }); return;
    case ElementKind.Cell: return writer.separateCell();
    case ElementKind.List: case ElementKind.OrderedList:
      writer.startBlock(writer.listDepth() === 0 ? 2 : 1);
      return writer.openList(kind === ElementKind.OrderedList);
    case ElementKind.Item: writer.startBlock(1); return writer.startListItem();
    case ElementKind.Quote: writer.startBlock(2); writer.quoteDepth++; return;
    case ElementKind.Pre: writer.startBlock(2); writer.preDepth++; return;
  }
}

/** Applies a closing tag to the text being written. */
export function closeElement(writer: TextWriter, links: OpenLinks, kind: ElementKind): void {
  switch (kind) {
    case ElementKind.Link: {
      const link = links.pop();
      return link && writer.appendLinkTarget(link.start, link.href);
    }
    // A paragraph's end only ends the line; the blank line comes from the next paragraph's start,
    // so that Outlook's margin-less paragraphs stay one per line.
    case ElementKind.Paragraph: case ElementKind.Line: case ElementKind.Item: return writer.endBlock(1);
    case ElementKind.Block: return writer.endBlock(2);
    case ElementKind.List: case ElementKind.OrderedList: return writer.closeList();
    case ElementKind.Quote: writer.quoteDepth = Math.max(0, writer.quoteDepth - 1); return writer.endBlock(2);
    case ElementKind.Pre: writer.preDepth = Math.max(0, writer.preDepth - 1); return writer.endBlock(2);
  }
}

const attributePatterns = new Map(['class', 'alt', 'href'].map((name) =>
  [name, new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')]));

function attribute(attrs: string, name: 'class' | 'alt' | 'href'): string | undefined {
  const match = (attributePatterns.get(name) as RegExp).exec(attrs);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3]) : undefined;
}
