import { describe, expect, it } from 'vitest';
import { isIdentifierName, isKeyColumn, suggestKeyColumn } from './key-column';

type Row = Record<string, string | number | boolean | null>;
const text = (...names: string[]) => names.map((name) => ({ name, type: 'text' }));

describe('suggestKeyColumn', () => {
  it('prefers an identifier by name over earlier unique columns and the address column', () => {
    const columns = [...text('name'), { name: 'email', type: 'email' }, { name: 'Sicil No', type: 'number' }];
    const rows: Row[] = [
      { name: 'Ayşe', email: 'ayse@example.com', 'Sicil No': 1042 },
      { name: 'Bora', email: 'bora@example.com', 'Sicil No': 1043 },
    ];
    expect(suggestKeyColumn(columns, rows, { emailColumn: 'email' })).toBe('Sicil No');
  });

  it('knows personnel and national numbers in the five languages, and ids by their suffix', () => {
    for (const name of ['id', 'ID', 'employeeId', 'personnel_number', 'Sicil', 'sicil numarası', 'T.C. Kimlik No', 'tabNumber',
      'Табельный номер', 'СНИЛС', 'PESEL', 'Numer pracownika', 'Rodné číslo', 'Osobné číslo']) {
      expect(isIdentifierName(name), name).toBe(true);
    }
    for (const name of ['name', 'city', 'valid', 'paid', 'email']) expect(isIdentifierName(name), name).toBe(false);
    const rows: Row[] = [{ name: 'Jan', customerId: 'C-1' }, { name: 'Olga', customerId: 'C-2' }];
    expect(suggestKeyColumn(text('name', 'customerId'), rows)).toBe('customerId');
  });

  it('passes over identifiers that are blank or repeated in some row, then takes the address column', () => {
    const columns = [...text('id', 'employeeId', 'name'), { name: 'email', type: 'email' }];
    const rows: Row[] = [
      { id: 'e1', employeeId: '7', name: 'Ayşe', email: 'ayse@example.com' },
      { id: '  ', employeeId: '8', name: 'Ayşe', email: 'bora@example.com' },
      { id: 'e3', employeeId: '7 ', name: 'Can', email: 'can@example.com' },
    ];
    expect(suggestKeyColumn(columns, rows, { emailColumn: 'email' })).toBe('email');
  });

  it('falls back to a unique phone or address column, never names, dates, yes/no or amounts', () => {
    const columns = [
      { name: 'birthDate', type: 'date' }, { name: 'active', type: 'boolean' }, { name: 'salary', type: 'number' }, ...text('firstName', 'city'),
      { name: 'mobile', type: 'phone' },
    ];
    const rows: Row[] = [
      { birthDate: '1990-01-01', active: true, salary: 100, firstName: 'Şükrü', city: 'İzmir', mobile: '+90 532 111 22 33' },
      { birthDate: '1991-01-01', active: false, salary: 200, firstName: 'Żaneta', city: 'Kraków', mobile: '+48 601 222 333' },
    ];
    expect(suggestKeyColumn(columns, rows)).toBe('mobile');
    // Unique first names today are no key: a second Şükrü may join tomorrow.
    expect(suggestKeyColumn(columns.slice(0, 5), rows)).toBeNull();
  });

  it('is null when no column is present and unique in every row', () => {
    const rows: Row[] = [{ name: 'Jan', email: 'jan@example.com' }, { name: 'Jan', email: null }];
    expect(suggestKeyColumn([...text('name'), { name: 'email', type: 'email' }], rows, { emailColumn: 'email' })).toBeNull();
  });

  it('keeps the previous key while it still is one, even when a better one appears', () => {
    const columns = text('id', 'email');
    const rows: Row[] = [{ id: '1', email: 'a@example.com' }, { id: '2', email: 'b@example.com' }];
    expect(suggestKeyColumn(columns, rows, { previous: 'email' })).toBe('email');
    expect(suggestKeyColumn(columns, [...rows, { id: '3', email: 'a@example.com' }], { previous: 'email' })).toBe('id');
    expect(suggestKeyColumn(text('id'), rows, { previous: 'email' })).toBe('id');
  });

  it('compares keys as marks name them: trimmed text, numbers as written', () => {
    expect(isKeyColumn([{ k: 1 }, { k: '1' }], 'k')).toBe(false);
    expect(isKeyColumn([{ k: 'a' }, { k: 'A' }], 'k')).toBe(true);
    expect(isKeyColumn([{ k: 'a' }, { k: ' a' }], 'k')).toBe(false);
  });
});
