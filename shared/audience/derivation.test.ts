import { describe, expect, it } from 'vitest';
import type { FilterContext } from './context';
import { compileDerivedValues, derivedValues, listDerivedFields } from './derivation';
import { parseFilterExpression } from './expression';

const ctx: FilterContext = {
  runDate: '2027-02-28',
  timeZone: 'Europe/Istanbul',
  locale: 'tr-TR',
  personKey: 'employeeId',
  changeLog: [
    { personKey: 'T-7', date: '2027-02-28', reason: 'Maaş', oldValue: 40000, newValue: 46000 },
    { personKey: 'T-7', date: '2027-02-28', reason: 'Unvan', oldValue: 'Uzman', newValue: 'Kıdemli Uzman' },
    { personKey: 'T-8', date: '2027-02-28' },
  ],
};

describe('derivedValues', () => {
  it('gives years of service on a leap-day anniversary and the age at the birthday', () => {
    const filter = parseFilterExpression('anniversary today(hireDate) or birthday today(birthDate)');
    expect(derivedValues(filter, { hireDate: '2016-02-29', birthDate: '1987-02-28' }, ctx)).toEqual({ yearsOfService: 11, age: 40 });
  });

  it('gives the change that matched, with its old and new values', () => {
    const derive = compileDerivedValues(parseFilterExpression('changed on 2027-02-28 reason "unvan"'), ctx);
    expect(derive({ employeeId: 't-7' })).toEqual({
      changeDate: '2027-02-28',
      changeReason: 'Unvan',
      changeOldValue: 'Uzman',
      changeNewValue: 'Kıdemli Uzman',
    });
    expect(derive({ employeeId: 'T-9' })).toEqual({});
  });

  it('takes the first change of the day when no reason narrows it, with nulls for missing values', () => {
    const derive = compileDerivedValues(parseFilterExpression('changed on 2027-02-28'), ctx);
    expect(derive({ employeeId: 'T-7' })).toMatchObject({ changeReason: 'Maaş', changeNewValue: 46000 });
    expect(derive({ employeeId: 'T-8' })).toEqual({ changeDate: '2027-02-28', changeOldValue: null, changeNewValue: null });
  });

  it('leaves values out when the dates cannot give them', () => {
    const filter = parseFilterExpression('age(birthDate) > 30 and anniversary today(hireDate)');
    expect(derivedValues(filter, { birthDate: '--02-28', hireDate: '2030-01-01' }, ctx)).toEqual({});
    expect(derivedValues(undefined, { birthDate: '1980-01-01' }, ctx)).toEqual({});
  });
});

describe('listDerivedFields', () => {
  it('lists the merge fields a filter makes available', () => {
    expect(listDerivedFields(parseFilterExpression('not age(birthDate) < 18 and changed on 2027-01-01'))).toEqual([
      'age',
      'changeDate',
      'changeReason',
      'changeOldValue',
      'changeNewValue',
    ]);
    expect(listDerivedFields(parseFilterExpression('city = "Rize"'))).toEqual([]);
    expect(listDerivedFields(undefined)).toEqual([]);
  });
});
