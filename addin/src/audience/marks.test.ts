import { describe, expect, it } from 'vitest';
import { NO_MARKS, hasMarks, rowKeyOf, toggleMark, verdictOfMarks } from './marks';

describe('row marks', () => {
  it('names rows by their position in the list', () => {
    expect(rowKeyOf(0)).toBe('0');
    expect(rowKeyOf(57)).toBe('57');
  });

  it('leaves out a row the filter matches, and brings it back by removing the mark', () => {
    const out = toggleMark(NO_MARKS, '3', 'matched', true);
    expect(out).toEqual({ include: [], exclude: ['3'] });
    expect(verdictOfMarks(out, '3')).toBe('markedOut');
    expect(toggleMark(out, '3', 'markedOut', true)).toEqual(NO_MARKS);
  });

  it('brings back a row left out by hand that the filter has since come to leave out, as included anyway', () => {
    expect(toggleMark({ include: [], exclude: ['3'] }, '3', 'markedOut', false)).toEqual({ include: ['3'], exclude: [] });
  });

  it('includes a filtered-out row anyway, and undoes that by removing the mark', () => {
    const anyway = toggleMark({ include: ['1'], exclude: ['2'] }, '7', 'notMatched', false);
    expect(anyway).toEqual({ include: ['1', '7'], exclude: ['2'] });
    expect(toggleMark(anyway, '7', 'markedIn', false)).toEqual({ include: ['1'], exclude: ['2'] });
  });

  it('keeps a key in one list at most', () => {
    // An include mark on a row the filter now matches: leaving it out drops the include.
    expect(toggleMark({ include: ['4'], exclude: [] }, '4', 'matched', true)).toEqual({ include: [], exclude: ['4'] });
  });

  it('says whether anything is marked', () => {
    expect(hasMarks(NO_MARKS)).toBe(false);
    expect(hasMarks({ include: ['0'], exclude: [] })).toBe(true);
    expect(verdictOfMarks(NO_MARKS, '0')).toBe('matched');
  });
});
