import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseTokens, TemplateSyntaxError } from './parser';

// Finds where parsing fails, as the author would see it: part, line, column and message.
function failure(template: string): { line: number; column: number; message: string } {
  try {
    parseTokens(template, 'html');
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    const { line, column, message } = err as TemplateSyntaxError;
    return { line, column, message };
  }
  throw new Error(`parsed: ${template}`);
}

describe('parseTokens', () => {
  it('returns what mustache.parse returns', () => {
    const template = 'a {{#s}}\n  {{x}}\n{{/s}}{{=<% %>=}}<%y%>';
    expect(parseTokens(template, 'html')).toEqual(Mustache.parse(template));
  });

  it('points an unclosed tag at its opening', () => {
    expect(failure('Dear {{name},\nthanks')).toMatchObject({ line: 1, column: 6, message: expect.stringContaining('never closed with "}}"') });
    expect(failure('a\nb {{{raw}}')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('"}}}"') });
  });

  it('points an unclosed section at its opening tag', () => {
    expect(failure('x\n\n  {{#vip}} yes')).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('{{#vip}} is never closed') });
    expect(failure('{{^a}}{{#b}}{{/b}}')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('add {{/a}}') });
  });

  it('points a mismatched or unopened closing tag at itself', () => {
    expect(failure('{{#a}}\n  {{#b}}{{/a}}')).toMatchObject({ line: 2, column: 9, message: expect.stringContaining('does not match the open section "b"') });
    expect(failure('ok\n{{/a}}')).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('never opened') });
  });

  it('follows delimiter changes when locating, and rejects bad ones', () => {
    expect(failure('{{=<% %>=}}\n<%#a%>{{/a}}')).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('<%#a%> is never closed') });
    expect(failure('a {{=<%=}}')).toMatchObject({ line: 1, column: 3, message: expect.stringContaining('two delimiters') });
  });

  it('agrees with mustache on what is an error', () => {
    for (const template of ['{{a}', '{{#a}}{{/a}}}', '{{{a}}}}', '{{= | | =}}|a|', '{{!x}', '{{>p}}', '}}{{', '{{ }}']) {
      let mustacheThrew = false;
      try {
        Mustache.parse(template);
      } catch {
        mustacheThrew = true;
      }
      if (mustacheThrew) expect(() => parseTokens(template, 'text'), template).toThrow(TemplateSyntaxError);
      else expect(() => parseTokens(template, 'text'), template).not.toThrow();
    }
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\n', 6)).toEqual({ line: 3, column: 1 });
  });
});
