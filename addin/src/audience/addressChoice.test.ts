import { describe, expect, it } from 'vitest';
import type { ListSummary } from '../../../shared/api';
import {
  DEFAULT_ADDRESS_CHOICE, addressCandidates, afterEmailColumnChange, chosenColumns, keepExistingColumns, moveColumn, orderedCandidates,
  toggleColumn,
} from './addressChoice';
import { audienceSpecOf } from './audienceSpec';
import { DEFAULT_COMPANY_CHOICE } from './companies';
import { EMPTY_FILTER } from './filterModel';
import { NO_MARKS } from './marks';

const list = (columns: Array<[string, ListSummary['columns'][number]['type']]>) => ({ columns: columns.map(([name, type]) => ({ name, type })) });
const contacts = list([['name', 'text'], ['email2', 'email'], ['email', 'email'], ['email3', 'email'], ['phone', 'phone']]);

describe('address columns', () => {
  it('offers the columns holding addresses, the email column first', () => {
    expect(addressCandidates(contacts, 'email')).toEqual(['email', 'email2', 'email3']);
    expect(addressCandidates(list([['name', 'text'], ['mail', 'text']]), 'mail')).toEqual(['mail']);
    expect(addressCandidates(contacts, null)).toEqual(['email2', 'email', 'email3']);
  });

  it('uses the email column alone until the user chooses', () => {
    expect(chosenColumns(DEFAULT_ADDRESS_CHOICE, 'email')).toEqual(['email']);
    expect(chosenColumns(DEFAULT_ADDRESS_CHOICE, null)).toEqual([]);
  });

  it('adds a ticked column last, removes an unticked one, but keeps the last one in use', () => {
    const two = toggleColumn(DEFAULT_ADDRESS_CHOICE, 'email', 'email3');
    expect(two).toEqual({ columns: ['email', 'email3'], mode: 'first' });
    expect(toggleColumn(two, 'email', 'email')).toEqual({ columns: ['email3'], mode: 'first' });
    const one = { columns: ['email3'], mode: 'all' as const };
    expect(toggleColumn(one, 'email', 'email3')).toBe(one);
  });

  it('is the default again once only the email column is ticked, so it follows a changed email column', () => {
    const two = toggleColumn(DEFAULT_ADDRESS_CHOICE, 'Work', 'Home');
    const back = toggleColumn(two, 'Work', 'Home');
    expect(back).toEqual(DEFAULT_ADDRESS_CHOICE);
    const choices = { list: { companies: null }, filter: EMPTY_FILTER, marks: NO_MARKS, exclusions: '', companies: DEFAULT_COMPANY_CHOICE };
    expect(audienceSpecOf({ ...choices, emailColumn: 'Home', addressChoice: back })).toBeUndefined();
  });

  it('drops the chosen columns when the email column changes, keeping first or every address', () => {
    const chosen = { columns: ['Work', 'Home'], mode: 'all' as const };
    expect(afterEmailColumnChange(chosen)).toEqual({ columns: null, mode: 'all' });
    expect(afterEmailColumnChange(DEFAULT_ADDRESS_CHOICE)).toBe(DEFAULT_ADDRESS_CHOICE);
    // A choice left as the old email column alone says nothing about the new one.
    const choices = { list: { companies: null }, filter: EMPTY_FILTER, marks: NO_MARKS, exclusions: '', companies: DEFAULT_COMPANY_CHOICE };
    const spec = audienceSpecOf({ ...choices, emailColumn: 'Home', addressChoice: afterEmailColumnChange({ columns: ['Work'], mode: 'first' }) });
    expect(spec).toBeUndefined();
  });

  it('moves a column up or down the order of preference, not past either end', () => {
    const three = { columns: ['email', 'email2', 'email3'], mode: 'first' as const };
    expect(moveColumn(three, 'email', 'email3', -1).columns).toEqual(['email', 'email3', 'email2']);
    expect(moveColumn(three, 'email', 'email', 1).columns).toEqual(['email2', 'email', 'email3']);
    expect(moveColumn(three, 'email', 'email', -1)).toBe(three);
    expect(moveColumn(three, 'email', 'phone', 1)).toBe(three);
    expect(moveColumn(DEFAULT_ADDRESS_CHOICE, 'email', 'email', 1)).toBe(DEFAULT_ADDRESS_CHOICE);
  });

  it('shows the chosen columns by preference, then the rest', () => {
    expect(orderedCandidates(['email', 'email2', 'email3'], ['email3', 'email'])).toEqual(['email3', 'email', 'email2']);
  });

  it('drops columns a refreshed list no longer has', () => {
    const choice = { columns: ['email3', 'work'], mode: 'all' as const };
    expect(keepExistingColumns(choice, contacts)).toEqual({ columns: ['email3'], mode: 'all' });
    expect(keepExistingColumns({ columns: ['work'], mode: 'first' }, contacts)).toEqual({ columns: null, mode: 'first' });
  });
});
