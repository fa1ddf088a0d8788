import { describe, expect, it } from 'vitest';
import { NameTable } from './context';
import { compileMessageTemplate } from './message-template';
import { parseTokens } from './parser';
import { createRandom, generateHtmlTemplate, generateMergeValues } from './template-fuzzer';
import { htmlToText } from './text-converter';
import { compileTextProgram } from './text-program';
import { compileTextTemplate, isPlainValue, renderTextTemplate } from './text-template';

// The pre-written text must give exactly htmlToText(merged HTML) whenever it is used.

function textTemplateFor(html: string): ReturnType<typeof compileTextTemplate> {
  const names = new NameTable();
  const program = compileTextProgram(parseTokens(html, 'html'), (n) => names.refOf(n), () => false);
  return program && compileTextTemplate(program);
}

// Checks the message's text against htmlToText, and reports whether the pre-written text was used.
function expectSameText(html: string, values: Record<string, unknown>, label = html): boolean {
  const merged = compileMessageTemplate({ subject: '', html }).render(values);
  expect(merged.text, label).toBe(htmlToText(merged.html));
  const template = textTemplateFor(html);
  const text = template && renderTextTemplate(template, values);
  if (text !== undefined) expect(text, label).toBe(merged.text);
  return text !== undefined;
}

describe('text template', () => {
  const values = { name: 'Ann Smith', id: 'A-7', url: 'x.example', amount: '1\u00a0234,5', host: 'x.example' };

  it('is used for section-free templates with plain values, links and images included', () => {
    const templates = [
      '<p class=MsoNormal>Dear {{name}},</p><p>Your id: <b>{{id}}</b></p>',
      '<a href="https://x.example/{{id}}">Statement {{id}}</a> <a href="http://{{host}}">{{host}}</a> <img alt="{{name}}">',
      '<ul><li>{{name}}</li><li>{{amount}}</li></ul><table><tr><td>{{id}}</td><td>{{{name}}}</td></tr></table>',
      '<span title="{{name}}">{{name}}</span><blockquote>{{id}}<br>{{name}}</blockquote>&nbsp;{{id}}&nbsp;',
    ];
    for (const html of templates) expect(expectSameText(html, values), html).toBe(true);
  });

  it('is not compiled for sections, values at the start of an address, unquoted or class values', () => {
    for (const html of ['{{#a}}x{{/a}}', '<a href="{{url}}">x</a>', '<img alt={{name}}>', '<p class="{{name}}">x</p>', '<a href="x/{{{name}}}">x</a>']) {
      expect(textTemplateFor(html), html).toBeUndefined();
    }
  });

  it('writes empty values as a variant, and falls back for values that are not plain', () => {
    const html = '<p>Dear {{title}} {{name}},</p><p><a href="http://x.example/{{name}}">{{name}}</a>{{title}}</p>';
    for (const [title, name] of [['', 'Ann'], [null, 'Ann'], ['Dr.', ''], ['', undefined]]) {
      expect(expectSameText(html, { title, name }), `${title} ${name}`).toBe(true);
    }
    for (const name of [' Ann', 'Ann ', 'A  B', 'A\nB', '\u00a0A', ' ']) {
      expect(expectSameText(html, { title: 'Dr.', name }), JSON.stringify(name)).toBe(false);
    }
  });

  it('knows which values are plain', () => {
    for (const value of ['a', 'Ann Smith', 'x\u00a0y', '<b>', 'ç ğ']) expect(isPlainValue(value), value).toBe(true);
    for (const value of ['', ' ', ' a', 'a ', 'a  b', 'a\tb', 'a\rb', '\u00a0a', 'a\u3000']) expect(isPlainValue(value), JSON.stringify(value)).toBe(false);
  });

  it('matches htmlToText on 3,000 generated well-formed templates and values', () => {
    let used = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const random = createRandom(seed);
      const html = generateHtmlTemplate(random, 0, true);
      const view = generateMergeValues(random);
      if (expectSameText(html, view, `seed ${seed}: ${JSON.stringify(html)} ${JSON.stringify(view)}`)) used++;
    }
    expect(used).toBeGreaterThan(300);
  }, 30_000);
});
