import type { Locale, Message } from './catalog';
import type { MessageKey } from './en';
import { catalogs } from './catalogs';

/** Values substituted into `{name}` placeholders; `count` also picks the plural form. */
export type MessageParams = Record<string, string | number>;

/** Everything a component needs to speak the user's language. */
export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  formatNumber(value: number): string;
  /** A file size in the locale's units and digits (`1,5 MB`, `340 kB`). */
  formatBytes(bytes: number): string;
  formatDateTime(iso: string | null | undefined): string;
  formatTime(iso: string | null | undefined): string;
}

/** Replaces `{name}` with params[name]; placeholders without a value are left as written. */
export function interpolate(template: string, params: MessageParams, format: (n: number) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? format(value) : value;
  });
}

/** Builds the translator of one locale; missing keys fall back to English, then to the key. */
export function createTranslator(locale: Locale): Translator {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const times = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const formatNumber = (n: number): string => numbers.format(n);
  const sizes = (['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const).map(
    (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  );
  const formatBytes = (bytes: number): string => {
    const step = Math.min(sizes.length - 1, Math.max(0, Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024))));
    return sizes[step].format(bytes / 1024 ** step);
  };

  const pick = (message: Message, params: MessageParams): string => {
    if (typeof message === 'string') return message;
    const count = typeof params.count === 'number' ? params.count : 0;
    return message[plurals.select(count)] ?? message.other;
  };

  const format = (iso: string | null | undefined, formatter: Intl.DateTimeFormat): string => {
    if (!iso) return '';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };

  return {
    locale,
    t(key, params = {}) {
      const message: Message | undefined = catalogs[locale][key] ?? catalogs.en[key];
      if (message === undefined) return key;
      return interpolate(pick(message, params), params, formatNumber);
    },
    formatNumber,
    formatBytes,
    formatDateTime: (iso) => format(iso, dateTimes),
    formatTime: (iso) => format(iso, times),
  };
}
