import { describe, expect, it } from 'vitest';
import type { FilterContext } from './context';
import { compileFilter } from './evaluator';
import type { FieldCondition, RecipientRow } from './schema';

const en: FilterContext = { runDate: '2026-07-01', timeZone: 'UTC', locale: 'en-GB' };
const tr: FilterContext = { ...en, timeZone: 'Europe/Istanbul', locale: 'tr-TR' };

const rows: RecipientRow[] = [
  { id: 'a', department: 'Sales', city: 'İstanbul', age: 36, hireDate: '2019-03-15', vip: true, email: 'a@x.tr' },
  { id: 'b', department: 'sales ', city: 'Ankara', age: 35, hireDate: '2021-07-01', vip: 'false', email: '' },
  { id: 'c', department: 'Marketing', city: 'IZMIR', age: '41', hireDate: 'unknown', vip: false, email: null },
  { id: 'd', department: null, city: 'Łódź', age: null, hireDate: '2026-07-01', vip: null, email: 'd@x.pl' },
  { id: 'e', city: 'Москва', age: 'forty', hireDate: '2024-02-29', email: 'e@x.ru' },
];

function ids(condition: FieldCondition, ctx: FilterContext = en, source: RecipientRow[] = rows): string[] {
  const matches = compileFilter(condition, ctx);
  return source.filter(matches).map((row) => String(row.id));
}

describe('equality', () => {
  it('compares text case-insensitively and ignores surrounding spaces', () => {
    expect(ids({ type: 'equals', field: 'department', value: 'SALES' })).toEqual(['a', 'b']);
  });

  it('treats notEquals as the exact negation, so rows without the field are "not Sales"', () => {
    expect(ids({ type: 'notEquals', field: 'department', value: 'sales' })).toEqual(['c', 'd', 'e']);
  });

  it('compares numbers numerically, including numeric text', () => {
    expect(ids({ type: 'equals', field: 'age', value: 41 })).toEqual(['c']);
    expect(ids({ type: 'equals', field: 'age', value: '36' })).toEqual(['a']);
  });

  it('compares booleans with booleans and the texts true/false', () => {
    expect(ids({ type: 'equals', field: 'vip', value: false })).toEqual(['b', 'c']);
    expect(ids({ type: 'equals', field: 'vip', value: true })).toEqual(['a']);
  });

  it('matches any listed value with in', () => {
    expect(ids({ type: 'in', field: 'city', values: ['ankara', 'izmir', 'Paris'] })).toEqual(['b', 'c']);
    expect(ids({ type: 'in', field: 'age', values: [35, 41] })).toEqual(['b', 'c']);
  });
});

describe('text search', () => {
  it('finds substrings and prefixes without regard to case', () => {
    expect(ids({ type: 'contains', field: 'email', value: '@X.' })).toEqual(['a', 'd', 'e']);
    expect(ids({ type: 'startsWith', field: 'department', value: 'mar' })).toEqual(['c']);
  });

  it('matches Turkish dotted and dotless i in the Turkish locale', () => {
    expect(ids({ type: 'contains', field: 'city', value: 'istanbul' }, tr)).toEqual(['a']);
    expect(ids({ type: 'equals', field: 'city', value: 'İSTANBUL' }, tr)).toEqual(['a']);
    // In Turkish, I lowercases to dotless ı, so IZMIR is "ızmır", not "izmir".
    expect(ids({ type: 'equals', field: 'city', value: 'ızmır' }, tr)).toEqual(['c']);
    expect(ids({ type: 'equals', field: 'city', value: 'izmir' }, tr)).toEqual([]);
  });

  it('still matches İstanbul to istanbul outside the Turkish locale', () => {
    expect(ids({ type: 'contains', field: 'city', value: 'istanbul' }, en)).toEqual(['a']);
    expect(ids({ type: 'equals', field: 'city', value: 'izmir' }, en)).toEqual(['c']);
  });

  it('folds Polish and Russian letters', () => {
    const pl = { ...en, locale: 'pl-PL' };
    const ru = { ...en, locale: 'ru-RU' };
    expect(ids({ type: 'equals', field: 'city', value: 'ŁÓDŹ' }, pl)).toEqual(['d']);
    expect(ids({ type: 'startsWith', field: 'city', value: 'МОСК' }, ru)).toEqual(['e']);
    expect(ids({ type: 'contains', field: 'city', value: 'лодз' }, pl)).toEqual([]);
  });

  it('matches composed and decomposed forms alike', () => {
    const decomposed: RecipientRow[] = [{ id: 'n', city: 'Lo\u0301dz\u0301' }];
    expect(ids({ type: 'equals', field: 'city', value: 'Lódź' }, en, decomposed)).toEqual(['n']);
  });
});

describe('empty', () => {
  it('counts missing, null and blank as empty', () => {
    expect(ids({ type: 'empty', field: 'email' })).toEqual(['b', 'c']);
    expect(ids({ type: 'empty', field: 'department' })).toEqual(['d', 'e']);
    expect(ids({ type: 'notEmpty', field: 'email' })).toEqual(['a', 'd', 'e']);
  });
});

describe('ordering', () => {
  it('compares numbers numerically and skips values that are not numbers', () => {
    expect(ids({ type: 'gt', field: 'age', value: 35 })).toEqual(['a', 'c']);
    expect(ids({ type: 'gte', field: 'age', value: 35 })).toEqual(['a', 'b', 'c']);
    expect(ids({ type: 'lt', field: 'age', value: 36 })).toEqual(['b']);
    expect(ids({ type: 'lte', field: 'age', value: 36 })).toEqual(['a', 'b']);
    expect(ids({ type: 'between', field: 'age', from: 35, to: 36 })).toEqual(['a', 'b']);
  });

  it('compares dates chronologically and skips values that are not dates', () => {
    expect(ids({ type: 'lt', field: 'hireDate', value: '2021-07-01' })).toEqual(['a']);
    expect(ids({ type: 'lte', field: 'hireDate', value: '2021-07-01' })).toEqual(['a', 'b']);
    expect(ids({ type: 'gt', field: 'hireDate', value: '2021-07-01' })).toEqual(['d', 'e']);
    expect(ids({ type: 'between', field: 'hireDate', from: '2021-01-01', to: '2026-07-01' })).toEqual(['b', 'd', 'e']);
  });

  it('compares text by the locale collation, case-insensitively', () => {
    expect(ids({ type: 'lt', field: 'department', value: 'n' })).toEqual(['c']);
    expect(ids({ type: 'between', field: 'city', from: 'a', to: 'j' })).toEqual(['a', 'b', 'c']);
    // Polish sorts Ł after L, so Łódź is past "lz".
    expect(ids({ type: 'gt', field: 'city', value: 'lz' }, { ...en, locale: 'pl-PL' })).toEqual(['d', 'e']);
  });
});

describe('field names', () => {
  it('prefers the exact name and falls back to a case-insensitive match', () => {
    const mixed: RecipientRow[] = [
      { id: '1', City: 'Ankara' },
      { id: '2', CITY: 'Ankara' },
      { id: '3', city: 'Bursa', City: 'Ankara' },
    ];
    expect(ids({ type: 'equals', field: 'city', value: 'Ankara' }, en, mixed)).toEqual(['1', '2']);
    expect(ids({ type: 'equals', field: 'City', value: 'Ankara' }, en, mixed)).toEqual(['1', '2', '3']);
  });

  it('never reads properties every object inherits', () => {
    const plain: RecipientRow[] = [{ id: '1' }, { id: '2', constructor: 'x' }];
    expect(ids({ type: 'notEmpty', field: 'constructor' }, en, plain)).toEqual(['2']);
    expect(ids({ type: 'empty', field: 'toString' }, en, plain)).toEqual(['1', '2']);
  });
});
