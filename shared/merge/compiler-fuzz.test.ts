import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/support/random';
import { compileTokens } from './compiler';
import { parseTokens } from './parser';

// Generated differential test: thousands of random (but reproducible) templates mixing every tag
// kind, standalone lines, indentation and delimiter changes, rendered against random data by our
// compiler and by mustache.render. The generator only produces text; it knows nothing of rendering.

const names = ['a', 'b', 'c', 'a.b', 'b.c', 'a.b.c', '.', 'list', 'obj', 'obj.n', 't', 'n', 's', 'missing', 'first name'];
const texts = ['x', ' ', '\n', '  ', '<&>', '\t', 'a b', '\r\n', `"'`, '=/`', '{', '}', '\n  '];
const partials = { p1: '{{a}}\n', p2: ' {{#list}}[{{b}}]{{/list}}\n  x\n', p3: '{{=| |=}}|n|{{s}}' };

function generateTemplate(random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  let [open, close] = ['{{', '}}'];
  const tag = (body: string): string => open + body + close;
  const block = (depth: number): string => {
    let out = '';
    const count = 1 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const roll = random();
      if (roll < 0.3) out += pick(texts);
      else if (roll < 0.5) out += tag(pick(['', ' ']) + pick(names) + pick(['', ' ']));
      else if (roll < 0.58) out += open === '{{' && random() < 0.5 ? `{{{${pick(names)}}}}` : tag('&' + pick(names));
      else if (roll < 0.78 && depth < 3) {
        const name = pick(names.filter((n) => n !== 'first name'));
        const kind = pick(['#', '#', '^']);
        const nl = random() < 0.4 ? '\n' : '';
        const indent = pick(['', '', '  ', '\t']);
        out += indent + tag(kind + name) + nl + block(depth + 1) + indent + tag('/' + name) + nl;
      } else if (roll < 0.84) out += pick(['', '  ']) + tag('! note ') + pick(['', '\n']);
      else if (roll < 0.92) out += pick(['', '  ', 'x ']) + tag('>' + pick(['p1', 'p2', 'p3', 'nope'])) + pick(['', '\n']);
      else {
        const next = pick([['{{', '}}'], ['<%', '%>'], ['[', ']'], ['|', '|']]);
        out += pick(['', '\n', '  ']) + tag(`=${next[0]} ${next[1]}=`) + pick(['', '\n']);
        [open, close] = next;
      }
    }
    return out;
  };
  return block(0);
}

function generateValue(random: () => number, depth: number): unknown {
  const roll = random();
  if (roll < 0.2) return ['', 'plain', 'A & <b>"q"</b>', "it's", '0', ' '][Math.floor(random() * 6)];
  if (roll < 0.32) return [0, 1, -2.5, 1234.5][Math.floor(random() * 4)];
  if (roll < 0.42) return random() < 0.5;
  if (roll < 0.48) return random() < 0.5 ? null : undefined;
  if (roll < 0.7 && depth < 3) return Array.from({ length: Math.floor(random() * 3) }, () => generateValue(random, depth + 1));
  if (depth < 3) return generateView(random, depth + 1);
  return 'leaf';
}

function generateView(random: () => number, depth: number): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of ['a', 'b', 'c', 'list', 'obj', 't', 'n', 's', 'first name']) {
    if (random() < 0.6) view[key] = generateValue(random, depth);
  }
  return view;
}

describe('generated templates render exactly as mustache.render', () => {
  it('matches on 3,000 random template and data pairs', () => {
    let rendered = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const random = createRandom(seed);
      const template = generateTemplate(random);
      const view = generateView(random, 0);
      let tokens;
      try {
        tokens = parseTokens(template, 'html');
      } catch {
        expect(() => Mustache.render(template, view, partials), `seed ${seed}`).toThrow();
        continue;
      }
      const expected = attempt(() => Mustache.render(template, view, partials));
      const actual = attempt(() => compileTokens(template, tokens, { part: 'html', mode: 'html', partials }).render(view));
      expect(actual, `seed ${seed}: ${JSON.stringify(template)} ${JSON.stringify(view)}`).toEqual(expected);
      if (actual.output !== undefined) rendered++;
    }
    // Guard against a generator that only makes broken templates.
    expect(rendered).toBeGreaterThan(2000);
  }, 30_000);
});

function attempt(render: () => string): { output?: string; threw?: string } {
  try {
    return { output: render() };
  } catch (err) {
    return { threw: (err as Error).constructor.name };
  }
}
