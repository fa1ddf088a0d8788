import { describe, expect, it } from 'vitest';
import { NameTable } from './context';
import { compileMessageTemplate } from './message-template';
import { parseTokens } from './parser';
import { htmlToText } from './text-converter';
import { compileTextProgram } from './text-program';
import { replayTextProgram } from './text-replayer';
import { createRandom, generateHtmlTemplate, generateMergeValues } from './template-fuzzer';

// The text program must give exactly htmlToText(merged HTML). Each case renders both ways; the
// generated part below mixes markup, entities, attributes, sections and awkward values at random.

function programFor(html: string): ReturnType<typeof compileTextProgram> {
  const names = new NameTable();
  return compileTextProgram(parseTokens(html, 'html'), (n) => names.refOf(n), () => false);
}

function expectSameText(html: string, values: Record<string, unknown>, label = html): boolean {
  const merged = compileMessageTemplate({ subject: '', html }).render(values);
  expect(merged.text, label).toBe(htmlToText(merged.html));
  const program = programFor(html);
  return program !== undefined && replayTextProgram(program, values) !== undefined;
}

const values = {
  name: 'Ann & "Bo" <x>', empty: '', space: '  ', id: 42, url: 'https://example.com/?a=1&b=2', vip: true,
  list: [{ item: 'one' }, { item: 'two & <three>' }], none: [], raw: '<b>bold</b>', plain: 'plainraw', mso: 'MsoNormal',
  entity: 'amp;', lines: 'a\nb\r\nc', fn: () => 'lambda',
};

describe('text program', () => {
  it('is used for ordinary templates and matches htmlToText', () => {
    const templates = [
      '<p class=MsoNormal>Dear {{name}},</p><p>{{empty}} {{space}} x {{id}}</p>',
      '<a href="{{url}}">{{name}}</a> <a href="mailto:{{name}}">{{url}}</a> <img alt="{{name}}">',
      '<ul>{{#list}}<li>{{item}}</li>{{/list}}</ul>{{^none}}<p>none</p>{{/none}}',
      '{{#vip}}<blockquote>VIP {{name}}</blockquote>{{/vip}}<table><tr><td>{{id}}</td><td>{{lines}}</td></tr></table>',
      '<p class="{{mso}}">a</p><p class="{{mso}}">b</p>&copy; {{plain}} {{{plain}}} &amp;{{entity}}',
      '<head><style>p{}</style></head><!-- note --><div>{{name}}<br>{{#list}}{{item}}, {{/list}}</div>',
    ];
    for (const html of templates) expect(expectSameText(html, values), html).toBe(true);
  });

  it('is not used where values could change the markup, and the text is still right', () => {
    const templates = [
      '<{{plain}}>x', '<b{{plain}}>x</b>', '&am{{entity}} x', '<!-- {{name}} -->x', '<style>{{name}}</style>x',
      '<p {{#vip}}class="MsoNormal"{{/vip}}>x</p>', '{{#vip}}<b{{/vip}}>x', '<pre>{{name}}</pre>', '{{#vip}}&amp{{/vip}};',
    ];
    for (const html of templates) expect(expectSameText(html, values), html).toBe(false);
  });

  it('falls back per recipient when a raw value carries markup or a value is a function', () => {
    expect(expectSameText('<p>{{{raw}}}</p>', values)).toBe(false);
    expect(expectSameText('<p>{{{plain}}}</p>', values)).toBe(true);
    expect(expectSameText('<p>{{fn}}</p>', values)).toBe(false);
  });

  it('matches htmlToText on 3,000 generated templates and values', () => {
    let usedProgram = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const random = createRandom(seed);
      const html = generateHtmlTemplate(random);
      const view = generateMergeValues(random);
      let parsed = true;
      try {
        parseTokens(html, 'html');
      } catch {
        parsed = false;
      }
      if (parsed && expectSameText(html, view, `seed ${seed}: ${JSON.stringify(html)} ${JSON.stringify(view)}`)) usedProgram++;
    }
    expect(usedProgram).toBeGreaterThan(900); // the rest exercise the fallback
  }, 30_000);
});
