/**
 * Compiles rules relative to the run date: birthdays and work anniversaries today, dates within
 * the next/last N days, on a date, ages over/under, and changes recorded on a date.
 */
import { addDays, completedYears, packDate, recursOn } from './calendar';
import type { RunDay } from './calendar';
import { foldPersonKey, indexChanges } from './context';
import type { PreparedContext } from './context';
import type { RowPredicate } from './fieldMatcher';
import { createFieldReader, readText } from './rowReader';
import type { DateRule } from './schema';

/** Default minimum for work anniversaries: a hire date of today is a first day, not an anniversary. */
export const DEFAULT_MIN_SERVICE_YEARS = 1;

function compileBirthday(field: string, run: RunDay): RowPredicate {
  const read = createFieldReader(field);
  return (row) => {
    const packed = packDate(read(row));
    // Year-less birthdays (--mm-dd) fire too; a birth date of today or later is bad data.
    return packed > 0 && recursOn(packed, run) && (packed < 10000 || packed < run.packed);
  };
}

function compileAnniversary(field: string, minYears: number, run: RunDay): RowPredicate {
  const read = createFieldReader(field);
  return (row) => {
    const packed = packDate(read(row));
    return packed > 10000 && recursOn(packed, run) && run.year - Math.floor(packed / 10000) >= minYears;
  };
}

function compileRange(field: string, from: number, to: number): RowPredicate {
  const read = createFieldReader(field);
  return (row) => {
    const packed = packDate(read(row));
    return packed >= from && packed <= to;
  };
}

function compileAge(field: string, years: number, over: boolean, run: RunDay): RowPredicate {
  const read = createFieldReader(field);
  return (row) => {
    const age = completedYears(packDate(read(row)), run);
    if (age < 0) return false;
    return over ? age > years : age < years;
  };
}

function compileChangedOn(date: string, reason: string | undefined, prepared: PreparedContext): RowPredicate {
  const changed = indexChanges(prepared, date, reason);
  const read = createFieldReader(prepared.source.personKey!);
  return (row) => {
    const key = readText(read(row));
    return key !== null && changed.has(foldPersonKey(key));
  };
}

/**
 * Compiles a date rule. Windows include both ends (`next 7 days` is today and the 7 days after);
 * ages are whole years completed, so `ageOver 35` starts on the 36th birthday, like `age > 35`.
 */
export function compileDateRule(rule: DateRule, prepared: PreparedContext): RowPredicate {
  const { run } = prepared;
  switch (rule.type) {
    case 'birthdayToday':
      return compileBirthday(rule.field, run);
    case 'workAnniversaryToday':
      return compileAnniversary(rule.field, rule.minYears ?? DEFAULT_MIN_SERVICE_YEARS, run);
    case 'dateWithin':
      return rule.direction === 'next'
        ? compileRange(rule.field, run.packed, addDays(run.packed, rule.days))
        : compileRange(rule.field, addDays(run.packed, -rule.days), run.packed);
    case 'dateEquals': {
      const target = packDate(rule.date);
      return compileRange(rule.field, target, target);
    }
    case 'ageOver':
    case 'ageUnder':
      return compileAge(rule.field, rule.years, rule.type === 'ageOver', run);
    case 'changedOn':
      return compileChangedOn(rule.date, rule.reason, prepared);
  }
}
