import { Context, findValue } from './context';
import { closeElement, openElement, relevantAttribute, type OpenLinks } from './text-converter';
import { OpType, type TextOp } from './text-program';
import { TextWriter } from './text-writer';
import { escapeHtml, type ValueFormatter } from './value-formatter';

/** Thrown when a recipient's data makes a compiled text unusable (caught by the callers here). */
export const bail = Symbol('bail');
const markup = /[<>&"']/;

/** Gives the text a value op merges, as it reads after htmlToText's entity decoding. */
export type ValueSource = (op: TextOp, ctx: Context) => string;

/**
 * Runs a text program for one recipient; returns undefined when htmlToText must be used instead.
 * Produces exactly what htmlToText would on the merged HTML, without scanning the static markup.
 */
export function replayTextProgram(program: TextOp[], view: unknown, formatter?: ValueFormatter): string | undefined {
  const writer = new TextWriter();
  try {
    runProgram(program, new Context(view, null), writer, [], (op, ctx) => mergedValueText(op, ctx, formatter));
  } catch (err) {
    if (err === bail) return undefined;
    throw err;
  }
  return writer.finish();
}

/** Runs the steps of a program against a writer, taking values from `valueOf`. */
export function runProgram(ops: TextOp[], ctx: Context, writer: TextWriter, links: OpenLinks, valueOf: ValueSource): void {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    switch (op.type) {
      case OpType.Text: writer.writeCollapsed(op.text as string); break;
      case OpType.Value: writer.writeText(valueOf(op, ctx)); break;
      case OpType.Open: openElement(writer, links, op.kind, op.attrs === null ? op.text : attributeOf(op, ctx, valueOf)); break;
      case OpType.Close: closeElement(writer, links, op.kind); break;
      default: runSection(op, ctx, writer, links, valueOf);
    }
  }
}

// The same section rules as the HTML renderer (and mustache), minus lambdas.
function runSection(op: TextOp, ctx: Context, writer: TextWriter, links: OpenLinks, valueOf: ValueSource): void {
  const value = findValue(ctx, op.ref!);
  if (typeof value === 'function') throw bail;
  const body = op.body!;
  if (op.type === OpType.Inverted) {
    if (!value || (Array.isArray(value) && value.length === 0)) runProgram(body, ctx, writer, links, valueOf);
  } else if (!value) {
    return;
  } else if (Array.isArray(value)) {
    for (const item of value) runProgram(body, new Context(item, ctx), writer, links, valueOf);
  } else if (typeof value === 'object' || typeof value === 'string' || typeof value === 'number') {
    runProgram(body, new Context(value, ctx), writer, links, valueOf);
  } else {
    runProgram(body, ctx, writer, links, valueOf);
  }
}

/** A value as the merged HTML shows it once decoded: String(value) (escaping decodes back exactly). */
export function mergedValueText(op: TextOp, ctx: Context, formatter?: ValueFormatter): string {
  let value = findValue(ctx, op.ref!);
  if (typeof value === 'function') throw bail;
  if (value == null) return '';
  if (formatter !== undefined) value = formatter(value);
  const text = typeof value === 'string' ? value : op.raw ? '' + value : String(value);
  // A raw value is only text while it carries no markup; otherwise the HTML must be scanned.
  if (op.raw && markup.test(text)) throw bail;
  return text;
}

// Rebuilds the tag's attribute text as it appears in the merged HTML, then reads it as htmlToText does.
function attributeOf(op: TextOp, ctx: Context, valueOf: ValueSource): string | undefined {
  let attrs = '';
  for (const part of op.attrs!) {
    if (typeof part === 'string') attrs += part;
    else attrs += part.raw ? valueOf(part, ctx) : escapeHtml(valueOf(part, ctx));
  }
  return relevantAttribute(op.kind, attrs);
}
