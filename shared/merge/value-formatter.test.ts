import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { createValueFormatter, escapeHtml, flattenLineBreaks } from './value-formatter';

describe('escapeHtml', () => {
  it('escapes exactly the characters mustache escapes, the same way', () => {
    const samples = ['', 'plain', '&<>"\'/`=', '<script>alert("x")</script>', 'a&b', '{{{x}}}', 'çğış ünïcode 😀 &amp;', '==//``', 'tail&'];
    for (const sample of samples) expect(escapeHtml(sample), sample).toBe(Mustache.escape(sample));
    let all = '';
    for (let code = 0; code < 256; code++) all += String.fromCharCode(code);
    expect(escapeHtml(all)).toBe(Mustache.escape(all));
  });
});

describe('flattenLineBreaks', () => {
  it('turns every run of CR and LF into one space', () => {
    expect(flattenLineBreaks('a\r\nb\n\nc\rd')).toBe('a b c d');
    expect(flattenLineBreaks('no breaks')).toBe('no breaks');
  });
});

describe('createValueFormatter', () => {
  it('formats numbers with the locale, thousands always grouped', () => {
    expect(createValueFormatter('tr')(1234.5)).toBe('1.234,5');
    for (const locale of ['ru', 'pl', 'sk']) expect(createValueFormatter(locale)(1234.5), locale).toBe('1\u00a0234,5');
    expect(createValueFormatter('en')(1234567.891)).toBe('1,234,567.891');
    expect(createValueFormatter('tr')(Number.NaN)).toBeNaN();
  });

  it('formats ISO dates and Date objects as day.month.year where the locale does', () => {
    for (const locale of ['tr', 'ru', 'pl', 'sk']) {
      const format = createValueFormatter(locale);
      expect(format('2026-07-01'), locale).toBe('01.07.2026');
      expect(format(new Date(Date.UTC(2026, 6, 1))), locale).toBe('01.07.2026');
    }
    expect(createValueFormatter('en-US')('2026-07-01')).toBe('07/01/2026');
  });

  it('leaves strings that are not dates, impossible dates and other values alone', () => {
    const format = createValueFormatter('tr');
    for (const value of ['1234.5', '2026-02-30', '2026-7-1', '2026-07-01T10:00:00Z', 'text', true, null, { a: 1 }]) {
      expect(format(value)).toBe(value);
    }
  });
});
