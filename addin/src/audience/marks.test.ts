import { describe, expect, it } from 'vitest';
import { NO_MARKS, hasMarks, markKeyOf, markingOn, marksAfterNewRows, toggleMark, verdictOfMarks } from './marks';

describe('row marks', () => {
  it('names rows by their key column\'s value as the server reads it, by position only without one', () => {
    const row = { sicil: 1042, email: ' ayse@example.com ', note: '  ', none: null };
    expect(markKeyOf(row, 57, 'sicil')).toBe('1042');
    expect(markKeyOf(row, 57, 'email')).toBe('ayse@example.com');
    expect(markKeyOf(row, 57, 'note')).toBeNull();
    expect(markKeyOf(row, 57, 'none')).toBeNull();
    expect(markKeyOf(row, 0, undefined)).toBe('0');
    expect(markKeyOf(row, 57, undefined)).toBe('57');
  });

  it('starts marks on a list by its key column, and keeps marks once made', () => {
    expect(markingOn(NO_MARKS, 'sicil')).toEqual({ include: [], exclude: [], by: 'sicil' });
    expect(markingOn(NO_MARKS, null)).toBe(NO_MARKS);
    expect(markingOn(NO_MARKS, undefined)).toBe(NO_MARKS);
    const made = toggleMark(markingOn(NO_MARKS, 'sicil'), '1042', 'matched', true);
    expect(made).toEqual({ include: [], exclude: ['1042'], by: 'sicil' });
    expect(markingOn(made, 'email')).toBe(made);
    // Taking the last mark back leaves no marks: the next starts on the list's key column again.
    expect(markingOn(toggleMark(made, '1042', 'markedOut', true), 'email')).toEqual({ include: [], exclude: [], by: 'email' });
  });

  it('keeps marks through new rows only while they are keyed by the column the list still keys by', () => {
    const keyed = { include: ['7'], exclude: ['1042'], by: 'sicil' };
    expect(marksAfterNewRows(keyed, 'sicil')).toBe(keyed);
    expect(marksAfterNewRows(keyed, 'email')).toEqual(NO_MARKS);
    expect(marksAfterNewRows(keyed, null)).toEqual(NO_MARKS);
    expect(marksAfterNewRows({ include: [], exclude: ['3'] }, null)).toEqual(NO_MARKS);
    expect(marksAfterNewRows({ include: [], exclude: ['3'] }, undefined)).toEqual(NO_MARKS);
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
    expect(verdictOfMarks({ include: [], exclude: ['0'] }, null)).toBe('matched');
  });
});
