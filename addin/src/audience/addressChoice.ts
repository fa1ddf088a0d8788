import type { ListSummary } from '../../../shared/api';

/**
 * Which address columns a run takes addresses from, in order of preference (a work address, then
 * a private one), and whether each row gets the first valid one or every one. `columns` null: the
 * email column alone, as the server does when nothing is said.
 */
export interface AddressChoiceInput {
  columns: string[] | null;
  mode: 'first' | 'all';
}

/** The server's own default: the email column, its first valid address. */
export const DEFAULT_ADDRESS_CHOICE: AddressChoiceInput = { columns: null, mode: 'first' };

/** The columns that hold addresses (typed `email` on import), the email column first. */
export function addressCandidates(list: Pick<ListSummary, 'columns'>, emailColumn: string | null): string[] {
  const typed = list.columns.filter((c) => c.type === 'email').map((c) => c.name);
  if (!emailColumn || !list.columns.some((c) => c.name === emailColumn)) return typed;
  return [emailColumn, ...typed.filter((c) => c !== emailColumn)];
}

/** The columns in use, in order of preference. */
export function chosenColumns(choice: AddressChoiceInput, emailColumn: string | null): string[] {
  return choice.columns ?? (emailColumn ? [emailColumn] : []);
}

/** The candidates in the order the choice shows them: chosen ones by preference, then the rest. */
export function orderedCandidates(candidates: readonly string[], chosen: readonly string[]): string[] {
  return [...chosen.filter((c) => candidates.includes(c)), ...candidates.filter((c) => !chosen.includes(c))];
}

/**
 * Ticks or unticks a column; a newly ticked one comes last. The last column in use stays. Back to
 * the email column alone is the default again (`columns` null), so it follows the email column.
 */
export function toggleColumn(choice: AddressChoiceInput, emailColumn: string | null, column: string): AddressChoiceInput {
  const chosen = chosenColumns(choice, emailColumn);
  if (!chosen.includes(column)) return { ...choice, columns: [...chosen, column] };
  if (chosen.length === 1) return choice;
  const columns = chosen.filter((c) => c !== column);
  return { ...choice, columns: columns.length === 1 && columns[0] === emailColumn ? null : columns };
}

/**
 * The choice after the email column changed: the columns chosen for the old one no longer say
 * anything about the new one, so the new email column alone is used; first or every address stays.
 */
export function afterEmailColumnChange(choice: AddressChoiceInput): AddressChoiceInput {
  return choice.columns === null ? choice : { ...choice, columns: null };
}

/** Moves a column in use one place up (-1) or down (+1) in the order of preference. */
export function moveColumn(choice: AddressChoiceInput, emailColumn: string | null, column: string, by: -1 | 1): AddressChoiceInput {
  const chosen = [...chosenColumns(choice, emailColumn)];
  const from = chosen.indexOf(column);
  const to = from + by;
  if (from < 0 || to < 0 || to >= chosen.length) return choice;
  [chosen[from], chosen[to]] = [chosen[to], chosen[from]];
  return { ...choice, columns: chosen };
}

/** The choice kept for a list whose columns changed (a refresh): columns that are gone are dropped. */
export function keepExistingColumns(choice: AddressChoiceInput, list: Pick<ListSummary, 'columns'>): AddressChoiceInput {
  if (!choice.columns) return choice;
  const columns = choice.columns.filter((c) => list.columns.some((col) => col.name === c));
  return { ...choice, columns: columns.length > 0 ? columns : null };
}
