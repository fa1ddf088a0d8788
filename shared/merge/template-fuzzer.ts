// Test support only (imported by *.test.ts, never by the product): reproducible random HTML
// templates and recipient values for the differential tests of the generated text.

export { createRandom } from '../../test/support/random';

const markup = [
  'text', ' ', '\n  ', '&amp;', '&nbsp;', '&', '&am', ';', '<', '</', '>', '"', '<p>', '</p>', '<p class=MsoNormal>', '<br>',
  '<div>', '</div>', '<b>', '</b>', '<ul>', '</ul>', '<ol>', '<li>', '</li>', '<a href="http://x.example/', '">', '</a>',
  '<a href=\'', "'>", '<img alt="', '" src=x>', '<!-- c -->', '<!--', '-->', '<style>', '</style>', '<table><tr><td>',
  '</td><td>', '</td></tr></table>', '<blockquote>', '</blockquote>', '<hr>', '<h1>', '</h1>', '<pre>', '</pre>', '<x-y a=1>',
];
// Well-formed pieces, so that most generated templates are eligible for the fast paths.
const wellFormed = [
  'Dear ', ', ', 'text', ' ', '\n  ', '&amp; ', '&nbsp;', '<p>', '</p>', '<p class=MsoNormal>', '<br>', '<div>', '</div>',
  '<b>', '</b>', '<ul><li>', '</li><li>', '</li></ul>', '<ol><li>', '</li></ol>', '<a href="http://x.example/', '<a href="',
  '">', '">link text</a>', '</a>', '<img alt="', '" src=x>', '<table><tr><td>', '</td><td>', '</td></tr></table>',
  '<blockquote>', '</blockquote>', '<hr>', '<h2>', '</h2>', '<span title="', '">',
];
const names = ['v', 'w', 'list', 'flag', 'item'];

/** A random HTML template; `wellFormedOnly` leaves out broken markup and sections. */
export function generateHtmlTemplate(random: () => number, depth = 0, wellFormedOnly = false): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  let out = '';
  const count = 1 + Math.floor(random() * (wellFormedOnly ? 16 : 10));
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.55) out += pick(wellFormedOnly ? wellFormed : markup);
    else if (roll < 0.8) out += `{{${pick(names)}}}`;
    else if (roll < 0.85) out += `{{{${pick(names)}}}}`;
    else if (depth < 2 && !wellFormedOnly) {
      const name = pick(['list', 'flag', 'v', 'none']);
      const kind = pick(['#', '^']);
      out += `{{${kind}${name}}}${generateHtmlTemplate(random, depth + 1)}{{/${name}}}`;
    }
  }
  return out;
}

/** Random recipient values: plain words mostly, and the awkward cases (blanks, markup, breaks). */
export function generateMergeValues(random: () => number): Record<string, unknown> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const scalar = (): unknown => pick([
    'plain', 'Ann Smith', 'A & B', 'x"y', "o'k", '1\u00a0234,5', 'x.example', 'http://x.example/plain', 42, 12.5,
    '', ' ', ' lead', 'trail ', 'two  spaces', 'a\nb', '\u00a0edge', '<i>', 'amp;', '-->', null, true,
  ]);
  return {
    v: scalar(), w: scalar(), item: scalar(), flag: pick([true, false, 0, 'yes', []]),
    list: pick([[], [{ item: 'one' }, { item: '<two>' }], [{ v: '&' }], 'str', { item: 'obj' }]),
  };
}
