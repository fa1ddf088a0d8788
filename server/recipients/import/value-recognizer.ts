/**
 * Recognises single values: e-mail addresses, yes/no words, telephone numbers, and tidies text.
 * Dates and numbers have their own readers because their meaning depends on the whole column.
 */
import { readNumberShape } from './number-reader';

const SPACES = /[\u00a0\u202f\u2007\u2009]/g;
const ODD_SPACE = /[\u00a0\u202f\u2007\u2009]/;

/** Trims a cell and turns no-break and thin spaces (Excel and 1C love them) into plain ones. */
export function normaliseText(text: string): string {
  const spaced = ODD_SPACE.test(text) ? text.replace(SPACES, ' ') : text;
  return spaced.trim();
}

/** Normalises a header cell: plain spaces, single spaces, trimmed. */
export function normaliseName(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ');
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@(?:[^\s@<>()[\]\\,;:"'.]+\.)+[^\s@<>()[\]\\,;:"'.\d]{2,}$/u;

/** The address in a cell ("a@b.tr", "mailto:a@b.tr", "Ali Veli <a@b.tr>"), or undefined. */
export function readEmail(text: string): string | undefined {
  let candidate = text;
  if (candidate.charCodeAt(candidate.length - 1) === 62 /* > */) {
    const open = candidate.lastIndexOf('<');
    if (open >= 0) candidate = candidate.slice(open + 1, -1).trim();
  }
  if (/^mailto:/i.test(candidate)) candidate = candidate.slice(7).split('?')[0];
  if (!EMAIL.test(candidate) || candidate.includes('..') || candidate.startsWith('.') || candidate.includes('.@')) {
    return undefined;
  }
  return candidate;
}

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['evet', true], ['hayır', false], ['hayir', false],
  ['да', true], ['нет', false],
  ['tak', true], ['nie', false],
  ['áno', true], ['ano', true],
  ['yes', true], ['no', false],
  ['true', true], ['false', false],
]);

/** The truth value of evet/hayır, да/нет, tak/nie, áno/nie, yes/no, true/false in any case. */
export function readBoolean(text: string): boolean | undefined {
  if (text.length > 5) return undefined;
  // 'HAYIR'.toLowerCase() is 'hayir', so plain lower-casing meets the map's dotless and dotted forms.
  return BOOLEAN_WORDS.get(text.toLowerCase());
}

const PHONE = /^[+(]?\d[\d ().\-/]*$/;

/** How a value reads as a telephone number. */
export interface PhoneShape {
  /** Written the way only phone numbers are: +, brackets, dashes, a trunk 0, groups of two. */
  distinctive: boolean;
}

/** Recognises a telephone number of 7 to 15 digits, in any of the usual groupings. */
export function readPhoneShape(text: string): PhoneShape | undefined {
  if (!PHONE.test(text)) return undefined;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  if (digits < 7 || digits > 15) return undefined;
  const distinctive = text[0] === '+' || text[0] === '(' || /[-()/]/.test(text)
    || (text[0] === '0' && digits >= 10)
    || (/[ .]/.test(text) && readNumberShape(text) === undefined);
  return { distinctive };
}
