import { Context } from './context';
import { ElementKind } from './text-converter';
import { OpType, type TextOp } from './text-program';
import { bail, mergedValueText, runProgram } from './text-replayer';
import { linkSuffix, TextWriter } from './text-writer';
import type { ValueFormatter } from './value-formatter';

/** Static text with holes: a number n >= 0 is value slot n, a negative one is link -n - 1. */
type Pieces = Array<string | number>;

/** The text as written for one set of empty slots. */
interface WrittenText {
  pieces: Pieces;
  /** Links whose text or address holds values: " (url)" is decided per recipient. */
  links: Array<{ text: Pieces; target: Pieces }>;
}

/** The generated text of a section-free template, written at compile time with holes for values. */
export interface TextTemplate {
  program: TextOp[];
  /** One op per distinct (name, raw) merged, in slot order. */
  slots: TextOp[];
  slotByKey: Map<string, number>;
  /** The text with every value present, then variants by which slots are empty ("" or null). */
  full: WrittenText;
  variants: Map<string, WrittenText | null>;
}

const valueMark = '\uE001';
const linkMark = '\uE002';
const holePattern = /([\uE001\uE002])([\uE100-\uEFFF])/g;
const maxSlots = 0xf00;
// Blank fields come in few patterns (no title, no company...); each pattern is written once.
const maxVariants = 64;

/**
 * Runs a text program once at compile time with a stand-in for every value, which turns it into
 * static text with holes. This is exact for every recipient whose values are "plain" (see
 * isPlainValue): such a value moves the text writer through the same states as its stand-in.
 * Empty values are written as themselves, in a variant per pattern of empty slots; any other value
 * sends the recipient to the program. Returns undefined when the program has sections or values in
 * places whose effect depends on the value (a paragraph's class, the start of a link, an unquoted
 * attribute).
 */
export function compileTextTemplate(program: TextOp[]): TextTemplate | undefined {
  if (!program.every((op) => isTemplatable(op))) return undefined;
  const template: TextTemplate = { program, slots: [], slotByKey: new Map(), full: { pieces: [], links: [] }, variants: new Map() };
  const full = writeText(template, new Set(), true);
  if (full === null) return undefined;
  template.full = full;
  return template;
}

// Runs the program with stand-ins (or nothing, for the empty slots) and splits the result at them.
function writeText(template: TextTemplate, empty: Set<number>, assignSlots: boolean): WrittenText | null {
  const links: WrittenText['links'] = [];
  const writer = new TextWriter((text, target) => {
    if (!/[\uE001\uE002]/.test(text + target)) return linkSuffix(text, target);
    if ((text + target).includes(linkMark)) throw bail; // a link inside a link
    // An address keeps its whitespace; line breaks or non-breaking spaces in it would take part in
    // the writer's final clean-up of the whole text, which a hole filled later cannot follow.
    if (/[\t\n\r\f\u00a0]| {2}/.test(target)) throw bail;
    if (links.length === maxSlots) throw bail;
    links.push({ text: toPieces(text), target: toPieces(target) });
    return linkMark + String.fromCharCode(0xe100 + links.length - 1);
  });
  try {
    runProgram(template.program, new Context(null, null), writer, [], (op) => {
      const key = (op.raw ? '&' : '') + op.ref!.name;
      let slot = template.slotByKey.get(key);
      if (slot === undefined) {
        if (!assignSlots || template.slots.length === maxSlots) throw bail;
        slot = template.slots.push(op) - 1;
        template.slotByKey.set(key, slot);
      }
      return empty.has(slot) ? '' : valueMark + String.fromCharCode(0xe100 + slot);
    });
  } catch (err) {
    if (err === bail) return null;
    throw err;
  }
  return { pieces: toPieces(writer.finish()), links };
}

/** Writes one recipient's text from a TextTemplate; undefined when a value is neither plain nor empty. */
export function renderTextTemplate(template: TextTemplate, view: unknown, formatter?: ValueFormatter): string | undefined {
  const ctx = new Context(view, null);
  const values: string[] = [];
  let emptySlots = '';
  try {
    for (const op of template.slots) values.push(mergedValueText(op, ctx, formatter));
  } catch (err) {
    if (err === bail) return undefined;
    throw err;
  }
  for (let slot = 0; slot < values.length; slot++) {
    if (values[slot] === '') emptySlots += slot + ',';
    else if (!isPlainValue(values[slot])) return undefined;
  }
  const written = emptySlots === '' ? template.full : variantFor(template, emptySlots);
  if (written === null) return undefined;
  let out = '';
  for (const piece of written.pieces) {
    if (typeof piece === 'string') out += piece;
    else if (piece >= 0) out += showValue(values[piece]);
    else {
      const link = written.links[-piece - 1];
      out += showValue(linkSuffix(fill(link.text, values), fill(link.target, values)));
    }
  }
  return out;
}

function variantFor(template: TextTemplate, emptySlots: string): WrittenText | null {
  let variant = template.variants.get(emptySlots);
  if (variant === undefined) {
    if (template.variants.size >= maxVariants) return null;
    const empty = new Set(emptySlots.split(',').filter((s) => s !== '').map(Number));
    variant = writeText(template, empty, false);
    template.variants.set(emptySlots, variant);
  }
  return variant;
}

// No sections; no raw values inside tags; a value in a tag only inside a quoted attribute value,
// not at the start of an address (it could make it "mailto:" or "#") and not in a paragraph's class.
function isTemplatable(op: TextOp): boolean {
  if (op.type === OpType.Section || op.type === OpType.Inverted) return false;
  if (op.type === OpType.Text) return !/[\uE001\uE002]/.test(op.text as string);
  if (op.type !== OpType.Open || op.attrs === null) return true;
  if (op.kind === ElementKind.Paragraph) return false;
  let quote = '';
  for (let i = 0; i < op.attrs.length; i++) {
    const part = op.attrs[i];
    if (typeof part !== 'string') {
      if (part.raw || quote === '') return false;
      if (op.kind === ElementKind.Link && /href\s*=\s*["']\s*$/i.test(op.attrs[i - 1] as string)) return false;
      continue;
    }
    for (const c of part) if (c === '"' || c === "'") quote = quote === '' ? c : quote === c ? '' : quote;
  }
  return true;
}

/**
 * A value that behaves like its stand-in: not empty, no whitespace at either end, no line breaks,
 * tabs or double spaces (which collapsing would change). Non-breaking spaces inside are fine.
 */
export function isPlainValue(value: string): boolean {
  if (value === '' || /^\s|\s$/.test(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 9 && code <= 13) || (code === 32 && value.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

// The text writer turns non-breaking spaces into spaces when it finishes; so does the template.
function showValue(value: string): string {
  return value.indexOf('\u00a0') === -1 ? value : value.replace(/\u00a0/g, ' ');
}

function toPieces(text: string): Pieces {
  const pieces: Pieces = [];
  let from = 0;
  for (const match of text.matchAll(holePattern)) {
    if (match.index !== from) pieces.push(text.slice(from, match.index));
    const index = match[2].charCodeAt(0) - 0xe100;
    pieces.push(match[1] === valueMark ? index : -index - 1);
    from = (match.index as number) + 2;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}

function fill(pieces: Pieces, values: string[]): string {
  let out = '';
  for (const piece of pieces) out += typeof piece === 'string' ? piece : values[piece];
  return out;
}
