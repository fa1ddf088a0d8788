import { describe, expect, it } from 'vitest';
import { catalogs, createTranslator, resolveLocale, SUPPORTED_LOCALES, type Message } from './index';

const placeholders = (m: Message): string[] =>
  [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

describe('message catalogs', () => {
  const keys = Object.keys(catalogs.en).sort();

  it.each(SUPPORTED_LOCALES)('%s has exactly the English keys, with the same placeholders', (locale) => {
    const catalog = catalogs[locale] as Record<string, Message>;
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) expect(placeholders(catalog[key]), `${locale} ${key}`).toEqual(placeholders((catalogs.en as Record<string, Message>)[key]));
  });

  it.each(SUPPORTED_LOCALES)('%s gives every plural message each form its language uses for whole numbers', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const needed = new Set(Array.from({ length: 200 }, (_, n) => rules.select(n)));
    for (const [key, message] of Object.entries(catalogs[locale])) {
      if (typeof message === 'string') continue;
      for (const form of needed) expect(message[form], `${locale} ${key} ${form}`).toBeTypeOf('string');
    }
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s is translated, not copied from English', (locale) => {
    const same = Object.entries(catalogs[locale]).filter(
      ([key, m]) => JSON.stringify(m) === JSON.stringify((catalogs.en as Record<string, Message>)[key]),
    );
    // Words that are the same in both languages.
    const shared = ['app.title', 'common.none', ...(locale === 'pl' ? ['options.folderPick'] : [])];
    expect(same.map(([key]) => key).filter((k) => !shared.includes(k))).toEqual([]);
  });
});

describe('translator', () => {
  it('formats file sizes in the locale\'s units and digits', () => {
    expect(createTranslator('en').formatBytes(340 * 1024)).toBe('340 kB');
    expect(createTranslator('pl').formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(createTranslator('ru').formatBytes(512)).toMatch(/^512\sБ$/);
  });

  it('chooses plural forms with Intl.PluralRules and formats numbers for the locale', () => {
    const ru = createTranslator('ru');
    expect(ru.t('common.recipients', { count: 1 })).toBe('1 получатель');
    expect(ru.t('common.recipients', { count: 3 })).toBe('3 получателя');
    expect(ru.t('common.recipients', { count: 5 })).toBe('5 получателей');
    expect(ru.t('common.recipients', { count: 21 })).toBe('21 получатель');
    const pl = createTranslator('pl');
    expect(pl.t('common.recipients', { count: 2 })).toBe('2 odbiorcy');
    expect(pl.t('common.recipients', { count: 12 })).toBe('12 odbiorców');
    expect(pl.t('common.recipients', { count: 22 })).toBe('22 odbiorcy');
    expect(createTranslator('sk').t('common.messages', { count: 4 })).toBe('4 správy');
    expect(createTranslator('tr').t('common.recipients', { count: 12345 })).toBe('12.345 alıcı');
    expect(createTranslator('en').t('review.unknownField', { field: 'firstNme' })).toBe('Unknown field {{firstNme}}.');
  });

  it('picks ?lang= over Office over the browser, by language part, defaulting to English', () => {
    expect(resolveLocale({ query: 'sk', officeLanguage: 'tr-TR', browserLanguages: ['pl'] })).toBe('sk');
    expect(resolveLocale({ query: 'xx', officeLanguage: 'tr-TR', browserLanguages: ['pl'] })).toBe('tr');
    expect(resolveLocale({ officeLanguage: null, browserLanguages: ['de-DE', 'ru-RU'] })).toBe('ru');
    expect(resolveLocale({ browserLanguages: ['de-DE'] })).toBe('en');
  });
});
