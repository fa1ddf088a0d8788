import { describe, expect, it } from 'vitest';
import { compileAudienceVerdict, compileDerivedValues } from '../../shared/audience';
import type { FilterContext } from '../../shared/audience';
import { createAddressMatcher } from '../recipients/address-matcher';
import type { Row } from '../store/lists';
import { planAudience } from './planner';

const ctx: FilterContext = { runDate: '2026-07-01', timeZone: 'Europe/Istanbul', locale: 'tr-TR' };

describe('planAudience', () => {
  it('skips rows that cannot be sent with a reason and de-duplicates case-insensitively, first row winning', () => {
    const rows: Row[] = [
      { email: 'Ayse@Example.com' }, { email: '' }, { email: 'not-an-address' }, { email: 'ayse@example.COM' }, { email: null },
    ];
    const { recipients, tally } = planAudience({ rows, emailColumn: 'email' });
    expect(recipients.map((r) => [r.email, r.status, r.reason])).toEqual([
      ['Ayse@Example.com', 'pending', null],
      ['', 'skipped', 'NO_ADDRESS'],
      ['not-an-address', 'skipped', 'INVALID_ADDRESS'],
      ['ayse@example.COM', 'skipped', 'DUPLICATE'],
      ['', 'skipped', 'NO_ADDRESS'],
    ]);
    expect(tally).toMatchObject({ rows: 5, selected: 5, deliveries: 5, sendable: 1, noAddress: 2, invalidAddress: 1, duplicate: 1 });
  });

  it('takes the first valid address of a cell, or every address, freezing the one used', () => {
    const rows: Row[] = [{ name: 'A', email: 'oops; a@example.com, b@example.com' }, { name: 'B', email: 'Bora <b@example.com>' }];
    const first = planAudience({ rows, emailColumn: 'email', addresses: 'first' });
    expect(first.recipients.map((r) => [r.email, r.status, r.values.email])).toEqual([
      ['a@example.com', 'pending', 'a@example.com'],
      ['b@example.com', 'pending', 'Bora <b@example.com>'],
    ]);
    const all = planAudience({ rows, emailColumn: 'email', addresses: 'all' });
    expect(all.recipients.map((r) => [r.email, r.reason, r.rowIndex])).toEqual([
      ['oops', 'INVALID_ADDRESS', 0], ['a@example.com', null, 0], ['b@example.com', null, 0], ['b@example.com', 'DUPLICATE', 1],
    ]);
    expect(all.tally).toMatchObject({ rows: 2, selected: 2, deliveries: 4, sendable: 2 });
  });

  it('takes addresses by type from several columns, in the order of preference given', () => {
    const rows: Row[] = [
      { name: 'A', email: 'a.work@example.com', home: 'a@home.example' },
      { name: 'B', email: '', home: 'b@home.example' },
      { name: 'C', email: 'broken@', home: '' },
    ];
    const workFirst = planAudience({ rows, emailColumn: 'email', addressColumns: ['email', 'home'], addresses: 'first' });
    expect(workFirst.recipients.map((r) => [r.email, r.reason, r.values.email])).toEqual([
      ['a.work@example.com', null, 'a.work@example.com'],
      ['b@home.example', null, 'b@home.example'],
      ['broken@', 'INVALID_ADDRESS', 'broken@'],
    ]);
    const homeOnly = planAudience({ rows, emailColumn: 'email', addressColumns: ['home'] });
    expect(homeOnly.recipients.map((r) => [r.email, r.reason, r.values.email, r.values.home])).toEqual([
      ['a@home.example', null, 'a@home.example', 'a@home.example'],
      ['b@home.example', null, 'b@home.example', 'b@home.example'],
      ['', 'NO_ADDRESS', 'broken@', ''],
    ]);
    const both = planAudience({ rows, emailColumn: 'email', addressColumns: ['email', 'home'], addresses: 'all' });
    expect(both.recipients.filter((r) => r.status === 'pending').map((r) => r.email)).toEqual(['a.work@example.com', 'a@home.example', 'b@home.example']);
  });

  it('leaves rows outside the audience out of the plan but counts them', () => {
    const rows: Row[] = [
      { id: 'a', city: 'İstanbul', email: 'a@example.com' },
      { id: 'b', city: 'Ankara', email: 'b@example.com' },
      { id: 'c', city: 'istanbul', email: 'c@example.com' },
      { id: 'd', city: 'Ankara', email: 'd@example.com' },
    ];
    const verdict = compileAudienceVerdict(
      { filter: { type: 'equals', field: 'city', value: 'İSTANBUL' }, include: ['d'], exclude: ['c'] }, ctx, 'id',
    );
    const { recipients, tally } = planAudience({ rows, emailColumn: 'email', verdict });
    expect(recipients.map((r) => r.email)).toEqual(['a@example.com', 'd@example.com']);
    expect(tally).toMatchObject({ rows: 4, selected: 2, filteredOut: 1, markedOut: 1, deliveries: 2, sendable: 2 });
  });

  it('checks suppression before the run exclusions, and both before duplicates', () => {
    const rows: Row[] = ['x@blocked.org', 'y@sales.blocked.org', 'z@example.com', 'Z@example.com', 'ok@example.com'].map((email) => ({ email }));
    const { recipients, tally } = planAudience({
      rows, emailColumn: 'email',
      isSuppressed: createAddressMatcher(['blocked.org']),
      isExcluded: createAddressMatcher(['z@example.com', 'blocked.org']),
    });
    expect(recipients.map((r) => r.reason)).toEqual(['SUPPRESSED', 'SUPPRESSED', 'EXCLUDED', 'EXCLUDED', null]);
    expect(tally).toMatchObject({ suppressed: 2, excluded: 2, duplicate: 0, sendable: 1 });
  });

  it('considers only the positions given, reporting each delivery by its row in the list', () => {
    const rows: Row[] = [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }];
    const { recipients, tally } = planAudience({ rows, positions: [0, 2], emailColumn: 'email' });
    expect(recipients.map((r) => [r.email, r.rowIndex])).toEqual([['a@example.com', 0], ['c@example.com', 2]]);
    expect(tally.rows).toBe(2);
  });

  it('adds derived merge values without overwriting what the row has', () => {
    const rows: Row[] = [
      { email: 'a@example.com', birthDate: '1990-07-01', age: null },
      { email: 'b@example.com', birthDate: '1980-07-01', age: 'forty-six' },
    ];
    const filter = { type: 'birthdayToday', field: 'birthDate' } as const;
    const { recipients } = planAudience({ rows, emailColumn: 'email', derive: compileDerivedValues(filter, ctx) });
    expect(recipients.map((r) => r.values.age)).toEqual([36, 'forty-six']);
    expect(rows[0].age).toBeNull();
  });
});
