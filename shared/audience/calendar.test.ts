import { describe, expect, it } from 'vitest';
import {
  NO_DATE,
  addDays,
  completedYears,
  createRunDay,
  formatPackedDate,
  isIsoDate,
  isKnownTimeZone,
  isLeapYear,
  packDate,
  recursOn,
  runDateIn,
} from './calendar';

describe('packDate', () => {
  it('packs ISO dates, ignoring a time part', () => {
    expect(packDate('2026-07-01')).toBe(20260701);
    expect(packDate('2026-07-01T08:30:00Z')).toBe(20260701);
    expect(packDate('2026-07-01 08:30')).toBe(20260701);
  });

  it('packs year-less dates with year 0, allowing 29 February', () => {
    expect(packDate('--07-15')).toBe(715);
    expect(packDate('--02-29')).toBe(229);
  });

  it('refuses things that are not real dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01', '26-07-01', '2026/07/01', '2026-07-01x', '', 'abc']) {
      expect(packDate(bad), bad).toBe(NO_DATE);
    }
    expect(packDate(20260701)).toBe(NO_DATE);
    expect(packDate(null)).toBe(NO_DATE);
  });

  it('accepts 29 February only in leap years', () => {
    expect(packDate('2028-02-29')).toBe(20280229);
    expect(packDate('2000-02-29')).toBe(20000229);
    expect(packDate('1900-02-29')).toBe(NO_DATE);
  });
});

describe('isIsoDate', () => {
  it('accepts exactly yyyy-mm-dd real dates', () => {
    expect(isIsoDate('2026-07-01')).toBe(true);
    expect(isIsoDate('2026-07-01T00:00')).toBe(false);
    expect(isIsoDate('--07-01')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe('leap years and day arithmetic', () => {
  it('knows the Gregorian leap rule', () => {
    expect([2024, 2027, 2028, 2100, 2000].map(isLeapYear)).toEqual([true, false, true, false, true]);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays(20261228, 7)).toBe(20270104);
    expect(addDays(20280228, 1)).toBe(20280229);
    expect(addDays(20270228, 1)).toBe(20270301);
    expect(addDays(20260105, -10)).toBe(20251226);
    expect(formatPackedDate(addDays(20260701, 0))).toBe('2026-07-01');
  });
});

describe('recursOn', () => {
  it('fires a 29 February date on 28 February in non-leap years only', () => {
    expect(recursOn(20000229, createRunDay('2027-02-28'))).toBe(true);
    expect(recursOn(20000229, createRunDay('2027-03-01'))).toBe(false);
    expect(recursOn(20000229, createRunDay('2028-02-28'))).toBe(false);
    expect(recursOn(20000229, createRunDay('2028-02-29'))).toBe(true);
  });

  it('does not move 28 February birthdays', () => {
    expect(recursOn(19900228, createRunDay('2028-02-28'))).toBe(true);
    expect(recursOn(19900228, createRunDay('2028-02-29'))).toBe(false);
  });
});

describe('completedYears', () => {
  const run = createRunDay('2026-07-01');

  it('counts a year as complete on the exact anniversary, not the day before', () => {
    expect(completedYears(19910701, run)).toBe(35);
    expect(completedYears(19910702, run)).toBe(34);
    expect(completedYears(19910630, run)).toBe(35);
  });

  it('completes a 29 February year on 28 February in non-leap years', () => {
    expect(completedYears(20000229, createRunDay('2027-02-28'))).toBe(27);
    expect(completedYears(20000229, createRunDay('2027-02-27'))).toBe(26);
    expect(completedYears(20000229, createRunDay('2028-02-28'))).toBe(27);
    expect(completedYears(20000229, createRunDay('2028-02-29'))).toBe(28);
  });

  it('has no answer for year-less or future dates', () => {
    expect(completedYears(715, run)).toBe(-1);
    expect(completedYears(20260702, run)).toBe(-1);
    expect(completedYears(20260701, run)).toBe(0);
  });
});

describe('runDateIn', () => {
  const lateEvening = new Date('2026-06-30T22:30:00Z');

  it('gives the next day in Istanbul while it is still the same day in UTC', () => {
    expect(runDateIn('Europe/Istanbul', lateEvening)).toBe('2026-07-01');
    expect(runDateIn('UTC', lateEvening)).toBe('2026-06-30');
  });

  it('gives the previous day west of UTC and handles the year boundary', () => {
    expect(runDateIn('America/New_York', new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31');
    expect(runDateIn('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
  });

  it('throws for an unknown zone and says so through isKnownTimeZone', () => {
    expect(() => runDateIn('Mars/Olympus', lateEvening)).toThrow(RangeError);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('Europe/Warsaw')).toBe(true);
  });
});
