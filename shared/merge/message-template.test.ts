import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { compileMessageTemplate, TemplateSyntaxError } from './index';

describe('compileMessageTemplate', () => {
  it('lists every field once, in order of first use, sections and dotted names included', () => {
    const template = compileMessageTemplate({
      subject: 'Hello {{firstName}}',
      html: '{{#vip}}<b>{{firstName}}</b>{{/vip}}{{^vip}}{{title}}{{/vip}} {{company.name}} {{{signature}}} {{#items}}{{.}}{{/items}}',
      text: '{{&note}} {{! not a field }}',
    });
    expect(template.fields).toEqual(['firstName', 'vip', 'title', 'company.name', 'signature', 'items', 'note']);
  });

  it('escapes values in HTML exactly as mustache does and never re-reads a value as template', () => {
    const html = '<p title="{{name}}">{{name}}</p>';
    const values = { name: `<script>alert("x")</script> {{{name}}} & 'q' \`=/` };
    const merged = compileMessageTemplate({ subject: '', html }).render(values);
    expect(merged.html).toBe(Mustache.render(html, values));
    expect(merged.html).not.toContain('<script>');
    expect(merged.html).toContain('{{{name}}}');
  });

  it('merges triple and ampersand tags raw, as the author asked', () => {
    const merged = compileMessageTemplate({ subject: '', html: '{{{sig}}}|{{& sig}}' }).render({ sig: '<i>Ann</i>' });
    expect(merged.html).toBe('<i>Ann</i>|<i>Ann</i>');
  });

  it('leaves subject and text values unescaped and collapses line breaks in subject values', () => {
    const merged = compileMessageTemplate({ subject: 'Re: {{topic}} ({{{topic}}})', html: '', text: 'A & {{topic}}\n' })
      .render({ topic: 'Q&A <2026>\r\nBcc: victim@example.com\n\nx' });
    expect(merged.subject).toBe('Re: Q&A <2026> Bcc: victim@example.com x (Q&A <2026> Bcc: victim@example.com x)');
    expect(merged.text).toBe('A & Q&A <2026>\r\nBcc: victim@example.com\n\nx\n');
  });

  it('generates the text alternative from the merged HTML unless a text template is given', () => {
    const src = { subject: 'Hi', html: '<p>Dear {{name}},</p><p>see <a href="https://x.example/{{id}}">your page</a></p>' };
    expect(compileMessageTemplate(src).render({ name: 'Ann & Bo', id: 7 }).text).toBe('Dear Ann & Bo,\n\nsee your page (https://x.example/7)');
    expect(compileMessageTemplate({ ...src, text: 'Dear {{name}}' }).render({ name: 'Ann & Bo', id: 7 }).text).toBe('Dear Ann & Bo');
  });

  it('renders partials given as an option', () => {
    const template = compileMessageTemplate({ subject: '{{>greet}}', html: '<p>{{>greet}}</p>' }, { partials: { greet: 'Hi {{name}}' } });
    expect(template.render({ name: '<Ann>' })).toMatchObject({ subject: 'Hi <Ann>', html: '<p>Hi &lt;Ann&gt;</p>' });
    expect(template.fields).toEqual(['name']);
  });

  it('formats numbers and ISO dates for the locale when they are merged', () => {
    const src = { subject: '{{amount}} {{due}}', html: '{{amount}} {{due}} {{when}} {{code}}' };
    const values = { amount: 1234.5, due: '2026-07-01', when: new Date(Date.UTC(2026, 6, 1)), code: '2026-13-45' };
    for (const [locale, amount] of [['tr', '1.234,5'], ['ru', '1\u00a0234,5'], ['pl', '1\u00a0234,5'], ['sk', '1\u00a0234,5']]) {
      const merged = compileMessageTemplate(src, { locale }).render(values);
      expect(merged.subject, locale).toBe(`${amount} 01.07.2026`);
      expect(merged.html, locale).toBe(`${amount} 01.07.2026 01.07.2026 2026-13-45`);
    }
  });

  it('leaves section tests on the raw value, so 0 is still false when formatted', () => {
    const template = compileMessageTemplate({ subject: '', html: '{{#count}}{{count}} items{{/count}}{{^count}}none{{/count}}' }, { locale: 'tr' });
    expect(template.render({ count: 0 }).html).toBe('none');
    expect(template.render({ count: 12345 }).html).toBe('12.345 items');
  });

  it('equals mustache.render when no locale is given, numbers and dates included', () => {
    const html = '{{amount}} {{due}}';
    const values = { amount: 1234.5, due: '2026-07-01' };
    expect(compileMessageTemplate({ subject: '', html }).render(values).html).toBe(Mustache.render(html, values));
  });

  it('throws TemplateSyntaxError with the part, line and column of the fault', () => {
    const cases: Array<[{ subject: string; html: string; text?: string }, string, number, number, RegExp]> = [
      [{ subject: 'ok', html: '<p>\n  {{#vip}}\n</p>' }, 'html', 2, 3, /never closed/],
      [{ subject: 'Hi {{name', html: '' }, 'subject', 1, 4, /never closed/],
      [{ subject: '', html: '{{#a}}\n{{#b}}\n{{/a}}{{/b}}' }, 'html', 3, 1, /does not match/],
      [{ subject: '', html: '', text: 'line\n{{/x}}' }, 'text', 2, 1, /never opened/],
    ];
    for (const [src, part, line, column, message] of cases) {
      let caught: unknown;
      try {
        compileMessageTemplate(src);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(TemplateSyntaxError);
      expect(caught).toMatchObject({ part, line, column });
      expect((caught as Error).message).toMatch(message);
    }
  });

  it('reports a broken partial at compile time', () => {
    expect(() => compileMessageTemplate({ subject: '', html: '{{>p}}' }, { partials: { p: '{{#x}}' } })).toThrow(/In partial "p"/);
  });
});
