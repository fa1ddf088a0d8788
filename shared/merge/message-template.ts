import { compileTokens, type CompiledPart } from './compiler';
import { NameTable } from './context';
import { parseTokens, type TemplatePart, type Token } from './parser';
import { htmlToText } from './text-converter';
import { compileTextProgram, type TextOp } from './text-program';
import { replayTextProgram } from './text-replayer';
import { compileTextTemplate, renderTextTemplate } from './text-template';
import { createValueFormatter, type EscapeMode } from './value-formatter';

/** The parts of a message template as the author wrote them (mustache syntax). */
export interface TemplateSource { subject: string; html: string; text?: string }

/** One recipient's merged message. */
export interface MergedMessage { subject: string; html: string; text: string }

/** Options for compiling (and analysing) a message template. */
export interface MergeOptions {
  /** BCP 47 locale: numbers and ISO dates are formatted for it when merged. Omit for plain mustache output. */
  locale?: string;
  /** Partials by name, as given to mustache.render. */
  partials?: Record<string, string>;
}

/** A template parsed and compiled once, rendered once per recipient. */
export interface CompiledMessageTemplate {
  /** Every field name used (sections included, dotted names as written), in order of first use. */
  fields: string[];
  /** Merges one recipient's values into subject, HTML body and plain-text alternative. */
  render(values: Record<string, unknown>): MergedMessage;
  /** Merges the HTML body only (previews); the same string as render(values).html. */
  renderHtml(values: Record<string, unknown>): string;
}

const modes: Record<TemplatePart, EscapeMode> = { subject: 'subject', html: 'html', text: 'plain' };

/** Lists the parts a source has; the text part only when the author wrote one. */
export function listParts(src: TemplateSource): TemplatePart[] {
  return src.text === undefined ? ['subject', 'html'] : ['subject', 'html', 'text'];
}

/** Parses one part of a source; throws TemplateSyntaxError. */
export function parsePart(src: TemplateSource, part: TemplatePart): ParsedPart {
  const template = src[part] ?? '';
  return { part, template, tokens: parseTokens(template, part) };
}

/** Parses and compiles a message template once; throws TemplateSyntaxError with part, line and column. */
export function compileMessageTemplate(src: TemplateSource, options: MergeOptions = {}): CompiledMessageTemplate {
  const parsed = listParts(src).map((part) => parsePart(src, part));
  const fields = [...collectFieldUsages(parsed, options.partials).keys()];
  const formatter = options.locale ? createValueFormatter(options.locale) : undefined;
  const compiled = new Map<TemplatePart, CompiledPart>();
  for (const { part, template, tokens } of parsed) {
    compiled.set(part, compileTokens(template, tokens, { part, mode: modes[part], formatter, partials: options.partials }));
  }
  const subject = compiled.get('subject') as CompiledPart;
  const html = compiled.get('html') as CompiledPart;
  const text = compiled.get('text');
  const program = text === undefined ? compileHtmlTextProgram(parsed[1], options) : undefined;
  const textTemplate = program && compileTextTemplate(program);
  // The generated text is htmlToText(merged HTML). Three ways to the same result, fastest first:
  // fill a pre-written text (plain values, no sections), replay the pre-scanned program, or scan.
  const generateText = (values: Record<string, unknown>, body: string): string =>
    (textTemplate && renderTextTemplate(textTemplate, values, formatter)) ??
    (program && replayTextProgram(program, values, formatter)) ??
    htmlToText(body);
  return {
    fields,
    render(values) {
      const body = html.render(values);
      return { subject: subject.render(values), html: body, text: text ? text.render(values) : generateText(values, body) };
    },
    renderHtml: (values) => html.render(values),
  };
}

// The generated text alternative is htmlToText of the merged HTML; for most templates it can be
// produced without scanning the merged HTML at all (see text-program.ts and text-template.ts).
function compileHtmlTextProgram(html: ParsedPart, options: MergeOptions): TextOp[] | undefined {
  const names = new NameTable();
  const partials = options.partials;
  const hasPartial = (name: string): boolean => partials !== undefined && Object.prototype.hasOwnProperty.call(partials, name) && partials[name] != null;
  return compileTextProgram(html.tokens, (name) => names.refOf(name), hasPartial);
}

/** How one field name is used across a template. */
export interface FieldUsage {
  /** The name as written (`firstName`, `company.name`). */
  name: string;
  /** Merged somewhere other than inside a section testing the same field. */
  mergedUnguarded: boolean;
  /** Names of the sections enclosing any of its uses (their values may hold the field). */
  enclosingSections: Set<string>;
}

/** A template part with its parsed tokens. */
export interface ParsedPart { part: TemplatePart; template: string; tokens: Token[] }

/**
 * Collects every field name used by the parts, in order of first use, following partials (parsed
 * here so that a broken partial is reported at compile time, not on the first recipient).
 * Throws TemplateSyntaxError for a partial that does not parse.
 */
export function collectFieldUsages(parts: ParsedPart[], partials?: Record<string, string>): Map<string, FieldUsage> {
  const usages = new Map<string, FieldUsage>();
  const partialTokens = new Map<string, Token[]>();
  const visit = (tokens: Token[], part: TemplatePart, sections: string[]): void => {
    for (const token of tokens) {
      const [type, name] = token;
      if (type === 'name' || type === '&' || type === '#' || type === '^') {
        if (name !== '.') record(usages, name, type === '#' || type === '^', sections);
        if (type === '#' || type === '^') visit(token[4] as Token[], part, [...sections, name]);
      } else if (type === '>' && partials && Object.prototype.hasOwnProperty.call(partials, name) && partials[name] != null) {
        if (partialTokens.has(name)) continue; // seen (and recursion ends here)
        const parsed = parseTokens(partials[name], part, `In partial "${name}": `);
        partialTokens.set(name, parsed);
        visit(parsed, part, sections);
      }
    }
  };
  for (const { part, tokens } of parts) visit(tokens, part, []);
  return usages;
}

function record(usages: Map<string, FieldUsage>, name: string, isTest: boolean, sections: string[]): void {
  let usage = usages.get(name);
  if (usage === undefined) {
    usage = { name, mergedUnguarded: false, enclosingSections: new Set() };
    usages.set(name, usage);
  }
  // A section test is a condition, not a merge; a merge inside a section on itself is guarded.
  if (!isTest && !sections.includes(name)) usage.mergedUnguarded = true;
  for (const section of sections) usage.enclosingSections.add(section);
}
