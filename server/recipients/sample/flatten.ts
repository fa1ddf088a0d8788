/**
 * Companies as recipient rows, for the "company address vs default contact vs other contact
 * persons" choice: each selected kind of address becomes one flat row carrying the company's
 * fields and, for a person, the person's fields.
 */
import type { Company, ContactPerson } from './companies';
import type { SampleRow } from './employee-rows';

/** Which addresses of each company to write to. */
export interface CompanyRecipientMode {
  /** The company's general address (info@…). */
  general: boolean;
  /** The contact person marked as default. */
  defaultContact: boolean;
  /** Every other contact person. */
  otherContacts: boolean;
}

/** What kind of address a company row is. */
export type CompanyRecipientType = 'company' | 'defaultContact' | 'otherContact';

/** One recipient at a company: company fields plus, for a person, the person's fields (null otherwise). */
export interface CompanyRow extends SampleRow {
  recipientType: CompanyRecipientType;
  email: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  age: number | null;
  gender: string | null;
  phone: string;
  companyId: string;
  companyName: string;
  companyEmail: string;
  sector: string;
  region: string;
  city: string;
  country: string;
  language: string;
}

function companyFields(c: Company): Pick<CompanyRow, 'companyId' | 'companyName' | 'companyEmail' | 'sector' | 'region' | 'city' | 'country' | 'language'> {
  return {
    companyId: c.id,
    companyName: c.name,
    companyEmail: c.email,
    sector: c.sector,
    region: c.region,
    city: c.city,
    country: c.country,
    language: c.language,
  };
}

function personRow(c: Company, p: ContactPerson): CompanyRow {
  return {
    recipientType: p.isDefault ? 'defaultContact' : 'otherContact',
    email: p.email,
    displayName: `${p.firstName} ${p.lastName}`,
    firstName: p.firstName,
    lastName: p.lastName,
    title: p.title,
    age: p.age,
    gender: p.gender,
    phone: p.phone,
    ...companyFields(c),
  };
}

/**
 * One row per selected address, company by company in the order given: the general address
 * first, then the default contact, then the others in their listed order. No de-duplication
 * here — planning does that for every source alike.
 */
export function flattenCompanies(companies: readonly Company[], mode: CompanyRecipientMode): CompanyRow[] {
  const rows: CompanyRow[] = [];
  for (const c of companies) {
    if (mode.general) {
      rows.push({
        recipientType: 'company',
        email: c.email,
        displayName: c.name,
        firstName: null,
        lastName: null,
        title: null,
        age: null,
        gender: null,
        phone: c.phone,
        ...companyFields(c),
      });
    }
    if (mode.defaultContact) rows.push(...c.contactPersons.filter((p) => p.isDefault).map((p) => personRow(c, p)));
    if (mode.otherContacts) rows.push(...c.contactPersons.filter((p) => !p.isDefault).map((p) => personRow(c, p)));
  }
  return rows;
}
