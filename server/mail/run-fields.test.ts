import { describe, expect, it } from 'vitest';
import { hiddenRunFields, localDate, mergeValues, referenceNumber } from './run-fields';

describe('run-level fields', () => {
  it('dates the run in the user zone, not the server zone', () => {
    const at = new Date('2026-03-01T22:30:00Z');
    expect(localDate(at, 'Europe/Istanbul')).toBe('2026-03-02');
    expect(localDate(at, 'America/New_York')).toBe('2026-03-01');
  });

  it('numbers references per delivery from the run start, zero-padded', () => {
    expect(referenceNumber({ prefix: 'R-2026-', start: 120 }, 3)).toBe('R-2026-000123');
    expect(referenceNumber({ prefix: 'R-2026-', start: 999_999 }, 1)).toBe('R-2026-1000000');
  });

  it('lets the list\'s columns win, even where the row is empty', () => {
    const context = { runDate: '2026-05-01', reference: { prefix: 'R-2026-', start: 1 }, hidden: hiddenRunFields(['email', 'senderName']) };
    const values = mergeValues(context, { name: 'Me', email: 'me@x.example' }, 0, { email: 'a@b.example', senderName: null });
    expect(values).toEqual({ runDate: '2026-05-01', senderEmail: 'me@x.example', referenceNumber: 'R-2026-000001', email: 'a@b.example', senderName: null });
  });
});
