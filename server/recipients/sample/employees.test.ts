import { describe, expect, it } from 'vitest';
import { allMonthDays, isLeapYear, isoDate, monthDayOf } from './dates';
import { employeeChangeLog, employeesAsRows } from './employee-rows';
import { EMPLOYEE_DOMAIN, SAMPLE_CHANGE_DATE, sampleEmployees } from './employees';
import type { Employee } from './employees';

const ADDRESS = /^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*@example\.com$/;
const SCRIPT = {
  tr: /^[A-Za-zÇĞİÖŞÜçğıöşü]+$/,
  ru: /^[А-ЯЁа-яё-]+$/,
  pl: /^[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż-]+$/,
  sk: /^[A-Za-zÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽáäčďéíĺľňóôŕšťúýž-]+$/,
  en: /^[A-Za-zë' -]+$/,
};
const realDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

describe('sampleEmployees', () => {
  const staff = sampleEmployees();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(sampleEmployees(1)).toEqual(staff);
    expect(sampleEmployees()).toEqual(staff);
    const other = sampleEmployees(2);
    expect(other).toHaveLength(200);
    expect(other.map((e) => e.email)).not.toEqual(staff.map((e) => e.email));
  });

  it.each([1, 2, 3, 42, 2026])('gives 200 people with unique ids and case-insensitively unique, valid addresses (seed %i)', (seed) => {
    const people = sampleEmployees(seed);
    expect(people).toHaveLength(200);
    expect(new Set(people.map((e) => e.id)).size).toBe(200);
    expect(new Set(people.map((e) => e.email.toLowerCase())).size).toBe(200);
    for (const e of people) expect(e.email, e.email).toMatch(ADDRESS);
    expect(people.some((e) => e.email !== e.email.toLowerCase())).toBe(true);
  });

  it('speaks all five languages, each written in its own letters', () => {
    const byLanguage = new Map<Employee['language'], Employee[]>();
    for (const e of staff) byLanguage.set(e.language, [...(byLanguage.get(e.language) ?? []), e]);
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'pl', 'ru', 'sk', 'tr']);
    for (const [language, people] of byLanguage) {
      expect(people.length, language).toBeGreaterThanOrEqual(20);
      for (const e of people) {
        expect(e.firstName, language).toMatch(SCRIPT[language]);
        expect(e.lastName, language).toMatch(SCRIPT[language]);
      }
    }
    const text = (language: Employee['language']) => byLanguage.get(language)!.map((e) => `${e.firstName} ${e.lastName}`).join(' ');
    for (const letter of ['ş', 'ğ', 'ı', 'İ', 'ç', 'ö', 'ü']) expect(text('tr')).toContain(letter);
    for (const letter of ['ł', 'ż', 'ś', 'ą', 'ó', 'ń']) expect(text('pl').toLowerCase()).toContain(letter);
    for (const letter of ['ľ', 'š', 'ť', 'č', 'ž', 'á', 'ú']) expect(text('sk').toLowerCase()).toContain(letter);
    expect(text('ru')).toMatch(/ё/);
  });

  it('uses the feminine surname for women', () => {
    const russianWomen = staff.filter((e) => e.language === 'ru' && e.gender === 'female');
    expect(russianWomen.length).toBeGreaterThan(5);
    for (const e of russianWomen) expect(e.lastName).toMatch(/(а|ая|ко|Ким)$/);
    for (const e of staff.filter((x) => x.language === 'sk' && x.gender === 'female')) expect(e.lastName).toMatch(/(ová|á)$/);
  });

  it('has a birthday on 200 different days, one on 29 February, and a birthday or anniversary on every day', () => {
    expect(new Set(staff.map((e) => monthDayOf(e.birthDate))).size).toBe(200);
    const leapling = staff.filter((e) => monthDayOf(e.birthDate) === '02-29');
    expect(leapling).toHaveLength(1);
    expect(isLeapYear(Number(leapling[0].birthDate.slice(0, 4)))).toBe(true);
    expect(staff.some((e) => monthDayOf(e.hireDate) === '02-29')).toBe(true);
    const covered = new Set(staff.flatMap((e) => [monthDayOf(e.birthDate), monthDayOf(e.hireDate)]));
    const missing = allMonthDays().map((d) => isoDate(2024, d.month, d.day).slice(5)).filter((md) => !covered.has(md));
    expect(missing).toEqual([]);
  });

  it('has real dates: adults when hired, hired before 2026, pay changes after hiring', () => {
    for (const e of staff) {
      expect(realDate(e.birthDate) && realDate(e.hireDate), e.id).toBe(true);
      expect(Number(e.hireDate.slice(0, 4)) - Number(e.birthDate.slice(0, 4)), e.id).toBeGreaterThanOrEqual(19);
      expect(e.hireDate < '2026-01-01', e.id).toBe(true);
      if (e.lastSalaryChange !== null) {
        expect(realDate(e.lastSalaryChange) && e.lastSalaryChange > e.hireDate, e.id).toBe(true);
        expect(e.changeReason).not.toBeNull();
      } else expect(e.changeReason).toBeNull();
    }
  });

  it('gives phones in E.164 with the country code, and salaries in the local currency', () => {
    const dial = { TR: '+90', RU: '+7', PL: '+48', SK: '+421', GB: '+44' };
    const currency = { TR: 'TRY', RU: 'RUB', PL: 'PLN', SK: 'EUR', GB: 'GBP' };
    for (const e of staff) {
      expect(e.phone, e.id).toMatch(/^\+[1-9]\d{9,13}$/);
      expect(e.phone.startsWith(dial[e.country]), e.id).toBe(true);
      expect(e.currency).toBe(currency[e.country]);
      expect(Number.isInteger(e.salary) && e.salary > 0).toBe(true);
    }
  });

  it('changed many salaries on the company-wide date, and some positions', () => {
    const onDate = staff.filter((e) => e.lastSalaryChange === SAMPLE_CHANGE_DATE);
    expect(onDate.filter((e) => e.changeReason === 'salary').length).toBeGreaterThanOrEqual(30);
    expect(onDate.filter((e) => e.changeReason === 'position').length).toBeGreaterThanOrEqual(3);
    expect(staff.filter((e) => e.lastSalaryChange === null).length).toBeGreaterThanOrEqual(20);
  });
});

describe('employeesAsRows and employeeChangeLog', () => {
  const staff = sampleEmployees();

  it('flattens each employee into the merge fields, in order', () => {
    const rows = employeesAsRows(staff);
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0]).slice(0, 13)).toEqual([
      'firstName', 'lastName', 'email', 'birthDate', 'hireDate', 'department', 'city', 'jobTitle', 'phone', 'salary',
      'lastSalaryChange', 'changeReason', 'language',
    ]);
    const e = staff[10];
    expect(rows[10]).toMatchObject({ firstName: e.firstName, email: e.email, salary: e.salary, language: e.language, changeReason: e.changeReason });
    for (const row of rows) for (const value of Object.values(row)) expect(['string', 'number', 'object']).toContain(typeof value);
    expect(rows.every((r) => r.email.endsWith(`@${EMPLOYEE_DOMAIN}`))).toBe(true);
  });

  it('logs one change per employee with a change, keyed by address', () => {
    const log = employeeChangeLog(staff);
    expect(log).toHaveLength(staff.filter((e) => e.lastSalaryChange !== null).length);
    const byKey = new Map(log.map((entry) => [entry.personKey, entry]));
    for (const e of staff.filter((x) => x.changeReason === 'salary')) {
      const entry = byKey.get(e.email)!;
      expect(entry).toMatchObject({ date: e.lastSalaryChange, reason: 'salary', newValue: e.salary });
      expect(entry.oldValue as number).toBeLessThan(e.salary);
    }
  });
});
