import type { CompanyRecipients, ListSummary } from '../../../shared/api';

/** Which addresses of each company get the message (a company list only). */
export type CompanyChoice = CompanyRecipients;

/** What the server does when a run does not say: the general address and the default contact. */
export const DEFAULT_COMPANY_CHOICE: CompanyChoice = { general: true, defaultContact: true, otherContacts: false };

/** The kinds of address, in the order the choice shows them. */
export const COMPANY_KINDS = ['general', 'defaultContact', 'otherContacts'] as const;

/** Whether the choice names at least one kind, as the server requires. */
export function isCompanyChoiceValid(choice: CompanyChoice): boolean {
  return choice.general || choice.defaultContact || choice.otherContacts;
}

// The type column's values the server's company choice recognises (any case), and what they are.
const KIND_OF: Record<string, keyof CompanyChoice> = {
  company: 'general',
  general: 'general',
  defaultcontact: 'defaultContact',
  othercontact: 'otherContacts',
};

/**
 * Whether a row of a company list is among the chosen kinds; rows whose type is none of the
 * known values are not, as on the server.
 */
export function isRowChosen(list: Pick<ListSummary, 'companies'>, choice: CompanyChoice, row: Record<string, unknown>): boolean {
  if (!list.companies) return true;
  const value = row[list.companies.typeColumn];
  const kind = typeof value === 'string' ? KIND_OF[value.trim().toLowerCase()] : undefined;
  return kind !== undefined && choice[kind];
}
