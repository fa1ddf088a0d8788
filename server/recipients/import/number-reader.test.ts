import { describe, expect, it } from 'vitest';
import { chooseDecimalMark, parseNumberText, readDecimalEvidence, readNumberShape } from './number-reader';

describe('parseNumberText', () => {
  it.each([
    ['1234', 1234],
    ['1234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234\u202f567,5', 1234567.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['-12,5', -12.5],
    ['−12,5', -12.5],
    ['0,123', 0.123],
    ['0.5', 0.5],
    ['1,23E+11', 123000000000],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberText(text, undefined)).toBe(value);
  });

  it('lets the column decide a lone three-digit group', () => {
    expect(parseNumberText('1.234', undefined)).toBe(1234);
    expect(parseNumberText('1.234', '.')).toBe(1.234);
    expect(parseNumberText('1.234', ',')).toBe(1234);
    expect(parseNumberText('1,234', ',')).toBe(1.234);
    expect(parseNumberText('1,234', '.')).toBe(1234);
  });

  it.each(['12,345,67', '1.234,567,8', '12a', '1 23', '+5', '', '1234567890123456', '1,5,6'])('rejects %j', (text) => {
    expect(parseNumberText(text, undefined)).toBeUndefined();
  });

  it('marks leading-zero IDs', () => {
    expect(readNumberShape('00123')?.leadingZero).toBe(true);
    expect(readNumberShape('06100')?.leadingZero).toBe(true);
    expect(readNumberShape('0,5')?.leadingZero).toBe(false);
    expect(readNumberShape('100')?.leadingZero).toBe(false);
  });
});

describe('decimal evidence', () => {
  it('comes from two separators, repeated groups and other fraction lengths, never a lone group', () => {
    const evidence = (text: string) => readDecimalEvidence(readNumberShape(text)!);
    expect(evidence('1.234,56')).toBe(',');
    expect(evidence('1,234.56')).toBe('.');
    expect(evidence('12,5')).toBe(',');
    expect(evidence('1.234.567')).toBe(',');
    expect(evidence('1 234')).toBeUndefined();
    expect(evidence('1.234')).toBeUndefined();
    expect(chooseDecimalMark(0, 0)).toBeUndefined();
    expect(chooseDecimalMark(3, 1)).toBe(',');
    expect(chooseDecimalMark(0, 2)).toBe('.');
  });
});
