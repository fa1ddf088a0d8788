import Mustache from 'mustache';

/** Which part of a message template a piece of text belongs to. */
export type TemplatePart = 'subject' | 'html' | 'text';

/** A template mustache cannot parse, with the 1-based line and column where it went wrong. */
export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly part: TemplatePart, readonly line: number, readonly column: number) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/**
 * One mustache token as `mustache.parse` returns it: [type, value, start, end, ...].
 * Sections carry [.., children, endOfBody]; partials carry [.., indentation, tagIndex, lineHasNonSpace].
 */
export type Token = [string, string, number, number, ...unknown[]];

// A private writer with its cache switched off: the global one keeps every template ever parsed,
// which on a long-running server is a slow leak; we keep the parse in the compiled template instead.
const writer = new Mustache.Writer();
(writer as unknown as { templateCache: undefined }).templateCache = undefined;

/** Parses a template exactly as mustache.render would; throws TemplateSyntaxError with a location. */
export function parseTokens(template: string, part: TemplatePart, label = ''): Token[] {
  try {
    return writer.parse(template) as Token[];
  } catch (err) {
    const found = locateSyntaxError(template);
    const message = found?.message ?? (err as Error).message;
    const offset = found?.offset ?? offsetFromMustacheMessage((err as Error).message, template.length);
    const { line, column } = lineAndColumn(template, offset);
    throw new TemplateSyntaxError(label + message, part, line, column);
  }
}

/** Converts a character offset to a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// mustache ends most of its messages with "at <offset>"; used only if our own locator disagrees.
function offsetFromMustacheMessage(message: string, fallback: number): number {
  const match = / at (\d+)$/.exec(message);
  return match ? Number(match[1]) : fallback;
}

/** Where a template fails to parse, and a message that tells the author what to do. */
export interface SyntaxErrorLocation { offset: number; message: string }

const tagTypeRe = /#|\^|\/|>|\{|&|=|!/;

/**
 * Re-scans a template that mustache rejected to find the tag at fault. It follows mustache's own
 * scanner (same regular expressions, same order), but remembers where each tag and section opened,
 * which mustache's messages do not say (an unclosed tag is reported at the end of the text).
 */
export function locateSyntaxError(template: string): SyntaxErrorLocation | undefined {
  let tags = ['{{', '}}'];
  let re = compileTagPatterns(tags);
  const sections: Array<{ name: string; offset: number; open: string; close: string }> = [];
  let pos = 0;
  for (;;) {
    const found = template.slice(pos).search(re.opening);
    if (found === -1) break;
    const start = pos + found;
    pos = start + skip(template, start, re.opening);
    let type = template[pos] !== undefined && tagTypeRe.test(template[pos]) ? template[pos] : 'name';
    if (type !== 'name') pos++;
    pos += skip(template, pos, /\s*/);
    let value: string;
    const triple = type === '{';
    if (type === '=') {
      [value, pos] = scanUntil(template, pos, /\s*=/);
      pos += skip(template, pos, /\s*=/);
      pos = scanUntil(template, pos, re.closing)[1];
    } else if (type === '{') {
      [value, pos] = scanUntil(template, pos, re.closingCurly);
      pos += skip(template, pos, /\s*\}/);
      pos = scanUntil(template, pos, re.closing)[1];
      type = '&';
    } else {
      [value, pos] = scanUntil(template, pos, re.closing);
    }
    const closeLength = matchAt(template, pos, re.closing);
    if (closeLength < 0) {
      const close = triple ? '}' + tags[1] : tags[1];
      return { offset: start, message: `The tag opened with "${tags[0]}" here is never closed with "${close}".` };
    }
    pos += closeLength;
    if (type === '#' || type === '^') {
      sections.push({ name: value, offset: start, open: tags[0], close: tags[1] });
    } else if (type === '/') {
      const open = sections.pop();
      if (!open) {
        return { offset: start, message: `${tags[0]}/${value}${tags[1]} closes a section that was never opened; remove it or add ${tags[0]}#${value}${tags[1]} before it.` };
      }
      if (open.name !== value) {
        return { offset: start, message: `${tags[0]}/${value}${tags[1]} does not match the open section "${open.name}"; close "${open.name}" first.` };
      }
    } else if (type === '=') {
      const next = value.split(/\s+/, 2);
      if (next.length !== 2) {
        return { offset: start, message: `A delimiter change needs two delimiters separated by a space, like ${tags[0]}=<% %>=${tags[1]}.` };
      }
      tags = next;
      re = compileTagPatterns(tags);
    }
  }
  const open = sections.pop();
  if (open) {
    return { offset: open.offset, message: `Section ${open.open}#${open.name}${open.close} is never closed; add ${open.open}/${open.name}${open.close} where it should end.` };
  }
  return undefined;
}

function compileTagPatterns(tags: string[]): { opening: RegExp; closing: RegExp; closingCurly: RegExp } {
  return {
    opening: new RegExp(escapeRegExp(tags[0]) + '\\s*'),
    closing: new RegExp('\\s*' + escapeRegExp(tags[1])),
    closingCurly: new RegExp('\\s*' + escapeRegExp('}' + tags[1])),
  };
}

// Same escaping as mustache's, so that delimiters containing spaces behave the same way.
function escapeRegExp(text: string): string {
  return text.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
}

// Length of the match of `re` starting exactly at `pos`, or -1 (mustache's Scanner.scan, which
// only accepts a match at the start of the remaining text).
function matchAt(text: string, pos: number, re: RegExp): number {
  const match = text.slice(pos).match(re);
  return match && match.index === 0 ? match[0].length : -1;
}

// Like matchAt, but 0 when nothing matches: mustache's scan() then simply does not advance.
function skip(text: string, pos: number, re: RegExp): number {
  return Math.max(0, matchAt(text, pos, re));
}

// Text up to the first match of `re` (or to the end) and the position after it (Scanner.scanUntil).
function scanUntil(text: string, pos: number, re: RegExp): [string, number] {
  const index = text.slice(pos).search(re);
  const end = index === -1 ? text.length : pos + index;
  return [text.slice(pos, end), end];
}
