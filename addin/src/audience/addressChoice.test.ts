import { describe, expect, it } from 'vitest';
import type { ListSummary } from '../../../shared/api';
import {
  DEFAULT_ADDRESS_CHOICE, addressCandidates, chosenColumns, keepExistingColumns, moveColumn, orderedCandidates, toggleColumn,
} from './addressChoice';

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
