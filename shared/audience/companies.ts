/**
 * Company lists hold three kinds of row in one type column: a company's general address, its
 * default contact person, and its other contact persons. A run chooses which kinds get the message;
 * the server plans with this and the pane marks rows with it, so both read the column the same way.
 */

/** Which kinds of address of each company get the message. */
export interface CompanyKinds { general: boolean; defaultContact: boolean; otherContacts: boolean }

/** What a run writes to when it does not say: each company's general address and its default contact. */
export const DEFAULT_COMPANY_CHOICE: Readonly<CompanyKinds> = { general: true, defaultContact: true, otherContacts: false };

const KIND_OF = new Map<string, keyof CompanyKinds>([
  ['company', 'general'],
  ['general', 'general'],
  ['defaultcontact', 'defaultContact'],
  ['othercontact', 'otherContacts'],
]);

/** Which kind a row's type value names (`company`, `defaultContact`, `otherContact`, any case); null if none. */
export function companyKindOf(value: unknown): keyof CompanyKinds | null {
  if (typeof value !== 'string') return null;
  return KIND_OF.get(value.trim().toLowerCase()) ?? null;
}
