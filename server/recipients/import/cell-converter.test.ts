import { describe, expect, it } from 'vitest';
import { convertCell } from './cell-converter';
import type { ColumnPlan } from './type-inferrer';
import type { ColumnType } from './types';

const plan = (type: ColumnType, extra: Partial<ColumnPlan> = {}): ColumnPlan =>
  ({ type, slashOrder: 'dmy', decimalMark: undefined, date1904: false, ...extra });

describe('convertCell', () => {
  it('turns empty cells into null without a problem', () => {
    for (const type of ['text', 'number', 'date', 'email'] as const) {
      expect(convertCell(null, plan(type))).toEqual({ value: null });
      expect(convertCell('', plan(type))).toEqual({ value: null });
    }
  });

  it('converts text from any raw cell, numbers without float noise', () => {
    expect(convertCell('Şükrü', plan('text'))).toEqual({ value: 'Şükrü' });
    expect(convertCell(0.1 + 0.2, plan('text'))).toEqual({ value: '0.3' });
    expect(convertCell(new Date(Date.UTC(2026, 2, 12)), plan('text'))).toEqual({ value: '2026-03-12' });
    expect(convertCell(true, plan('text'))).toEqual({ value: 'true' });
  });

  it('converts numbers with the column decimal mark, reporting the unreadable', () => {
    expect(convertCell('1.234', plan('number', { decimalMark: ',' }))).toEqual({ value: 1234 });
    expect(convertCell('1,234', plan('number', { decimalMark: ',' }))).toEqual({ value: 1.234 });
    expect(convertCell(42, plan('number'))).toEqual({ value: 42 });
    expect(convertCell('on iki', plan('number'))).toMatchObject({ value: null, problem: { code: 'INVALID_NUMBER' } });
  });

  it('converts dates from text, XLSX dates and serials, reporting impossible ones', () => {
    expect(convertCell('12/25/2026', plan('date', { slashOrder: 'mdy' }))).toEqual({ value: '2026-12-25' });
    expect(convertCell(new Date(Date.UTC(1985, 2, 12)), plan('date'))).toEqual({ value: '1985-03-12' });
    expect(convertCell(31120, plan('date'))).toEqual({ value: '1985-03-14' });
    expect(convertCell('31120', plan('date'))).toEqual({ value: '1985-03-14' });
    expect(convertCell(29658, plan('date', { date1904: true }))).toEqual({ value: '1985-03-14' });
    expect(convertCell('31.02.2026', plan('date'))).toEqual({
      value: null, problem: { code: 'INVALID_DATE', message: '"31.02.2026" is not a real calendar date' },
    });
    expect(convertCell('yarın', plan('date'))).toMatchObject({ value: null, problem: { code: 'INVALID_DATE' } });
    expect(convertCell(-5, plan('date'))).toMatchObject({ value: null, problem: { code: 'INVALID_DATE' } });
  });

  it('converts yes/no words, 1/0 and Excel booleans', () => {
    expect(convertCell('Evet', plan('boolean'))).toEqual({ value: true });
    expect(convertCell('НЕТ', plan('boolean'))).toEqual({ value: false });
    expect(convertCell(1, plan('boolean'))).toEqual({ value: true });
    expect(convertCell(false, plan('boolean'))).toEqual({ value: false });
    expect(convertCell('belki', plan('boolean'))).toMatchObject({ value: null, problem: { code: 'INVALID_BOOLEAN' } });
  });

  it('extracts addresses and keeps the text of invalid ones', () => {
    expect(convertCell('Şükrü Öztürk <sukru@firma.com.tr>', plan('email'))).toEqual({ value: 'sukru@firma.com.tr' });
    expect(convertCell('mailto:zaneta@firma.pl', plan('email'))).toEqual({ value: 'zaneta@firma.pl' });
    expect(convertCell('ярослав@почта.рф', plan('email'))).toEqual({ value: 'ярослав@почта.рф' });
    expect(convertCell('ali@firma', plan('email'))).toMatchObject({ value: 'ali@firma', problem: { code: 'INVALID_EMAIL' } });
    expect(convertCell('ali..veli@firma.com', plan('email'))).toMatchObject({ problem: { code: 'INVALID_EMAIL' } });
  });

  it('keeps phones as written and numbers from XLSX as digits', () => {
    expect(convertCell('+90 532 123 45 67', plan('phone'))).toEqual({ value: '+90 532 123 45 67' });
    expect(convertCell(905321234567, plan('phone'))).toEqual({ value: '905321234567' });
    expect(convertCell('yok', plan('phone'))).toMatchObject({ value: 'yok', problem: { code: 'INVALID_PHONE' } });
  });

  it('reports Excel error cells whatever the type', () => {
    expect(convertCell({ fault: '#N/A' }, plan('text'))).toMatchObject({ value: null, problem: { code: 'CELL_ERROR' } });
  });
});
