/**
 * The "company address vs default contact vs other contact persons" choice, made at plan time on
 * a list that holds all three kinds of row (as `flattenCompanies` writes them with every kind on).
 */
import { companyKindOf } from '../../shared/audience/companies';
import type { CompanyRecipientMode, CompanyRecipientType } from './sample';

type Cell = string | number | boolean | null;

export { DEFAULT_COMPANY_CHOICE, companyKindOf } from '../../shared/audience/companies';

/** Every kind of address, for storing a company list once and choosing per run. */
export const ALL_COMPANY_ADDRESSES: CompanyRecipientMode = { general: true, defaultContact: true, otherContacts: true };

/**
 * The positions of the rows the choice keeps, in list order. Positions rather than rows, so
 * that row keys for manual marks stay the row's place in the stored list whatever the choice.
 */
export function chooseCompanyRows(rows: ReadonlyArray<Record<string, Cell>>, typeColumn: string, choice: CompanyRecipientMode): number[] {
  const kept: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const kind = companyKindOf(rows[i][typeColumn]);
    if (kind !== null && choice[kind]) kept.push(i);
  }
  return kept;
}

/** The type values a company list uses, for messages that say what was expected. */
export const COMPANY_TYPE_VALUES: readonly CompanyRecipientType[] = ['company', 'defaultContact', 'otherContact'];
