import { describe, expect, it } from 'vitest';
import { chooseSlashOrder, convertExcelSerial, formatDate, parseDateText, readDateShape } from './date-reader';

describe('parseDateText', () => {
  it.each([
    ['12.03.1985', '1985-03-12'],
    ['1.3.1985', '1985-03-01'],
    ['1985-03-12', '1985-03-12'],
    ['1985-3-1', '1985-03-01'],
    ['12/03/1985', '1985-03-12'],
    ['12-03-1985', '1985-03-12'],
    ['2026.03.12', '2026-03-12'],
    ['12.03.1985 0:00:00', '1985-03-12'],
    ['1985-03-12T08:30:00Z', '1985-03-12'],
    ['12.03.1985 г.', '1985-03-12'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text, 'dmy')).toBe(iso);
  });

  it.each(['31.02.2026', '29.02.2025', '00.01.2026', '32.01.2026', '15.13.2026', '2026-02-30', '31/04/2026'])(
    'rejects the impossible date %s', (text) => {
      expect(readDateShape(text)).toBeDefined();
      expect(parseDateText(text, 'dmy')).toBeUndefined();
    },
  );

  it.each(['12.03.85', '1985', '12.03', 'tomorrow', '12.03.1985.5', '1.234,56'])('does not take %s for a date', (text) => {
    expect(parseDateText(text, 'dmy')).toBeUndefined();
  });

  it('reads slash dates month-first only when the column says so', () => {
    expect(parseDateText('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDateText('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDateText('12.03.2026', 'mdy')).toBe('2026-03-12');
  });
});

describe('chooseSlashOrder', () => {
  it('is day-first when any first part is over 12, month-first when only second parts are, else day-first', () => {
    const over = (values: string[]) => {
      const shapes = values.map((v) => readDateShape(v)!);
      return chooseSlashOrder(shapes.some((s) => s.first > 12), shapes.some((s) => s.second > 12));
    };
    expect(over(['03/04/2026', '25/12/2026'])).toBe('dmy');
    expect(over(['03/04/2026', '12/25/2026'])).toBe('mdy');
    expect(over(['03/04/2026', '05/06/2026'])).toBe('dmy');
    expect(over(['25/04/2026', '12/25/2026'])).toBe('dmy');
  });
});

describe('convertExcelSerial', () => {
  it('counts from 1900 with Lotus 1-2-3 leap-year bug', () => {
    expect(convertExcelSerial(1)).toBe('1900-01-01');
    expect(convertExcelSerial(59)).toBe('1900-02-28');
    expect(convertExcelSerial(60)).toBeUndefined();
    expect(convertExcelSerial(61)).toBe('1900-03-01');
    expect(convertExcelSerial(31120)).toBe('1985-03-14');
    expect(convertExcelSerial(46093.75)).toBe('2026-03-12');
    expect(convertExcelSerial(2958465)).toBe('9999-12-31');
    expect(convertExcelSerial(2958466)).toBeUndefined();
    expect(convertExcelSerial(0)).toBeUndefined();
  });

  it('counts from 1904 for old Mac workbooks', () => {
    expect(convertExcelSerial(0, true)).toBe('1904-01-01');
    expect(convertExcelSerial(29658, true)).toBe('1985-03-14');
  });
});

describe('formatDate', () => {
  it('uses the UTC calendar day and absorbs float error from serial conversion', () => {
    expect(formatDate(new Date(Date.UTC(1985, 2, 12)))).toBe('1985-03-12');
    expect(formatDate(new Date(Date.UTC(1985, 2, 12) - 1))).toBe('1985-03-12');
  });
});
