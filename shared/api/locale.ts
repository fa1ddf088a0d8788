// Checks shared by the schemas that take a language or a time zone (not exported from the index).
export { isKnownTimeZone as isTimeZone } from '../audience';

/** Whether `value` is one well-formed BCP 47 locale (`tr-TR`, `pl`). */
export function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
