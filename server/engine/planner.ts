/**
 * Freezing an audience: the pure step shared by `POST /api/audience/preview` and planning a run,
 * so that the numbers a user previews are the numbers the run gets.
 */
import type { AudienceVerdict, DerivedValues } from '../../shared/audience';
import { isValidAddress, splitAddresses } from '../recipients/address';
import type { PlannedDelivery } from '../store/deliveries';
import type { Row } from '../store/lists';

/** Why a planned recipient will not be sent to; stable codes shown in reports. */
export const SKIP_REASONS = {
  noAddress: 'NO_ADDRESS',
  invalidAddress: 'INVALID_ADDRESS',
  duplicate: 'DUPLICATE',
  suppressed: 'SUPPRESSED',
  excluded: 'EXCLUDED',
} as const;

type SkipKey = keyof typeof SKIP_REASONS;

/** What to plan: the rows, where their addresses are, and the audience's compiled parts. */
export interface PlanInput {
  rows: readonly Row[];
  /** Positions of the rows to consider, in order (a company choice); absent: every row. */
  positions?: readonly number[];
  emailColumn: string;
  /** Where the addresses are, in order of preference (by type: work, then private); absent: the email column alone. */
  addressColumns?: readonly string[];
  /** Several addresses (in one cell or across the address columns): the first valid one, or each of them. */
  addresses?: 'first' | 'all';
  /** The filter plus manual marks; absent: everyone. */
  verdict?: (row: Row) => AudienceVerdict;
  /** Merge values the filter's rules imply (age, years of service, what changed). */
  derive?: (row: Row) => DerivedValues;
  isSuppressed?: (address: string) => boolean;
  isExcluded?: (address: string) => boolean;
}

/** A planned delivery and the position of the list row it came from. */
export interface PlannedRecipient extends PlannedDelivery { rowIndex: number }

/** How many rows went where: the preview shows it, planning a run checks it. */
export interface AudienceTally extends Record<SkipKey, number> {
  rows: number;
  selected: number;
  filteredOut: number;
  markedOut: number;
  deliveries: number;
  sendable: number;
}

/** The frozen audience: deliveries in list order, and the tally. */
export interface AudiencePlan { recipients: PlannedRecipient[]; tally: AudienceTally }

const SKIP_KEY = new Map<string, SkipKey>(Object.entries(SKIP_REASONS).map(([key, code]) => [code, key as SkipKey]));

function emptyTally(): AudienceTally {
  return {
    rows: 0, selected: 0, filteredOut: 0, markedOut: 0, deliveries: 0, sendable: 0,
    noAddress: 0, invalidAddress: 0, duplicate: 0, suppressed: 0, excluded: 0,
  };
}

/** The addresses to use of a cell's: the first valid one (else the first, to report as invalid), or all. */
function pickAddresses(parts: string[], mode: 'first' | 'all'): string[] {
  if (mode === 'all' || parts.length <= 1) return parts;
  return [parts.find(isValidAddress) ?? parts[0]];
}

/** The row with derived values added where the row itself has nothing: the list's own data wins. */
function withDerived(row: Row, derived: DerivedValues | undefined): Row {
  if (!derived) return row;
  let extra: Row | undefined;
  for (const field in derived) {
    const own = row[field];
    if (own !== undefined && own !== null && own !== '') continue;
    extra ??= {};
    extra[field] = derived[field as keyof DerivedValues] as Row[string];
  }
  // Object.assign, not a spread followed by new keys: V8 makes the latter ten times slower per row.
  return extra ? Object.assign({}, row, extra) : row;
}

/**
 * Freezes the audience into deliveries, in list order. Rows outside the audience are counted,
 * not planned. Each address of a selected row becomes a delivery with the row's exact values
 * (plus derived ones) so the report never changes when the list does; those that cannot be sent
 * stay as `skipped` with a reason, checked in this order: no address, invalid, suppressed,
 * excluded, duplicate (case-insensitive; the first row wins).
 */
export function planAudience(input: PlanInput): AudiencePlan {
  const { rows, emailColumn, verdict, derive, isSuppressed, isExcluded } = input;
  const mode = input.addresses ?? 'first';
  const columns = input.addressColumns && input.addressColumns.length > 0 ? input.addressColumns : undefined;
  const tally = emptyTally();
  const recipients: PlannedRecipient[] = [];
  const seen = new Set<string>();
  const count = input.positions ? input.positions.length : rows.length;
  const skip = (email: string, values: Row, rowIndex: number, reason: string) => {
    tally[SKIP_KEY.get(reason)!]++;
    recipients.push({ email, values, status: 'skipped', reason, rowIndex });
  };
  for (let n = 0; n < count; n++) {
    const rowIndex = input.positions ? input.positions[n] : n;
    const row = rows[rowIndex];
    tally.rows++;
    const v = verdict ? verdict(row) : 'matched';
    if (v === 'notMatched' || v === 'markedOut') {
      tally[v === 'notMatched' ? 'filteredOut' : 'markedOut']++;
      continue;
    }
    tally.selected++;
    const base = withDerived(row, derive?.(row));
    const parts = columns ? columns.flatMap((column) => splitAddresses(row[column])) : splitAddresses(row[emailColumn]);
    const addresses = pickAddresses(parts, mode);
    if (addresses.length === 0) skip('', base, rowIndex, SKIP_REASONS.noAddress);
    // Of several addresses (in one cell, or across the address columns) the one used is frozen into
    // the email column, so that `{{email}}` merges what was sent to.
    const several = parts.length > 1 || (columns !== undefined && (columns.length > 1 || columns[0] !== emailColumn));
    for (const email of addresses) {
      const values = several ? { ...base, [emailColumn]: email } : base;
      const key = email.toLowerCase();
      if (!isValidAddress(email)) skip(email, values, rowIndex, SKIP_REASONS.invalidAddress);
      else if (isSuppressed?.(email)) skip(email, values, rowIndex, SKIP_REASONS.suppressed);
      else if (isExcluded?.(email)) skip(email, values, rowIndex, SKIP_REASONS.excluded);
      else if (seen.has(key)) skip(email, values, rowIndex, SKIP_REASONS.duplicate);
      else {
        seen.add(key);
        tally.sendable++;
        recipients.push({ email, values, status: 'pending', reason: null, rowIndex });
      }
    }
  }
  tally.deliveries = recipients.length;
  return { recipients, tally };
}
