import { describe, expect, it } from 'vitest';
import { resolveChangeLogColumns, readChangeLog } from './change-log';

describe('change-log lists', () => {
  it('finds the columns by name unless named, and says which required one is missing', () => {
    expect(resolveChangeLogColumns(['E-posta', 'Tarih', 'Reason', 'Old value', 'New value'])).toEqual({
      ok: true, columns: { personKey: 'E-posta', date: 'Tarih', reason: 'Reason', oldValue: 'Old value', newValue: 'New value' },
    });
    expect(resolveChangeLogColumns(['who', 'when'], { personKey: 'who', date: 'when' })).toEqual({ ok: true, columns: { personKey: 'who', date: 'when' } });
    expect(resolveChangeLogColumns(['email', 'note'])).toEqual({ ok: false, missing: 'date' });
    expect(resolveChangeLogColumns(['email', 'date'], { reason: 'why' })).toEqual({ ok: false, missing: 'reason', unknown: 'why' });
  });

  it('reads entries, leaving out rows without a key or a real date', () => {
    const { entries, unusable } = readChangeLog([
      { who: 'a@example.com', when: '2026-07-01', why: 'salary', from: 1000, to: 1100 },
      { who: '', when: '2026-07-01', why: 'salary', from: null, to: null },
      { who: 'b@example.com', when: '2026-02-30', why: 'position', from: null, to: 'Lead' },
      { who: 'c@example.com', when: '2026-07-01T09:00', why: null, from: null, to: 'Lead' },
    ], { personKey: 'who', date: 'when', reason: 'why', oldValue: 'from', newValue: 'to' });
    expect(unusable).toBe(2);
    expect(entries).toEqual([
      { personKey: 'a@example.com', date: '2026-07-01', reason: 'salary', oldValue: 1000, newValue: 1100 },
      { personKey: 'c@example.com', date: '2026-07-01', reason: null, oldValue: null, newValue: 'Lead' },
    ]);
  });
});
