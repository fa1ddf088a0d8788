import type { CompanyRecipients, ListSummary } from '../../../shared/api';
import { companyKindOf, DEFAULT_COMPANY_CHOICE as SHARED_DEFAULT } from '../../../shared/audience/companies';

/** Which addresses of each company get the message (a company list only). */
export type CompanyChoice = CompanyRecipients;

/** What the server does when a run does not say: the general address and the default contact. */
export const DEFAULT_COMPANY_CHOICE: CompanyChoice = { ...SHARED_DEFAULT };

/** The kinds of address, in the order the choice shows them. */
export const COMPANY_KINDS = ['general', 'defaultContact', 'otherContacts'] as const;

/** Whether the choice names at least one kind, as the server requires. */
export function isCompanyChoiceValid(choice: CompanyChoice): boolean {
  return choice.general || choice.defaultContact || choice.otherContacts;
}

/**
 * Whether a row of a company list is among the chosen kinds; rows whose type is none of the
 * known values are not, as on the server.
 */
export function isRowChosen(list: Pick<ListSummary, 'companies'>, choice: CompanyChoice, row: Record<string, unknown>): boolean {
  if (!list.companies) return true;
  const kind = companyKindOf(row[list.companies.typeColumn]);
  return kind !== null && choice[kind];
}
