import { describe, expect, it } from 'vitest';
import { FilterContextError } from './context';
import type { FilterContext } from './context';
import { compileFilter, countMatches, filterRows } from './evaluator';
import type { FilterNode, RecipientRow } from './schema';

const ctx: FilterContext = { runDate: '2026-07-01', timeZone: 'Europe/Istanbul', locale: 'tr-TR' };

// "General managers over 35 in the food sector in the Black Sea or Marmara regions".
const clients: RecipientRow[] = [
  { id: 1, title: 'Genel Müdür', age: 42, sector: 'Gıda', region: 'Karadeniz', email: 'a@x.tr', birthDate: '1984-07-01' },
  { id: 2, title: 'Genel Müdür', age: 35, sector: 'Gıda', region: 'Marmara', email: 'b@x.tr', birthDate: '1991-01-09' },
  { id: 3, title: 'GENEL MÜDÜR', age: 51, sector: 'GIDA', region: 'MARMARA', email: '', birthDate: '1975-07-01' },
  { id: 4, title: 'Satış Müdürü', age: 44, sector: 'Gıda', region: 'Karadeniz', email: 'd@x.tr', birthDate: '1982-03-03' },
  { id: 5, title: 'Genel Müdür', age: 38, sector: 'Tekstil', region: 'Marmara', email: 'e@x.tr', birthDate: '1988-07-01' },
  { id: 6, title: 'Genel Müdür', age: 60, sector: 'Gıda', region: 'Ege', email: 'f@x.tr', birthDate: '1966-07-01' },
];

const group = (op: 'and' | 'or', ...children: FilterNode[]): FilterNode => ({ type: 'group', op, children });

function ids(node: FilterNode | undefined): number[] {
  return filterRows(clients, node, ctx).map((row) => Number(row.id));
}

describe('compileFilter groups', () => {
  const campaign = group(
    'and',
    { type: 'equals', field: 'title', value: 'genel müdür' },
    { type: 'gt', field: 'age', value: 35 },
    { type: 'equals', field: 'sector', value: 'gıda' },
    group('or', { type: 'equals', field: 'region', value: 'karadeniz' }, { type: 'equals', field: 'region', value: 'marmara' }),
  );

  it('combines and/or groups to pick the campaign audience', () => {
    expect(ids(campaign)).toEqual([1, 3]);
  });

  it('nests groups several levels deep with negation and date rules', () => {
    const node = group(
      'or',
      group('and', campaign, { type: 'notEmpty', field: 'email' }),
      group('and', { type: 'birthdayToday', field: 'birthDate' }, { type: 'not', child: { type: 'in', field: 'region', values: ['Ege'] } }),
    );
    expect(ids(node)).toEqual([1, 3, 5]);
  });

  it('treats empty groups as neutral instead of matching nothing or everything', () => {
    expect(ids(group('or', group('and'), { type: 'equals', field: 'region', value: 'ege' }))).toEqual([6]);
    expect(ids(group('and', group('or'), { type: 'gt', field: 'age', value: 50 }))).toEqual([3, 6]);
    expect(ids({ type: 'not', child: group('or') })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('matches everyone without a filter, or with only empty groups', () => {
    expect(ids(undefined)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(group('or', group('and')))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('negates any node with not', () => {
    expect(ids({ type: 'not', child: campaign })).toEqual([2, 4, 5, 6]);
    expect(ids({ type: 'not', child: { type: 'not', child: campaign } })).toEqual([1, 3]);
  });

  it('evaluates groups of three or more children in both ops', () => {
    const threeOr = group('or', ...[2, 4, 6].map((id): FilterNode => ({ type: 'equals', field: 'id', value: id })));
    expect(ids(threeOr)).toEqual([2, 4, 6]);
    expect(countMatches(clients, group('and', threeOr, { type: 'gt', field: 'age', value: 40 }, { type: 'notEmpty', field: 'email' }), ctx)).toBe(2);
  });
});

describe('compileFilter context checks', () => {
  const node: FilterNode = { type: 'birthdayToday', field: 'birthDate' };

  it('rejects a run date that is not a real date', () => {
    expect(() => compileFilter(node, { ...ctx, runDate: '2026-02-30' })).toThrow(FilterContextError);
    expect(() => compileFilter(node, { ...ctx, runDate: '2026-02-30' })).toThrow('runDate: must be a real date written yyyy-mm-dd');
  });

  it('rejects unknown time zones and malformed locales', () => {
    expect(() => compileFilter(node, { ...ctx, timeZone: 'Europe/Atlantis' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONTEXT', message: 'timeZone: must be an IANA time zone such as Europe/Istanbul' }),
    );
    expect(() => compileFilter(node, { ...ctx, locale: 'not a locale!' })).toThrow('locale: must be a BCP 47 locale such as tr-TR');
  });

  it('fails at compile time for a condition type the schema would have refused', () => {
    const bogus = { type: 'like', field: 'title', value: 'x' } as unknown as FilterNode;
    expect(() => compileFilter(bogus, ctx)).toThrow('type: unknown condition type "like"');
  });
});
