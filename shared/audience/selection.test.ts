import { describe, expect, it } from 'vitest';
import type { FilterContext } from './context';
import type { Audience, RecipientRow } from './schema';
import { compileAudienceVerdict, countAudience, selectAudience } from './selection';

const ctx: FilterContext = { runDate: '2026-07-01', timeZone: 'Europe/Warsaw', locale: 'pl-PL' };

const rows: RecipientRow[] = [
  { key: 'k1', city: 'Kraków' },
  { key: 'k2', city: 'Gdańsk' },
  { key: 'k3', city: 'KRAKÓW' },
  { key: 'k4', city: 'Łódź' },
  { city: 'Kraków' },
];
const inKrakow: Audience['filter'] = { type: 'equals', field: 'city', value: 'kraków' };

describe('manual marks', () => {
  it('adds include marks to the filter and removes exclude marks', () => {
    const audience: Audience = { filter: inKrakow, include: ['k4'], exclude: ['k3'] };
    expect(selectAudience(rows, audience, ctx, 'key').map((r) => r.key ?? null)).toEqual(['k1', 'k4', null]);
  });

  it('lets an exclude mark win over an include mark and the filter', () => {
    const verdict = compileAudienceVerdict({ filter: inKrakow, include: ['k1', 'k2'], exclude: ['k1', 'k2'] }, ctx, 'key');
    expect(rows.map(verdict)).toEqual(['markedOut', 'markedOut', 'matched', 'notMatched', 'matched']);
  });

  it('works from marks alone, where no filter means everyone', () => {
    expect(selectAudience(rows, { exclude: ['k2'] }, ctx, 'key')).toHaveLength(4);
    expect(countAudience(rows, { filter: { type: 'equals', field: 'city', value: 'none' }, include: ['k2'] }, ctx, 'key')).toEqual({
      matched: 0,
      notMatched: 4,
      markedIn: 1,
      markedOut: 0,
      selected: 1,
    });
  });

  it('compares keys exactly and reads them through a function when given one', () => {
    const byCity = (row: RecipientRow) => (typeof row.city === 'string' ? row.city : null);
    const verdict = compileAudienceVerdict({ filter: inKrakow, exclude: ['Kraków'] }, ctx, byCity);
    expect(rows.map(verdict)).toEqual(['markedOut', 'notMatched', 'matched', 'notMatched', 'markedOut']);
  });

  it('reads a key field case-insensitively like any other field', () => {
    const verdict = compileAudienceVerdict({ include: ['x'], exclude: ['k1'] }, ctx, 'KEY');
    expect(verdict({ key: 'k1' })).toBe('markedOut');
  });
});
