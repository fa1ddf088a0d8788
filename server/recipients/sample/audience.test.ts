// The sample data exists to exercise the audience rules; these tests run the real filter
// evaluator from shared/audience over it, for the scenarios the product is demonstrated with.
import { describe, expect, it } from 'vitest';
import { filterRows } from '../../../shared/audience';
import type { FilterContext, FilterNode } from '../../../shared/audience';
import { sampleCompanies } from './companies';
import { addDays } from './dates';
import { employeeChangeLog, employeesAsRows } from './employee-rows';
import { SAMPLE_CHANGE_DATE, sampleEmployees } from './employees';
import { flattenCompanies } from './flatten';

const context = (runDate: string): FilterContext => ({ runDate, timeZone: 'Europe/Istanbul', locale: 'tr-TR' });
const staff = sampleEmployees();
const rows = employeesAsRows(staff);

describe('sample data under audience rules', () => {
  it('finds a birthday or a work anniversary on every day of a year, and birthdays on most days', () => {
    const greetings: FilterNode = {
      type: 'group',
      op: 'or',
      children: [{ type: 'birthdayToday', field: 'birthDate' }, { type: 'workAnniversaryToday', field: 'hireDate' }],
    };
    const birthday: FilterNode = { type: 'birthdayToday', field: 'birthDate' };
    let daysWithBirthday = 0;
    for (let day = '2027-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      expect(filterRows(rows, greetings, context(day)).length, day).toBeGreaterThan(0);
      if (filterRows(rows, birthday, context(day)).length > 0) daysWithBirthday++;
    }
    expect(daysWithBirthday).toBeGreaterThanOrEqual(180);
    expect(filterRows(rows, birthday, context('2028-02-29')).map((r) => r.birthDate.slice(5))).toContain('02-29');
  });

  it('selects everyone whose salary changed on the company-wide date', () => {
    const ctx: FilterContext = { ...context(SAMPLE_CHANGE_DATE), changeLog: employeeChangeLog(staff), personKey: 'email' };
    const changed = filterRows(rows, { type: 'changedOn', date: SAMPLE_CHANGE_DATE, reason: 'salary' }, ctx);
    const expected = staff.filter((e) => e.lastSalaryChange === SAMPLE_CHANGE_DATE && e.changeReason === 'salary');
    expect(changed.map((r) => r.email).sort()).toEqual(expected.map((e) => e.email).sort());
    expect(changed.length).toBeGreaterThanOrEqual(30);
  });

  it('has an audience for "general managers over 35 in food, Black Sea or Marmara"', () => {
    const contacts = flattenCompanies(sampleCompanies(), { general: false, defaultContact: true, otherContacts: true });
    const campaign: FilterNode = {
      type: 'group',
      op: 'and',
      children: [
        { type: 'equals', field: 'title', value: 'general manager' },
        { type: 'gt', field: 'age', value: 35 },
        { type: 'equals', field: 'sector', value: 'food' },
        { type: 'in', field: 'region', values: ['Black Sea', 'Marmara'] },
      ],
    };
    const audience = filterRows(contacts, campaign, context('2026-09-01'));
    expect(audience.length).toBeGreaterThanOrEqual(3);
    for (const row of audience) {
      expect(row).toMatchObject({ title: 'General Manager', sector: 'food' });
      expect(row.age as number).toBeGreaterThan(35);
    }
  });
});
