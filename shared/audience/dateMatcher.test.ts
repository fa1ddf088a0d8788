import { describe, expect, it } from 'vitest';
import { FilterContextError } from './context';
import type { FilterContext } from './context';
import { compileFilter } from './evaluator';
import type { DateRule, RecipientRow } from './schema';

const at = (runDate: string, extra: Partial<FilterContext> = {}): FilterContext => ({
  runDate,
  timeZone: 'Europe/Istanbul',
  locale: 'tr-TR',
  ...extra,
});

const people: RecipientRow[] = [
  { id: 'leap', birthDate: '2000-02-29', hireDate: '2016-02-29' },
  { id: 'feb28', birthDate: '1990-02-28', hireDate: '2020-02-28' },
  { id: 'mar1', birthDate: '1985-03-01', hireDate: '2025-03-01' },
  { id: 'july', birthDate: '1991-07-01', hireDate: '2021-07-01' },
  { id: 'noYear', birthDate: '--07-01', hireDate: null },
  { id: 'bad', birthDate: 'n/a', hireDate: 'soon' },
];

function ids(rule: DateRule, ctx: FilterContext, rows: RecipientRow[] = people): string[] {
  return rows.filter(compileFilter(rule, ctx)).map((row) => String(row.id));
}

describe('birthdayToday', () => {
  const rule: DateRule = { type: 'birthdayToday', field: 'birthDate' };

  it('fires on the month and day, including year-less birthdays', () => {
    expect(ids(rule, at('2026-07-01'))).toEqual(['july', 'noYear']);
  });

  it('fires a 29 February birthday on 28 February 2027, alongside 28 February ones', () => {
    expect(ids(rule, at('2027-02-28'))).toEqual(['leap', 'feb28']);
    expect(ids(rule, at('2027-03-01'))).toEqual(['mar1']);
  });

  it('fires a 29 February birthday only on 29 February in 2028', () => {
    expect(ids(rule, at('2028-02-28'))).toEqual(['feb28']);
    expect(ids(rule, at('2028-02-29'))).toEqual(['leap']);
  });

  it('does not greet someone born on the run date or later', () => {
    expect(ids(rule, at('2026-07-01'), [{ id: 'baby', birthDate: '2026-07-01' }])).toEqual([]);
  });
});

describe('workAnniversaryToday', () => {
  it('fires from the first full year, never on the hire date itself', () => {
    const rule: DateRule = { type: 'workAnniversaryToday', field: 'hireDate' };
    expect(ids(rule, at('2026-07-01'))).toEqual(['july']);
    expect(ids(rule, at('2026-07-01'), [{ id: 'new', hireDate: '2026-07-01' }])).toEqual([]);
    expect(ids(rule, at('2027-02-28'))).toEqual(['leap', 'feb28']);
    expect(ids(rule, at('2028-02-29'))).toEqual(['leap']);
  });

  it('honours a minimum number of years', () => {
    const rule: DateRule = { type: 'workAnniversaryToday', field: 'hireDate', minYears: 6 };
    expect(ids(rule, at('2026-07-01'))).toEqual([]);
    expect(ids(rule, at('2027-07-01'))).toEqual(['july']);
  });
});

describe('dateWithin and dateEquals', () => {
  const dates: RecipientRow[] = [
    { id: 'dec25', endDate: '2026-12-25' },
    { id: 'dec31', endDate: '2026-12-31' },
    { id: 'jan1', endDate: '2027-01-01' },
    { id: 'jan7', endDate: '2027-01-07' },
    { id: 'jan8', endDate: '2027-01-08' },
    { id: 'text', endDate: 'next week' },
    { id: 'stamp', endDate: '2027-01-03T09:00:00' },
  ];

  it('includes today and the N days after, across the year end', () => {
    const rule: DateRule = { type: 'dateWithin', field: 'endDate', direction: 'next', days: 7 };
    expect(ids(rule, at('2026-12-31'), dates)).toEqual(['dec31', 'jan1', 'jan7', 'stamp']);
  });

  it('includes today and the N days before', () => {
    const rule: DateRule = { type: 'dateWithin', field: 'endDate', direction: 'last', days: 6 };
    expect(ids(rule, at('2026-12-31'), dates)).toEqual(['dec25', 'dec31']);
    expect(ids({ ...rule, days: 0 }, at('2027-01-01'), dates)).toEqual(['jan1']);
  });

  it('matches one exact date', () => {
    expect(ids({ type: 'dateEquals', field: 'endDate', date: '2027-01-08' }, at('2026-07-01'), dates)).toEqual(['jan8']);
  });
});

describe('ageOver and ageUnder', () => {
  const born = [{ id: 'p', birthDate: '1990-07-01' }];

  it('counts whole years: over 35 starts on the 36th birthday', () => {
    const over: DateRule = { type: 'ageOver', field: 'birthDate', years: 35 };
    expect(ids(over, at('2026-06-30'), born)).toEqual([]);
    expect(ids(over, at('2026-07-01'), born)).toEqual(['p']);
  });

  it('under 36 ends on the 36th birthday', () => {
    const under: DateRule = { type: 'ageUnder', field: 'birthDate', years: 36 };
    expect(ids(under, at('2026-06-30'), born)).toEqual(['p']);
    expect(ids(under, at('2026-07-01'), born)).toEqual([]);
  });

  it('turns a 29 February child a year older on 28 February in non-leap years', () => {
    const over: DateRule = { type: 'ageOver', field: 'birthDate', years: 26 };
    expect(ids(over, at('2027-02-27'))).toEqual(['feb28', 'mar1', 'july']);
    expect(ids(over, at('2027-02-28'))).toEqual(['leap', 'feb28', 'mar1', 'july']);
  });

  it('skips year-less and unreadable dates', () => {
    expect(ids({ type: 'ageUnder', field: 'birthDate', years: 150 }, at('2026-07-01'))).toEqual(['leap', 'feb28', 'mar1', 'july']);
  });
});

describe('changedOn', () => {
  const changeLog = [
    { personKey: 'E1', date: '2026-07-01', reason: 'Salary', oldValue: 1000, newValue: 1200 },
    { personKey: 'e2 ', date: '2026-07-01', reason: 'POZİSYON', oldValue: 'Uzman', newValue: 'Müdür' },
    { personKey: 'E3', date: '2026-06-30', reason: 'salary' },
  ];
  const staff: RecipientRow[] = [{ id: 'E1' }, { id: 'E2' }, { id: 'E3' }, { id: null }];
  const ctx = at('2026-07-02', { changeLog, personKey: 'id' });

  it('matches people with a change on the date, joining keys case-insensitively', () => {
    expect(ids({ type: 'changedOn', date: '2026-07-01' }, ctx, staff)).toEqual(['E1', 'E2']);
  });

  it('narrows by reason, folded in the locale', () => {
    expect(ids({ type: 'changedOn', date: '2026-07-01', reason: 'salary' }, ctx, staff)).toEqual(['E1']);
    expect(ids({ type: 'changedOn', date: '2026-07-01', reason: 'pozisyon' }, ctx, staff)).toEqual(['E2']);
  });

  it('refuses to compile without the change log or the key field', () => {
    const rule: DateRule = { type: 'changedOn', date: '2026-07-01' };
    expect(() => compileFilter(rule, at('2026-07-02', { changeLog }))).toThrow(FilterContextError);
    expect(() => compileFilter(rule, at('2026-07-02', { personKey: 'id' }))).toThrow(
      expect.objectContaining({ code: 'CHANGE_LOG_REQUIRED' }),
    );
  });
});
