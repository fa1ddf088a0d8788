import { describe, expect, it } from 'vitest';
import { runDateIn } from './calendar';
import { FilterContextSchema, createTextFold, foldPersonKey, prepareContext } from './context';
import { compileFilter } from './evaluator';

describe('createTextFold', () => {
  it('uses Turkish casing for Turkish and Azerbaijani, ASCII text included', () => {
    const tr = createTextFold('tr-TR');
    expect(tr('ILIK')).toBe('ılık');
    expect(tr('İZMİR')).toBe('izmir');
    expect(tr('DİYARBAKIR')).toBe('diyarbakır');
    expect(createTextFold('az')('BAKI')).toBe('bakı');
  });

  it('folds a dotted capital I to a plain i outside Turkish too', () => {
    const en = createTextFold('en-US');
    expect(en('İstanbul')).toBe('istanbul');
    expect(en('I\u0307stanbul')).toBe('istanbul');
    expect(en('ILIK')).toBe('ilik');
  });

  it('lowercases Polish and Russian and composes decomposed letters', () => {
    expect(createTextFold('pl')('ZAŻÓŁĆ GĘŚLĄ JAŹŃ')).toBe('zażółć gęślą jaźń');
    expect(createTextFold('ru')('ЁЛКА Москва')).toBe('ёлка москва');
    expect(createTextFold('pl')('Z\u0307')).toBe('ż');
  });

  it('gives the same answer the second time (memoised values are not altered)', () => {
    const tr = createTextFold('tr');
    expect([tr('Şişli'), tr('Şişli'), tr('ŞİŞLİ')]).toEqual(['şişli', 'şişli', 'şişli']);
  });
});

describe('prepareContext and the context schema', () => {
  it('precomputes the run day', () => {
    expect(prepareContext({ runDate: '2028-02-29', timeZone: 'UTC', locale: 'en' }).run).toEqual({
      packed: 20280229,
      year: 2028,
      monthDay: 229,
      leap: true,
    });
  });

  it('validates a context received over the wire, change log included', () => {
    const result = FilterContextSchema.safeParse({
      runDate: '2026-07-01',
      timeZone: 'Europe/Istanbul',
      locale: 'tr-TR',
      personKey: 'id',
      changeLog: [{ personKey: 'E1', date: '2026-07-32', reason: 'salary' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['changeLog.0.date']);
  });

  it('joins person keys regardless of case and spaces', () => {
    expect(foldPersonKey('  AbC-1 ')).toBe('abc-1');
  });
});

describe('the run date in the user time zone', () => {
  it('greets a 1 July birthday at 01:30 in Istanbul, while UTC is still on 30 June', () => {
    const instant = new Date('2026-06-30T22:30:00Z');
    const row = { birthDate: '1990-07-01' };
    const rule = { type: 'birthdayToday', field: 'birthDate' } as const;
    const istanbul = { runDate: runDateIn('Europe/Istanbul', instant), timeZone: 'Europe/Istanbul', locale: 'tr' };
    const utc = { runDate: runDateIn('UTC', instant), timeZone: 'UTC', locale: 'tr' };
    expect(compileFilter(rule, istanbul)(row)).toBe(true);
    expect(compileFilter(rule, utc)(row)).toBe(false);
  });
});
