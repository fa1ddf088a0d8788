/** Plural forms of one message, chosen with Intl.PluralRules; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** One catalog entry: a plain string with `{param}` placeholders, or plural forms. */
export type Message = string | PluralMessage;

/** The locales the pane ships complete catalogs for. */
export const SUPPORTED_LOCALES = ['en', 'tr', 'ru', 'pl', 'sk'] as const;

/** A supported locale code. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Native names of the supported locales, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  tr: 'Türkçe',
  ru: 'Русский',
  pl: 'Polski',
  sk: 'Slovenčina',
};
