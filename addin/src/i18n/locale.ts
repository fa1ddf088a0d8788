import { SUPPORTED_LOCALES, type Locale } from './catalog';

/** The supported locale matching a BCP 47 tag by its language part, or null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(language) ? (language as Locale) : null;
}

/**
 * The pane's locale: `?lang=` wins, then Office's display language (in Outlook), then the
 * browser's languages, then English.
 */
export function resolveLocale(input: {
  query?: string | null;
  officeLanguage?: string | null;
  browserLanguages?: readonly string[];
}): Locale {
  const candidates = [input.query, input.officeLanguage, ...(input.browserLanguages ?? [])];
  for (const candidate of candidates) {
    const locale = matchLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}
