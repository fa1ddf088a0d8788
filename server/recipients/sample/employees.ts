/**
 * A deterministic staff list for demos and tests: 200 employees of a company with offices in
 * Turkey, Russia, Poland, Slovakia and the UK. Birthdays fall on 200 different days, including
 * 29 February, and the year's other days each carry someone's work anniversary, so "birthday
 * today" or "work anniversary today" finds someone on any run date.
 */
import { allMonthDays, isLeapDay, isoDate, randomDateBetween, yearFor } from './dates';
import type { MonthDay } from './dates';
import { JOBS } from './jobs';
import { NAMES } from './names';
import { COUNTRIES, phoneNumber } from './places';
import type { SampleCountry } from './places';
import { createRandom } from './prng';
import type { Random } from './prng';
import { emailLocalPart, feminineSurname } from './transliterate';
import type { SampleLanguage } from './transliterate';

/** One employee of the sample company. */
export interface Employee {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  gender: 'female' | 'male';
  language: SampleLanguage;
  country: SampleCountry;
  birthDate: string;
  hireDate: string;
  department: string;
  jobTitle: string;
  city: string;
  phone: string;
  salary: number;
  currency: string;
  lastSalaryChange: string | null;
  changeReason: 'salary' | 'position' | null;
}

/** How many employees sampleEmployees() returns. */
export const SAMPLE_EMPLOYEE_COUNT = 200;

/** The date of the sample's company-wide pay change (notices "to everyone whose salary changed on …"). */
export const SAMPLE_CHANGE_DATE = '2026-07-01';

/** The domain of every sample employee's address (reserved for examples by RFC 2606). */
export const EMPLOYEE_DOMAIN = 'example.com';

const LANGUAGE_MIX: Record<SampleLanguage, number> = { tr: 50, ru: 45, pl: 45, sk: 35, en: 25 };

/**
 * Month-days for birthdays (one per employee, all different, 29 February first) and for hire
 * anniversaries (the days left over, then random ones; the last employee was hired on a 29 February).
 */
function planDays(random: Random, count: number): { birthdays: MonthDay[]; hireDays: MonthDay[] } {
  const days = allMonthDays();
  const leapDay = days.find(isLeapDay)!;
  const others = random.shuffle(days.filter((d) => !isLeapDay(d)));
  const birthdays = [leapDay, ...others.slice(0, count - 1)];
  const spare = others.slice(count - 1);
  const hireDays = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? leapDay : i < spare.length ? spare[i] : random.pick(others),
  );
  return { birthdays, hireDays };
}

function salaryChange(random: Random, hireDate: string): Pick<Employee, 'lastSalaryChange' | 'changeReason'> {
  const roll = random.next();
  if (roll < 0.25) return { lastSalaryChange: SAMPLE_CHANGE_DATE, changeReason: 'salary' };
  if (roll < 0.3) return { lastSalaryChange: SAMPLE_CHANGE_DATE, changeReason: 'position' };
  if (roll >= 0.75) return { lastSalaryChange: null, changeReason: null };
  const from = hireDate > '2023-01-01' ? hireDate : '2023-01-01';
  return { lastSalaryChange: randomDateBetween(random, from, '2026-06-30'), changeReason: random.chance(0.8) ? 'salary' : 'position' };
}

function uniqueEmail(local: string, used: Set<string>, capitalise: boolean): string {
  let candidate = local;
  for (let n = 2; used.has(`${candidate}@${EMPLOYEE_DOMAIN}`); n++) candidate = `${local}${n}`;
  used.add(`${candidate}@${EMPLOYEE_DOMAIN}`);
  // Some directories store addresses as people type them; de-duplication must not care.
  const shown = capitalise ? candidate.replace(/(^|[.-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase()) : candidate;
  return `${shown}@${EMPLOYEE_DOMAIN}`;
}

function makeEmployee(random: Random, index: number, language: SampleLanguage, days: { birthday: MonthDay; hireDay: MonthDay }, used: Set<string>): Employee {
  const profile = COUNTRIES[language];
  const names = NAMES[language];
  const gender = random.chance(0.5) ? 'female' : 'male';
  const firstName = random.pick(gender === 'female' ? names.female : names.male);
  const surname = random.pick(names.surnames);
  const lastName = gender === 'female' ? feminineSurname(language, surname) : surname;
  const birthYear = yearFor(random, days.birthday, 1961, 2003);
  const hireYear = yearFor(random, days.hireDay, Math.max(birthYear + 20, 1998), 2025);
  const hireDate = isoDate(hireYear, days.hireDay.month, days.hireDay.day);
  const job = random.pick(JOBS);
  const [low, high, step] = profile.salary;
  const raw = low + (high - low) * job.level * (0.85 + random.next() * 0.3) + (2025 - hireYear) * step;
  return {
    id: `emp-${String(index + 1).padStart(3, '0')}`,
    firstName,
    lastName,
    email: uniqueEmail(emailLocalPart(firstName, lastName), used, index % 25 === 7),
    gender,
    language,
    country: profile.country,
    birthDate: isoDate(birthYear, days.birthday.month, days.birthday.day),
    hireDate,
    department: job.department,
    jobTitle: job.title,
    city: random.pick(profile.officeCities),
    phone: phoneNumber(profile, random.pick(profile.mobilePrefixes), () => random.int(0, 9)),
    salary: Math.min(high, Math.max(low, Math.round(raw / step) * step)),
    currency: profile.currency,
    ...salaryChange(random, hireDate),
  };
}

/** 200 sample employees; the same seed always gives the same people. */
export function sampleEmployees(seed = 1): Employee[] {
  const random = createRandom(seed);
  const languages = random.shuffle(
    (Object.entries(LANGUAGE_MIX) as Array<[SampleLanguage, number]>).flatMap(([lang, n]) => Array<SampleLanguage>(n).fill(lang)),
  );
  const { birthdays, hireDays } = planDays(random, languages.length);
  const used = new Set<string>();
  return languages.map((language, i) => makeEmployee(random, i, language, { birthday: birthdays[i], hireDay: hireDays[i] }, used));
}
