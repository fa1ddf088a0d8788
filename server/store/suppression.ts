import type { SuppressionEntry } from '../../shared/api';
import type { Db } from './db';
import { nowIso } from './db';

interface SuppressionRow {
  value: string; kind: SuppressionEntry['kind']; reason: string | null; source: SuppressionEntry['source'];
  delivery_id: string | null; created_by: string; created_at: string;
}

function toEntry(r: SuppressionRow): SuppressionEntry {
  return {
    value: r.value, kind: r.kind, reason: r.reason, source: r.source, deliveryId: r.delivery_id,
    createdBy: r.created_by, createdAt: r.created_at,
  };
}

/** A page of a tenant's suppression list, alphabetical. */
export function listSuppressions(db: Db, tenantId: string, offset = 0, limit = -1): { total: number; entries: SuppressionEntry[] } {
  const total = db.prepare('SELECT COUNT(*) FROM suppressions WHERE tenant_id = ?').pluck().get(tenantId) as number;
  const rows = db.prepare('SELECT * FROM suppressions WHERE tenant_id = ? ORDER BY value LIMIT ? OFFSET ?').all(tenantId, limit, offset) as SuppressionRow[];
  return { total, entries: rows.map(toEntry) };
}

/** Every suppressed value of a tenant (addresses and domains, lower case), for planning. */
export function suppressedValues(db: Db, tenantId: string): string[] {
  return db.prepare('SELECT value FROM suppressions WHERE tenant_id = ?').pluck().all(tenantId) as string[];
}

/** Adds an entry unless the value is already suppressed; returns the stored entry and whether it is new. */
export function addSuppression(
  db: Db, tenantId: string, entry: Omit<SuppressionEntry, 'createdAt'>,
): { entry: SuppressionEntry; created: boolean } {
  const createdAt = nowIso();
  const created = db
    .prepare(
      `INSERT INTO suppressions (tenant_id, value, kind, reason, source, delivery_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, value) DO NOTHING`,
    )
    .run(tenantId, entry.value, entry.kind, entry.reason, entry.source, entry.deliveryId, entry.createdBy, createdAt).changes > 0;
  const row = db.prepare('SELECT * FROM suppressions WHERE tenant_id = ? AND value = ?').get(tenantId, entry.value) as SuppressionRow;
  return { entry: toEntry(row), created };
}

/** Removes a value from a tenant's suppression list; false when it was not there. */
export function removeSuppression(db: Db, tenantId: string, value: string): boolean {
  return db.prepare('DELETE FROM suppressions WHERE tenant_id = ? AND value = ?').run(tenantId, value).changes > 0;
}

/** The address of a delivery in one of the owner's runs (for "suppress this address" from a report). */
export function findDeliveryAddress(db: Db, ownerId: string, deliveryId: string): string | undefined {
  return db
    .prepare('SELECT d.email FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE d.id = ? AND r.owner_id = ?')
    .pluck()
    .get(deliveryId, ownerId) as string | undefined;
}
