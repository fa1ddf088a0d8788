import { Context, findValue, lookupValue, NameTable, type NameRef } from './context';
import { parseTokens, type TemplatePart, type Token } from './parser';
import { escapeHtml, flattenLineBreaks, type EscapeMode, type ValueFormatter } from './value-formatter';

/** How one template part is compiled. */
export interface PartOptions {
  part: TemplatePart;
  mode: EscapeMode;
  /** Applied to every interpolated value before it is stringified (locale formatting). */
  formatter?: ValueFormatter;
  partials?: Record<string, string>;
}

/** A template part compiled once; `render` merges one recipient's values. */
export interface CompiledPart { render(view: unknown): string }

type Segment = (ctx: Context) => string;
type ToText = (value: unknown) => string;

const maxCachedBlocks = 500;

// A block is its static text interleaved with dynamic segments: statics[0] seg[0] statics[1] ...
interface Block { statics: string[]; dynamic: Segment[] }

/** Compiles parsed mustache tokens into a tree of closures that renders without re-walking tokens. */
export function compileTokens(template: string, tokens: Token[], options: PartOptions): CompiledPart {
  const unit = new CompileUnit(options);
  const root = unit.compileBlock(tokens, template);
  return { render: (view) => renderBlock(root, new Context(view, null)) };
}

function renderBlock(block: Block, ctx: Context): string {
  const { statics, dynamic } = block;
  let out = statics[0];
  for (let i = 0; i < dynamic.length; i++) {
    out += dynamic[i](ctx);
    out += statics[i + 1];
  }
  return out;
}

// State shared by everything compiled for one part: name slots, and blocks compiled on demand for
// partials and for the text a lambda asks to render (both keyed by their exact template text).
class CompileUnit {
  private readonly names = new NameTable();
  private readonly mergedSlots = new Map<string, number>();
  private readonly blocks = new Map<string, Block>();

  constructor(private readonly options: PartOptions) {}

  compileBlock(tokens: Token[], template: string): Block {
    const block: Block = { statics: [''], dynamic: [] };
    for (const token of tokens) {
      const segment = this.compileToken(token, template);
      if (typeof segment === 'string') block.statics[block.statics.length - 1] += segment;
      else if (segment !== null) {
        block.dynamic.push(segment);
        block.statics.push('');
      }
    }
    return block;
  }

  renderTemplate(template: string, ctx: Context): string {
    let block = this.blocks.get(template);
    if (block === undefined) {
      block = this.compileBlock(parseTokens(template, this.options.part), template);
      // A lambda may ask to render text that differs per recipient; keep the cache bounded.
      if (this.blocks.size >= maxCachedBlocks) this.blocks.clear();
      this.blocks.set(template, block);
    }
    return renderBlock(block, ctx);
  }

  private compileToken(token: Token, template: string): Segment | string | null {
    switch (token[0]) {
      case 'text': return token[1];
      case 'name': return this.compileInterpolation(token[1], false);
      case '&': return this.compileInterpolation(token[1], true);
      case '#': return this.compileSection(token, template);
      case '^': return this.compileInverted(token, template);
      case '>': return this.compilePartial(token);
      default: return null; // comments and delimiter changes render nothing
    }
  }

  private ref(name: string): NameRef {
    return this.names.refOf(name);
  }

  // Each (name, raw?) pair gets a slot for its finished string: a field used 60 times in a body
  // is looked up, formatted and escaped once per context, as long as it is not a function.
  private compileInterpolation(name: string, raw: boolean): Segment {
    const ref = this.ref(name);
    const key = (raw ? '&' : '') + name;
    const slot = this.mergedSlots.get(key) ?? this.mergedSlots.size;
    this.mergedSlots.set(key, slot);
    const toText = this.textConverter(raw);
    return (ctx) => {
      let merged = ctx.merged;
      if (merged === null) merged = ctx.merged = [];
      const done = merged[slot];
      if (done !== undefined) return done;
      const value = findValue(ctx, ref);
      if (typeof value === 'function') return toText(value.call(ctx.view));
      return (merged[slot] = toText(value));
    };
  }

  private textConverter(raw: boolean): ToText {
    const { mode, formatter } = this.options;
    let convert: ToText;
    // mustache: an escaped number is String(n); anything else String(v) then escaped; a raw value
    // is appended with `+=`; null and undefined render nothing.
    if (raw) convert = mode === 'subject' ? (v) => flattenLineBreaks('' + v) : (v) => '' + v;
    else if (mode === 'html') convert = (v) => (typeof v === 'number' ? String(v) : escapeHtml(String(v)));
    else if (mode === 'subject') convert = (v) => flattenLineBreaks(String(v));
    else convert = (v) => String(v);
    if (formatter === undefined) return (v) => (v == null ? '' : convert(v));
    return (v) => (v == null ? '' : convert(formatter(v)));
  }

  private compileSection(token: Token, template: string): Segment {
    const ref = this.ref(token[1]);
    const block = this.compileBlock(token[4] as Token[], template);
    const body = template.slice(token[3], token[5] as number);
    return (ctx) => {
      const value = lookupValue(ctx, ref);
      if (!value) return '';
      if (Array.isArray(value)) {
        let out = '';
        for (let i = 0; i < value.length; i++) out += renderBlock(block, new Context(value[i], ctx));
        return out;
      }
      const type = typeof value;
      if (type === 'object' || type === 'string' || type === 'number') return renderBlock(block, new Context(value, ctx));
      if (type === 'function') {
        // A mustache.js lambda: gets the raw section text and a render callback for this context.
        const result = (value as (text: string, render: (t: string) => string) => unknown)
          .call(ctx.view, body, (text: string) => this.renderTemplate(text, ctx));
        return result != null ? '' + result : '';
      }
      return renderBlock(block, ctx);
    };
  }

  private compileInverted(token: Token, template: string): Segment {
    const ref = this.ref(token[1]);
    const block = this.compileBlock(token[4] as Token[], template);
    return (ctx) => {
      const value = lookupValue(ctx, ref);
      return !value || (Array.isArray(value) && value.length === 0) ? renderBlock(block, ctx) : '';
    };
  }

  // Partials are fixed at compile time, so a missing one is dropped now; a present one is indented
  // as mustache does and compiled on first use (lazily, so that recursive partials terminate).
  private compilePartial(token: Token): Segment | null {
    const partials = this.options.partials;
    if (partials === undefined || !Object.prototype.hasOwnProperty.call(partials, token[1])) return null;
    const text = partials[token[1]];
    if (text == null) return null;
    const [indentation, tagIndex, lineHasNonSpace] = [token[4] as string, token[5] as number, token[6] as boolean];
    const indented = tagIndex === 0 && indentation ? indentPartial(text, indentation, lineHasNonSpace) : text;
    return (ctx) => this.renderTemplate(indented, ctx);
  }
}

function indentPartial(partial: string, indentation: string, lineHasNonSpace: boolean): string {
  const filtered = indentation.replace(/[^ \t]/g, '');
  const lines = partial.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length && (i > 0 || !lineHasNonSpace)) lines[i] = filtered + lines[i];
  }
  return lines.join('\n');
}
