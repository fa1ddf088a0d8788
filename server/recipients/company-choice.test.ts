import { describe, expect, it } from 'vitest';
import { ALL_COMPANY_ADDRESSES, chooseCompanyRows, companyKindOf } from './company-choice';
import { flattenCompanies, sampleCompanies } from './sample';

describe('choosing company addresses at plan time', () => {
  const companies = sampleCompanies().slice(0, 5);
  const stored = flattenCompanies(companies, ALL_COMPANY_ADDRESSES);

  it('gives from the stored rows exactly what flattening with the same choice gives', () => {
    for (const choice of [
      { general: true, defaultContact: false, otherContacts: false },
      { general: false, defaultContact: true, otherContacts: true },
      { general: true, defaultContact: true, otherContacts: false },
    ]) {
      const chosen = chooseCompanyRows(stored, 'recipientType', choice).map((i) => stored[i]);
      expect(chosen.map((r) => r.email).sort()).toEqual(flattenCompanies(companies, choice).map((r) => r.email).sort());
    }
  });

  it('reads the type values in any case and ignores others', () => {
    expect(companyKindOf(' DefaultContact ')).toBe('defaultContact');
    expect(companyKindOf('company')).toBe('general');
    expect(companyKindOf('constructor')).toBeNull();
    expect(companyKindOf(null)).toBeNull();
  });
});
