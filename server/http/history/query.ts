import type { DeliveryStatus, HistoryEntry } from '../../../shared/api';
import type { Db } from '../../store/db';

interface HistoryRow {
  runId: string; deliveryId: string; subject: string; runCreatedAt: string; sentAt: string | null;
  status: DeliveryStatus; reason: string | null;
}

/** Most entries one answer holds (newest first); a person mailed more often than this is rare. */
export const HISTORY_LIMIT = 500;

/** Every delivery to `address` (case-insensitive) in the owner's runs, newest first. */
export function historyOf(db: Db, ownerId: string, address: string): HistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT r.id AS runId, d.id AS deliveryId, r.subject AS subject, r.created_at AS runCreatedAt,
              d.sent_at AS sentAt, d.status AS status, d.reason AS reason
         FROM deliveries d JOIN runs r ON r.id = d.run_id
        WHERE r.owner_id = ? AND lower(d.email) = lower(?)
        ORDER BY COALESCE(d.sent_at, r.created_at) DESC, d.idx
        LIMIT ?`,
    )
    .all(ownerId, address.trim(), HISTORY_LIMIT) as HistoryRow[];
  return rows.map((r) => ({ ...r }));
}
