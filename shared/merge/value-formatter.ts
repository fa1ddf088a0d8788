// How a merged value becomes text: HTML escaping, subject flattening, locale formatting.

/** How merged values are made safe for the part they land in. */
export type EscapeMode = 'html' | 'plain' | 'subject';

// The characters mustache's escapeHtml replaces: & < > " ' / ` =
const escapable = /[&<>"'`=/]/;

/** HTML-escapes text exactly as mustache.escape does, but without a callback per character. */
export function escapeHtml(text: string): string {
  const first = text.search(escapable);
  if (first === -1) return text;
  let out = text.slice(0, first);
  let last = first;
  for (let i = first; i < text.length; i++) {
    let entity: string;
    switch (text.charCodeAt(i)) {
      case 38: entity = '&amp;'; break;
      case 60: entity = '&lt;'; break;
      case 62: entity = '&gt;'; break;
      case 34: entity = '&quot;'; break;
      case 39: entity = '&#39;'; break;
      case 47: entity = '&#x2F;'; break;
      case 96: entity = '&#x60;'; break;
      case 61: entity = '&#x3D;'; break;
      default: continue;
    }
    if (last !== i) out += text.slice(last, i);
    out += entity;
    last = i + 1;
  }
  return last === text.length ? out : out + text.slice(last);
}

/** Collapses line breaks in a subject value to one space, so a value cannot add header lines. */
export function flattenLineBreaks(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[\r\n]+/g, ' ') : text;
}

/** Turns a merged value into its display form for a locale; other values pass through untouched. */
export type ValueFormatter = (value: unknown) => unknown;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats numbers and ISO dates (`yyyy-mm-dd`, or Date objects as spreadsheets give them) for a
 * locale with Intl. Thousands are always grouped, so 1234.5 reads "1 234,5" in Polish too, and a
 * spaced date separator (Slovak "01. 07. 2026") is closed up, so dates read "01.07.2026" alike.
 */
export function createValueFormatter(locale: string): ValueFormatter {
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'always' } as Intl.NumberFormatOptions);
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const formatDate = (date: Date): string =>
    dates.formatToParts(date).map((p) => (p.type === 'literal' && /^\.\s+$/.test(p.value) ? '.' : p.value)).join('');
  return (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? numbers.format(value) : value;
    if (typeof value === 'string') {
      const match = isoDate.exec(value);
      if (match === null) return value;
      const date = new Date(0);
      date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      // 2026-02-30 is not a date; leave what the author's data says rather than invent one.
      return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? formatDate(date) : value;
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : formatDate(value);
    return value;
  };
}
