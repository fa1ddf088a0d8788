import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { compileTokens } from './compiler';
import { parseTokens } from './parser';

// Differential test: every template below is rendered with every view, by our compiler and by
// mustache.render itself, and the outputs (or the fact that both throw) must be identical.

const partials: Record<string, string> = {
  card: '<b>{{name}}</b>\n',
  lines: 'first {{a}}\nsecond {{b}}\n',
  tree: '{{name}}{{#kids}}({{>tree}}){{/kids}}',
  delims: '{{=<% %>=}}<% a %>|',
  empty: '',
};

const templates: Record<string, string[]> = {
  interpolation: [
    'Hello, {{name}}!', '{{{name}}} {{&name}} {{ name }} {{{ name }}} {{& name }}', '{{html}} {{{html}}} {{&html}}',
    '{{n}} {{zero}} {{f}} {{neg}} {{big}}', '{{t}} {{no}} {{nil}} {{undef}} {{missing}}', '{{list}} {{obj}} {{empty}}',
    '{{a.b.c}} {{a.b}} {{a}} {{a.x.y}}', '{{obj.name}} {{obj.missing}} {{str.length}} {{name.length}}',
    '{{.}}', '{{first name}} {{ first name }}', '{{fn}} {{{fn}}} {{obj.fn}}', '{{toString}} {{constructor.name}}',
    'a{{x}}b{{y}}c{{z}}d', '{{#list}}{{.}}{{/list}}', '{{.name}} {{name.}} {{..}}', '{{a.b.c.d}} {{n.x}}',
  ],
  sections: [
    '{{#t}}yes{{/t}}{{#no}}no{{/no}}', '{{#zero}}0{{/zero}}{{#n}}[{{.}}]{{/n}}{{#str}}<{{.}}>{{/str}}{{#emptyStr}}e{{/emptyStr}}',
    '{{#list}}[{{name}}|{{n}}]{{/list}}', '{{#nums}}{{.}},{{/nums}}', '{{#empty}}never{{/empty}}', '{{#obj}}{{name}}-{{n}}{{/obj}}',
    '{{#a}}{{#b}}{{c}}{{/b}}{{/a}}', '{{#a.b}}{{c}}{{/a.b}}', '{{#list}}{{#obj}}{{name}}{{/obj}}{{/list}}',
    '{{#nested}}{{#items}}{{label}}:{{outer}}:{{name}};{{/items}}{{/nested}}', '{{#t}}{{#t}}{{#t}}deep {{name}}{{/t}}{{/t}}{{/t}}',
    '{{#nil}}x{{/nil}}{{#undef}}y{{/undef}}{{#missing}}z{{/missing}}', '{{#list}}{{.}}{{/list}}', '{{#str}}{{length}}{{/str}}',
    '{{#nums}}{{#t}}{{.}}{{/t}}{{/nums}}', '{{#nulls}}[{{.}}]{{/nulls}}', '{{#nulls}}[{{x}}]{{/nulls}}', '{{#fn}}in{{/fn}}',
    '{{#matrix}}({{#.}}{{.}}{{/.}}){{/matrix}}', '{{#list}}{{name}}{{#list}}{{name}}{{/list}};{{/list}}',
  ],
  inverted: [
    '{{^t}}t{{/t}}{{^no}}no{{/no}}{{^zero}}zero{{/zero}}{{^emptyStr}}es{{/emptyStr}}', '{{^empty}}empty list{{/empty}}{{^list}}list{{/list}}',
    '{{^nil}}nil{{/nil}}{{^missing}}missing{{/missing}}{{^obj}}obj{{/obj}}', '{{#t}}A{{/t}}{{^t}}B{{/t}}',
    '{{^a.b.c}}none{{/a.b.c}}{{^a.x}}nox{{/a.x}}', '{{#list}}{{^n}}no n{{/n}}{{/list}}', '{{^nums}}{{.}}{{/nums}}',
  ],
  lambdas: [
    '{{#bold}}Hi {{name}}.{{/bold}}', '{{#bold}}{{#list}}{{name}}{{/list}}{{/bold}}', '{{#raw}}{{name}}{{/raw}}',
    '{{counter}}{{counter}}{{#counter}}x{{/counter}}', '{{shout}} {{{shout}}}', '{{#list}}{{#bold}}{{name}}{{/bold}}{{/list}}',
    '{{=<% %>=}}<%#bold%>{{name}}<%/bold%>', '{{#nothing}}gone{{/nothing}}',
  ],
  partials: [
    '{{>card}}', '{{#list}}{{>card}}{{/list}}', '  {{>lines}}', 'x {{>lines}}', '\t{{>card}}\n|', '{{>missing}}|{{>empty}}|',
    '{{>tree}}', '{{#list}}\n  {{>lines}}\n{{/list}}', '{{>delims}}{{a}}', '{{=<% %>=}}<%>card%>', '{{> card }}',
  ],
  delimiters: [
    '{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}', '{{= | | =}}|name| |{name}| |&name|', '{{=[ ]=}}[#list][name][/list]',
    '{{=<% %>=}}\n<%#t%>\nyes\n<%/t%>\n', '({{=[ ]=}})[name]', '{{=<< >>=}}<<{name}>> <<&name>>',
  ],
  comments: [
    'a{{! comment }}b', 'a\n{{! standalone }}\nb', '{{! multi\nline }}x', 'a {{!inline}} b\n  {{! indented }}  \nc',
    '{{!}}{{! {{name}} }}', '1{{! c }}2{{! d }}3',
  ],
  whitespace: [
    '| {{#t}} {{/t}} |', ' {{#t}}\n  line\n {{/t}}\n', '{{#t}}\nblock\n{{/t}}', '  {{^no}}\n  inv\n  {{/no}}\n',
    '#{{#t}}\n/\n{{/t}}', 'a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc', '  {{#t}}  \n  x\n  {{/t}}', '{{#t}}\n{{name}}\n{{/t}}\n',
    '  {{name}}\n  {{#t}}\n{{/t}}', 'a\n  {{=<% %>=}}\nb<%name%>', '\t{{#list}}\n\t\t{{name}}\n\t{{/list}}\n',
    '{{#t}}{{#t}}\n  x\n{{/t}}{{/t}}\n', 'a {{#t}}\n b {{/t}}\n', '\n{{#t}}\n\n{{/t}}\n\n',
  ],
  escaping: [
    '<a href="{{url}}">{{html}}</a>', '{{quote}} {{{quote}}}', '{{tricky}}', '{{{tricky}}}', '<p title="{{html}}">{{&quote}}</p>',
  ],
};

const views: Array<[string, () => Record<string, unknown>]> = [
  ['rich', () => ({
    name: 'Ada & "Bob"', html: '<script>alert(1)</script>', n: 42, zero: 0, f: 3.5, neg: -1, big: 1e21, t: true, no: false,
    nil: null, undef: undefined, list: [{ name: 'x', n: 1 }, { name: 'y<' }], obj: { name: 'O', n: 7, fn() { return 'objfn'; } },
    empty: [], emptyStr: '', str: 'abc', nums: [1, 2, 0, 3], nulls: [null, 1], a: { b: { c: 'C', d: null } },
    'first name': 'Ann', fn: () => 'from fn', matrix: [[1, 2], [3]], nested: { outer: 'O', items: [{ label: 'L1' }, { label: 'L2', name: 'N2' }] },
    url: 'https://example.com/?a=1&b=`2`', quote: `it's "quoted" = /path/`, tricky: '{{{name}}} {{#t}}x{{/t}} <%name%>',
    bold: () => (text: string, render: (t: string) => string) => `<b>${render(text)}</b>`,
    raw: () => (text: string) => `[${text}]`, nothing: () => () => null, shout() { return `${String((this as { name: string }).name).toUpperCase()}!`; },
    counter: (() => { let i = 0; return () => ++i; })(), kids: [{ name: 'k1', kids: [{ name: 'k2' }] }], b: 'B',
  })],
  ['sparse', () => ({ name: 'Plain', list: [{}], t: true })],
  ['falsy', () => ({ name: '', n: 0, t: 0, no: '', list: null, obj: null, a: null, str: '', nums: [], zero: false, empty: false })],
  ['truthy', () => ({ name: 0, n: '7', t: 'yes', no: [0], list: 'string', obj: [1, 2], a: { b: 'not-object' }, str: 5, nums: [[]], empty: [null] })],
  ['shadow', () => ({ name: 'outer', b: 'outerB', a: { b: { c: { name: 'inner' } }, name: 'aName' }, list: [{ list: [{ name: 'deep' }], name: 'mid' }], t: { name: 'tname' } })],
  ['tree', () => ({ name: 'root', kids: [{ name: 'a', kids: [{ name: 'a1', kids: [] }] }, { name: 'b' }], a: 'A', b: 'B' })],
  ['empty', () => ({})],
];

describe('compiled templates render exactly as mustache.render', () => {
  for (const [category, list] of Object.entries(templates)) {
    it(category, () => {
      let compared = 0;
      for (const template of list) {
        const compiled = compileTokens(template, parseTokens(template, 'html'), { part: 'html', mode: 'html', partials });
        for (const [label, makeView] of views) {
          const expected = attempt(() => Mustache.render(template, makeView(), partials));
          const actual = attempt(() => compiled.render(makeView()));
          expect(actual, `${category} ${JSON.stringify(template)} with ${label}`).toEqual(expected);
          compared++;
        }
      }
      expect(compared).toBe(list.length * views.length);
    });
  }

  it('renders plain text exactly as mustache.render with a no-op escape', () => {
    for (const template of [...templates.interpolation, ...templates.sections, ...templates.escaping]) {
      const compiled = compileTokens(template, parseTokens(template, 'text'), { part: 'text', mode: 'plain', partials });
      const view = views[0][1];
      expect(attempt(() => compiled.render(view())), template).toEqual(attempt(() => Mustache.render(template, view(), partials, { escape: String })));
    }
  });

  it('renders nothing for partials when none are given, as mustache does', () => {
    const template = 'a{{>card}}b';
    expect(compileTokens(template, parseTokens(template, 'html'), { part: 'html', mode: 'html' }).render({ name: 'x' })).toBe(Mustache.render(template, { name: 'x' }));
  });
});

// Both sides either render a string or throw; a throw is compared by its kind, not its wording.
function attempt(render: () => string): { output?: string; threw?: string } {
  try {
    return { output: render() };
  } catch (err) {
    return { threw: (err as Error).constructor.name };
  }
}
