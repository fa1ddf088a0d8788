// The pane's i18n layer: catalogs per locale, `t(key, params)` with plurals, Intl formatting.
export { SUPPORTED_LOCALES, LOCALE_NAMES, type Locale, type Message } from './catalog';
export { type MessageKey } from './en';
export { catalogs, type Catalog } from './catalogs';
export { createTranslator, interpolate, type Translator, type MessageParams } from './translator';
export { matchLocale, resolveLocale } from './locale';
export { I18nProvider, useI18n } from './context';
