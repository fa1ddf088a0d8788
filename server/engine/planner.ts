import type { PlannedDelivery } from '../store/deliveries';
import type { Row } from '../store/lists';
import { isValidAddress, normaliseAddress } from '../recipients/address';

/** Why a planned recipient will not be sent to; stable codes shown in reports. */
export const SKIP_REASONS = {
  noAddress: 'NO_ADDRESS',
  invalidAddress: 'INVALID_ADDRESS',
  duplicate: 'DUPLICATE',
} as const;

/**
 * Freezes the audience into one delivery per row, in list order: the row's exact values are kept
 * so the report never changes when the list does. Rows that cannot be sent stay in the plan as
 * `skipped` with a reason; addresses are de-duplicated case-insensitively (the first row wins).
 */
export function planDeliveries(rows: Row[], emailColumn: string): PlannedDelivery[] {
  const seen = new Set<string>();
  return rows.map((values) => {
    const raw = values[emailColumn];
    const email = raw === null || raw === undefined ? '' : normaliseAddress(String(raw));
    if (!email) return { email, values, status: 'skipped', reason: SKIP_REASONS.noAddress };
    if (!isValidAddress(email)) return { email, values, status: 'skipped', reason: SKIP_REASONS.invalidAddress };
    const key = email.toLowerCase();
    if (seen.has(key)) return { email, values, status: 'skipped', reason: SKIP_REASONS.duplicate };
    seen.add(key);
    return { email, values, status: 'pending', reason: null };
  });
}
