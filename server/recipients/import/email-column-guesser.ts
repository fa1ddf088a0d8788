/**
 * Guesses which column holds the recipients' addresses. A name that says e-mail in any of our
 * languages counts first, as long as at least half its values are addresses (a "Mail gönderildi"
 * yes/no column is not the one); then whichever column is mostly addresses; then, for a list
 * whose e-mail column is still empty, the first column named like one.
 */
import { isEmailHeader } from './header-vocabulary';

/** What the guess needs to know about a column. */
export interface EmailCandidate {
  name: string;
  /** Share of the column's non-empty values that are addresses. */
  emailShare: number;
  /** How many non-empty values the column has. */
  filled: number;
}

function best(candidates: EmailCandidate[]): EmailCandidate | undefined {
  return candidates.reduce<EmailCandidate | undefined>(
    (winner, candidate) => (!winner || candidate.emailShare > winner.emailShare ? candidate : winner), undefined);
}

/** Picks the column most likely to hold the recipients' addresses, or undefined when none does. */
export function guessEmailColumn(columns: EmailCandidate[]): string | undefined {
  const named = columns.filter((column) => isEmailHeader(column.name));
  const mostlyAddresses = (column: EmailCandidate) => column.emailShare >= 0.5;
  return (best(named.filter(mostlyAddresses)) ?? best(columns.filter(mostlyAddresses))
    ?? named.find((column) => column.filled === 0))?.name;
}
