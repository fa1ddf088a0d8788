import type { z } from 'zod';
import type { AudienceSpec, ListSummary } from '../../../shared/api';
import { chosenColumns, type AddressChoiceInput } from './addressChoice';
import type { CompanyChoice } from './companies';
import { parseExclusions } from './exclusions';
import { filterOf, type FilterInput } from './filterModel';
import type { RowMarks } from './marks';

/** An audience as the pane sends it (before the server's defaults). */
export type AudienceSpecInput = z.input<typeof AudienceSpec>;

/** What the Recipients step lets a user say about who gets a mailing (a `Mailing` is one). */
export interface AudienceChoices {
  list: Pick<ListSummary, 'companies'> | null;
  emailColumn: string | null;
  /** Who of the list gets it (empty: everyone). */
  filter: FilterInput;
  /** Rows left out, or included although the filter leaves them out, by hand (see marks.ts). */
  marks: RowMarks;
  /** Addresses and domains left out of this run, as typed (see `parseExclusions`). */
  exclusions: string;
  /** Which address columns, in order of preference, and the first valid address or each. */
  addressChoice: AddressChoiceInput;
  /** For a list of companies: general address, default contact, other contacts. */
  companies: CompanyChoice;
}

/**
 * The audience the previews use and a run (or schedule) is planned with: only what differs from
 * the server's defaults, so a plain mailing sends no audience at all. Marks name rows by the value
 * of their key column (`rowKey`), so they follow their people into a replaced or refreshed list;
 * by position (no `rowKey`) when the list has none. Already in the parsed shape: the filter is a `FilterNode`.
 */
export function audienceSpecOf(choices: AudienceChoices): AudienceSpec | undefined {
  const filter = filterOf(choices.filter);
  const { include, exclude, by } = choices.marks;
  const marked = include.length > 0 || exclude.length > 0;
  const exclusions = parseExclusions(choices.exclusions);
  const columns = chosenColumns(choices.addressChoice, choices.emailColumn);
  const ownColumns = choices.addressChoice.columns !== null && !(columns.length === 1 && columns[0] === choices.emailColumn);
  const spec: AudienceSpec = {
    ...(filter && { filter }),
    ...(include.length > 0 && { include: [...include] }),
    ...(exclude.length > 0 && { exclude: [...exclude] }),
    ...(marked && by && { rowKey: by }),
    ...(exclusions.length > 0 && { exclusions }),
    ...(ownColumns && columns.length > 0 && { addressColumns: columns }),
    ...(choices.addressChoice.mode === 'all' && { addresses: 'all' as const }),
    ...(choices.list?.companies && { companies: { ...choices.companies } }),
  };
  return Object.keys(spec).length > 0 ? spec : undefined;
}
