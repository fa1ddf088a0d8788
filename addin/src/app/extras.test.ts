import { describe, expect, it } from 'vitest';
import { addressSourcesOf, scheduledAtOf } from './extras';

describe('schedule and extra addresses from the form', () => {
  it('reads a local start time as an instant in the future, empty as "now"', () => {
    const now = new Date('2026-03-01T08:00:00Z');
    expect(scheduledAtOf('', now)).toBeUndefined();
    expect(scheduledAtOf('2026-03-02T09:30', now)).toBe(new Date('2026-03-02T09:30').toISOString());
    expect(scheduledAtOf('2020-01-01T00:00', now)).toBeNull();
    expect(scheduledAtOf('not a date', now)).toBeNull();
  });

  it('reads addresses and {{column}} references, refusing anything else', () => {
    expect(addressSourcesOf('  ')).toBeUndefined();
    expect(addressSourcesOf('ik@example.com; {{ manager }}, şef@örnek.com.tr')).toEqual([
      { address: 'ik@example.com' },
      { column: 'manager' },
      { address: 'şef@örnek.com.tr' },
    ]);
    expect(addressSourcesOf('ik@example.com, Ayşe')).toBeNull();
  });
});
