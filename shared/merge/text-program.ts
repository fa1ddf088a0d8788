import { type NameRef } from './context';
import { decodeEntities } from './entities';
import type { Token } from './parser';
import { ElementKind, relevantAttribute, scanHtml } from './text-converter';
import { collapseWhitespace } from './text-writer';

/** What a step of a text program does. */
export const OpType = { Text: 0, Value: 1, Open: 2, Close: 3, Section: 4, Inverted: 5 } as const;
/** One of the OpType values. */
export type OpType = (typeof OpType)[keyof typeof OpType];

/**
 * One step of a text program. Every step has the same shape (unused fields null), so that the
 * replay loop reads them through one monomorphic shape rather than five.
 */
export interface TextOp {
  type: OpType;
  /** Text: static text, decoded, whitespace collapsed. Open: the attribute, when it is static. */
  text: string | undefined;
  /** Value, Section, Inverted: the name looked up. */
  ref: NameRef | null;
  /** Value: merged raw ({{{x}}}) rather than escaped. */
  raw: boolean;
  /** Open, Close: the element. */
  kind: ElementKind;
  /** Open: the tag's attribute text in pieces, when values are merged into it. */
  attrs: Array<string | TextOp> | null;
  /** Section, Inverted: the program of the body. */
  body: TextOp[] | null;
}

function createOp(type: OpType, fields: Partial<TextOp>): TextOp {
  return { type, text: undefined, ref: null, raw: false, kind: ElementKind.Inline, attrs: null, body: null, ...fields };
}

// Where each dynamic node sits in a block's HTML: a private-use marker and the node's index.
const marker = '\uE000';
const markerPattern = /\uE000([\uE100-\uEFFF])/g;
const maxNodes = 0xf00;
// A value straight after "<", "</", a tag name or an unfinished "&entity" could change the markup;
// so could a block (a section's body) that ends in "<", "</" or "&entity", continued by what follows.
const unsafeJoin = /<\/?[a-zA-Z0-9:-]*\uE000|&[#a-zA-Z0-9]*\uE000|&[#a-zA-Z0-9]*$|<\/?$/;

/**
 * Compiles the HTML body's tokens into a text program: the steps htmlToText would take on the
 * merged HTML, with the static markup already scanned, decoded and collapsed, so that per recipient
 * only values and sections are processed. Returns undefined for templates where the merged markup
 * could depend on values (a value inside a tag name, a comment or a style block, a section inside a
 * tag, partials, <pre>); those use htmlToText on the merged HTML instead.
 */
export function compileTextProgram(tokens: Token[], refOf: (name: string) => NameRef, hasPartial: (name: string) => boolean): TextOp[] | undefined {
  return compileBlock(tokens, refOf, hasPartial) ?? undefined;
}

function compileBlock(tokens: Token[], refOf: (name: string) => NameRef, hasPartial: (name: string) => boolean): TextOp[] | null {
  let html = '';
  const nodes: TextOp[] = [];
  for (const token of tokens) {
    const [type, value] = token;
    if (type === 'text') {
      if (value.includes(marker)) return null;
      html += value;
    } else if (type === 'name' || type === '&' || type === '#' || type === '^') {
      if (nodes.length === maxNodes) return null;
      let node: TextOp;
      if (type === 'name' || type === '&') node = createOp(OpType.Value, { ref: refOf(value), raw: type === '&' });
      else {
        const body = compileBlock(token[4] as Token[], refOf, hasPartial);
        if (body === null) return null;
        node = createOp(type === '^' ? OpType.Inverted : OpType.Section, { ref: refOf(value), body });
      }
      html += marker + String.fromCharCode(0xe100 + nodes.length);
      nodes.push(node);
    } else if (type === '>' && hasPartial(value)) return null;
  }
  if (unsafeJoin.test(html)) return null;
  return scanBlock(html, nodes);
}

// Scans a block's HTML with markers and turns what htmlToText would do into steps.
function scanBlock(html: string, nodes: TextOp[]): TextOp[] | null {
  const ops: TextOp[] = [];
  let safe = true;
  let seen = 0;
  let pendingText = '';
  const flushText = (): void => {
    // Collapsing a static run once here rather than per recipient is safe: collapsing gives the
    // same result whether a run is written whole or in pieces.
    if (pendingText !== '') ops.push(createOp(OpType.Text, { text: collapseWhitespace(pendingText) }));
    pendingText = '';
  };
  const pushOp = (op: TextOp): void => {
    flushText();
    ops.push(op);
  };
  scanHtml(html, {
    text(raw) {
      let from = 0;
      for (const match of raw.matchAll(markerPattern)) {
        pendingText += decodeEntities(raw.slice(from, match.index));
        pushOp(nodes[match[1].charCodeAt(0) - 0xe100]);
        from = (match.index as number) + 2;
        seen++;
      }
      pendingText += decodeEntities(raw.slice(from));
    },
    open(kind, attrs) {
      if (kind === ElementKind.Pre) safe = false;
      if (!attrs.includes(marker)) {
        if (kind !== ElementKind.Inline) pushOp(createOp(OpType.Open, { kind, text: relevantAttribute(kind, attrs) }));
        return;
      }
      const parts: Array<string | TextOp> = [];
      let from = 0;
      for (const match of attrs.matchAll(markerPattern)) {
        const node = nodes[match[1].charCodeAt(0) - 0xe100];
        // A section here, or a raw value in a tag that is otherwise ignored (nothing would check
        // it for quotes or ">"), could change where the tag ends.
        if (node.type !== OpType.Value || (node.raw && kind === ElementKind.Inline)) safe = false;
        parts.push(attrs.slice(from, match.index), node);
        from = (match.index as number) + 2;
        seen++;
      }
      parts.push(attrs.slice(from));
      if (kind !== ElementKind.Inline) pushOp(createOp(OpType.Open, { kind, attrs: parts }));
    },
    close(kind) {
      if (kind !== ElementKind.Inline) pushOp(createOp(OpType.Close, { kind }));
    },
    skipped(raw) {
      if (raw.includes(marker)) safe = false;
    },
    unterminated() {
      safe = false;
    },
  });
  flushText();
  return safe && seen === nodes.length ? ops : null;
}
