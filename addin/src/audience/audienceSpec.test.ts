import { describe, expect, it } from 'vitest';
import { AudienceSpec } from '../../../shared/api';
import { DEFAULT_ADDRESS_CHOICE } from './addressChoice';
import { audienceSpecOf, type AudienceChoices } from './audienceSpec';
import { DEFAULT_COMPANY_CHOICE, isCompanyChoiceValid, isRowChosen } from './companies';
import { EMPTY_FILTER } from './filterModel';
import { NO_MARKS } from './marks';

const plain: AudienceChoices = {
  list: { companies: null },
  emailColumn: 'email',
  filter: EMPTY_FILTER,
  marks: NO_MARKS,
  exclusions: '',
  addressChoice: DEFAULT_ADDRESS_CHOICE,
  companies: DEFAULT_COMPANY_CHOICE,
};

describe('the audience the pane sends', () => {
  it('is absent when nothing differs from the server\'s defaults', () => {
    expect(audienceSpecOf(plain)).toBeUndefined();
    // Choosing the email column alone, explicitly, is the default too.
    expect(audienceSpecOf({ ...plain, addressChoice: { columns: ['email'], mode: 'first' } })).toBeUndefined();
  });

  it('carries the filter, the marks, the exclusions and the address choice', () => {
    const spec = audienceSpecOf({
      ...plain,
      filter: { op: 'and', conditions: [{ id: 1, field: 'city', operator: 'equals', value: 'Kraków' }] },
      marks: { include: ['4'], exclude: ['0', '2'] },
      exclusions: 'rakip.com.tr\nayse@example.com; ayse@example.com',
      addressChoice: { columns: ['work', 'private'], mode: 'all' },
    });
    expect(spec).toEqual({
      filter: { type: 'equals', field: 'city', value: 'Kraków' },
      include: ['4'],
      exclude: ['0', '2'],
      exclusions: ['rakip.com.tr', 'ayse@example.com'],
      addressColumns: ['work', 'private'],
      addresses: 'all',
    });
    expect(AudienceSpec.safeParse(spec).success).toBe(true);
  });

  it('names marked rows by the key column\'s values, or by position when the list has none', () => {
    const keyed = audienceSpecOf({ ...plain, marks: { include: ['e9'], exclude: ['e1', 'e2'], by: 'id' } });
    expect(keyed).toEqual({ include: ['e9'], exclude: ['e1', 'e2'], rowKey: 'id' });
    expect(AudienceSpec.safeParse(keyed).success).toBe(true);
    expect(audienceSpecOf({ ...plain, marks: { include: [], exclude: ['3'] } })).toEqual({ exclude: ['3'] });
    // A key column without marks says nothing: the audience stays the default.
    expect(audienceSpecOf({ ...plain, marks: { include: [], exclude: [], by: 'id' } })).toBeUndefined();
  });

  it('names another single address column, and every address of the email column', () => {
    expect(audienceSpecOf({ ...plain, addressChoice: { columns: ['private'], mode: 'first' } })).toEqual({ addressColumns: ['private'] });
    expect(audienceSpecOf({ ...plain, addressChoice: { columns: null, mode: 'all' } })).toEqual({ addresses: 'all' });
  });

  it('says which of each company\'s addresses for a company list, and only there', () => {
    const companies = { general: false, defaultContact: true, otherContacts: true };
    expect(audienceSpecOf({ ...plain, list: { companies: { typeColumn: 'recipientType' } }, companies })).toEqual({ companies });
    expect(audienceSpecOf({ ...plain, companies })).toBeUndefined();
    expect(audienceSpecOf({ ...plain, list: { companies: { typeColumn: 'recipientType' } } })).toEqual({ companies: DEFAULT_COMPANY_CHOICE });
  });
});

describe('the company choice', () => {
  const list = { companies: { typeColumn: 'recipientType' } };

  it('needs at least one kind of address', () => {
    expect(isCompanyChoiceValid(DEFAULT_COMPANY_CHOICE)).toBe(true);
    expect(isCompanyChoiceValid({ general: false, defaultContact: false, otherContacts: false })).toBe(false);
  });

  it('keeps the rows of the chosen kinds, whatever the case of the type', () => {
    expect(isRowChosen(list, DEFAULT_COMPANY_CHOICE, { recipientType: 'company' })).toBe(true);
    expect(isRowChosen(list, DEFAULT_COMPANY_CHOICE, { recipientType: ' DefaultContact ' })).toBe(true);
    expect(isRowChosen(list, DEFAULT_COMPANY_CHOICE, { recipientType: 'otherContact' })).toBe(false);
    expect(isRowChosen(list, DEFAULT_COMPANY_CHOICE, { recipientType: 'supplier' })).toBe(false);
    expect(isRowChosen({ companies: null }, DEFAULT_COMPANY_CHOICE, { recipientType: 'otherContact' })).toBe(true);
  });
});
