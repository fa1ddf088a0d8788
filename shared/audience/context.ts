/**
 * What a filter is evaluated against besides the row: the run date in the user's time zone, the
 * user's locale for text comparison, and the change log for `changedOn` rules.
 */
import { z } from 'zod';
import { createRunDay, isIsoDate, isKnownTimeZone } from './calendar';
import type { RunDay } from './calendar';
import { IsoDateSchema } from './schema';

/** One recorded change to a person (salary, position, ...), joined to rows by person key. */
export const ChangeLogEntrySchema = z.strictObject({
  personKey: z.string().min(1),
  date: IsoDateSchema,
  reason: z.string().nullish(),
  oldValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  newValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

/** One recorded change to a person. */
export type ChangeLogEntry = z.infer<typeof ChangeLogEntrySchema>;

function isKnownLocale(locale: string): boolean {
  if (typeof locale !== 'string') return false;
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** The evaluation context, for validating one that arrives over the wire. */
export const FilterContextSchema = z.strictObject({
  runDate: IsoDateSchema,
  timeZone: z.string().refine(isKnownTimeZone, { error: 'must be an IANA time zone such as Europe/Istanbul' }),
  locale: z.string().refine(isKnownLocale, { error: 'must be a BCP 47 locale such as tr-TR' }),
  changeLog: z.array(ChangeLogEntrySchema).optional(),
  personKey: z.string().min(1).optional(),
});

/** The evaluation context: `runDate` is already the calendar date in `timeZone`. */
export type FilterContext = z.infer<typeof FilterContextSchema>;

/** Why a filter cannot be compiled against a context. */
export type FilterContextErrorCode = 'INVALID_CONTEXT' | 'CHANGE_LOG_REQUIRED';

/** Thrown when the context cannot serve the filter (bad run date, `changedOn` without a log). */
export class FilterContextError extends Error {
  readonly code: FilterContextErrorCode;

  constructor(code: FilterContextErrorCode, message: string) {
    super(message);
    this.name = 'FilterContextError';
    this.code = code;
  }
}

/** The context with everything rules need per row worked out once. */
export interface PreparedContext {
  source: FilterContext;
  run: RunDay;
  fold: (text: string) => string;
  compare: (a: string, b: string) => number;
}

const COMBINING_DOT_ABOVE = /i\u0307/g;
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const CAPITAL_I = /I/g;
const FOLD_CACHE_LIMIT = 65_536;

/**
 * A case fold for the locale: `toLocaleLowerCase` gives Turkish its dotted/dotless i, and NFC
 * plus dropping a combining dot after i lets `İstanbul` match `istanbul` even outside Turkish,
 * where `İ` lowercases to `i̇` (two code points).
 *
 * `toLocaleLowerCase` with a locale costs microseconds per call, too slow for live counts over
 * 100,000 rows, so: ASCII text takes the exact shortcut (locale rules for ASCII differ from the
 * default only in Turkic languages, where I becomes ı), and other text is memoised, since
 * cities, departments and titles repeat across rows.
 */
export function createTextFold(locale: string): (text: string) => string {
  const language = Intl.getCanonicalLocales(locale)[0].split('-')[0];
  const turkic = language === 'tr' || language === 'az';
  const cache = new Map<string, string>();
  return (text) => {
    if (ASCII_ONLY.test(text)) return turkic ? text.replace(CAPITAL_I, 'ı').toLowerCase() : text.toLowerCase();
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = text.toLocaleLowerCase(locale).normalize('NFC').replace(COMBINING_DOT_ABOVE, 'i');
      if (cache.size < FOLD_CACHE_LIMIT) cache.set(text, folded);
    }
    return folded;
  };
}

/** Validates the parts of a context every filter depends on and precomputes them. */
export function prepareContext(ctx: FilterContext): PreparedContext {
  // Only the scalar parts are checked here: re-validating a large change log on every compile
  // (live counts recompile per keystroke) would cost more than the evaluation itself.
  const problem = !isIsoDate(ctx.runDate)
    ? 'runDate: must be a real date written yyyy-mm-dd'
    : !isKnownTimeZone(ctx.timeZone)
      ? 'timeZone: must be an IANA time zone such as Europe/Istanbul'
      : !isKnownLocale(ctx.locale)
        ? 'locale: must be a BCP 47 locale such as tr-TR'
        : null;
  if (problem) throw new FilterContextError('INVALID_CONTEXT', problem);
  // accent sensitivity = case-insensitive but a ≠ á; numeric so "Unit 9" sorts before "Unit 10".
  const collator = new Intl.Collator(ctx.locale, { sensitivity: 'accent', numeric: true });
  return { source: ctx, run: createRunDay(ctx.runDate), fold: createTextFold(ctx.locale), compare: collator.compare };
}

/** Normalises a person key so change-log joins ignore case and stray spaces. */
export function foldPersonKey(key: string): string {
  return key.trim().toLowerCase();
}

/** Indexes the change log by person for the entries on a date (and with a reason, if given). */
export function indexChanges(
  prepared: PreparedContext,
  date: string,
  reason: string | undefined,
): Map<string, ChangeLogEntry> {
  const { changeLog, personKey } = prepared.source;
  if (!changeLog || !personKey) {
    throw new FilterContextError(
      'CHANGE_LOG_REQUIRED',
      'a changedOn rule needs the change log and the personKey field that joins rows to it',
    );
  }
  const wanted = reason === undefined ? undefined : prepared.fold(reason.trim());
  const byPerson = new Map<string, ChangeLogEntry>();
  for (const entry of changeLog) {
    if (entry.date !== date) continue;
    if (wanted !== undefined && prepared.fold((entry.reason ?? '').trim()) !== wanted) continue;
    const key = foldPersonKey(entry.personKey);
    // The first matching entry per person is the one reported as merge values.
    if (!byPerson.has(key)) byPerson.set(key, entry);
  }
  return byPerson;
}
