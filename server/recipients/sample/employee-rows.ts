/**
 * The sample employees as a recipient source sees them: flat rows of merge fields, and the
 * change log that `changedOn` audience rules join to those rows by address.
 */
import type { ChangeLogEntry } from '../../../shared/audience';
import type { Employee } from './employees';

/** A flat recipient row: field name to value. */
export type SampleRow = Record<string, string | number | null>;

/** One employee as a flat row of merge fields. */
export interface EmployeeRow extends SampleRow {
  firstName: string;
  lastName: string;
  email: string;
  birthDate: string;
  hireDate: string;
  department: string;
  city: string;
  jobTitle: string;
  phone: string;
  salary: number;
  lastSalaryChange: string | null;
  changeReason: string | null;
  language: Employee['language'];
  gender: Employee['gender'];
  country: string;
  currency: string;
}

/** Flat rows for merge and filtering, in the order given; `email` is the key. */
export function employeesAsRows(emps: readonly Employee[]): EmployeeRow[] {
  return emps.map((e) => ({
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    birthDate: e.birthDate,
    hireDate: e.hireDate,
    department: e.department,
    city: e.city,
    jobTitle: e.jobTitle,
    phone: e.phone,
    salary: e.salary,
    lastSalaryChange: e.lastSalaryChange,
    changeReason: e.changeReason,
    language: e.language,
    gender: e.gender,
    country: e.country,
    currency: e.currency,
  }));
}

/**
 * The HR change log behind lastSalaryChange/changeReason: one entry per employee with a change,
 * keyed by address. A pay rise records the salary before and after; a promotion records the
 * new job title.
 */
export function employeeChangeLog(emps: readonly Employee[]): ChangeLogEntry[] {
  return emps.flatMap((e, i): ChangeLogEntry[] => {
    if (e.lastSalaryChange === null || e.changeReason === null) return [];
    if (e.changeReason === 'position') {
      return [{ personKey: e.email, date: e.lastSalaryChange, reason: 'position', oldValue: null, newValue: e.jobTitle }];
    }
    // A raise of 4–16 %, fixed per position in the list so the log is as deterministic as the people.
    const raise = 0.04 + (i % 7) * 0.02;
    return [{ personKey: e.email, date: e.lastSalaryChange, reason: 'salary', oldValue: Math.round(e.salary / (1 + raise)), newValue: e.salary }];
  });
}
