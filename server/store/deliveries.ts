import type { DeliveryStatus, RunCounts } from '../../shared/api';
import { assertDeliveryTransition } from '../engine/states';
import type { Db } from './db';
import { newId, nowIso } from './db';
import type { Row } from './lists';
import { prepared } from './statements';

/** A delivery as stored: one recipient of one run, with the exact values it was merged with. */
export interface DeliveryRecord {
  id: string; runId: string; index: number; email: string; values: Row; status: DeliveryStatus;
  reason: string | null; attemptId: string | null; attempts: number; recipients: number;
  messageId: string | null; notBefore: number; sentAt: string | null;
}

interface DeliveryRow {
  id: string; run_id: string; idx: number; email: string; vals: string; status: DeliveryStatus; reason: string | null;
  attempt_id: string | null; attempts: number; recipients: number; message_id: string | null; not_before: number;
  sent_at: string | null;
}

function toRecord(r: DeliveryRow): DeliveryRecord {
  return {
    id: r.id, runId: r.run_id, index: r.idx, email: r.email, values: JSON.parse(r.vals), status: r.status,
    reason: r.reason, attemptId: r.attempt_id, attempts: r.attempts, recipients: r.recipients,
    messageId: r.message_id, notBefore: r.not_before, sentAt: r.sent_at,
  };
}

/**
 * A planned recipient: pending, or skipped with its reason. `recipients` counts the message's
 * To, Cc and Bcc addresses (default 1): the mailbox's daily budget is counted in recipients.
 */
export interface PlannedDelivery { email: string; values: Row; status: 'pending' | 'skipped'; reason: string | null; recipients?: number }

/** Inserts a run's deliveries (call inside the transaction that inserts the run). */
export function insertDeliveries(db: Db, runId: string, planned: PlannedDelivery[]): void {
  const insert = prepared(db,
    'INSERT INTO deliveries (id, run_id, idx, email, vals, status, reason, recipients, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = nowIso();
  planned.forEach((p, i) => insert.run(newId(), runId, i, p.email, JSON.stringify(p.values), p.status, p.reason, p.recipients ?? 1, now));
}

/**
 * Claims the next pending delivery that is due: it becomes `sending` with a fresh attempt id in the
 * same statement that selects it, so the claim is recorded before the provider is ever called.
 */
export function claimNext(db: Db, runId: string, now: number): DeliveryRecord | undefined {
  const row = prepared(db,
    `UPDATE deliveries SET status = 'sending', attempt_id = ?, attempts = attempts + 1, updated_at = ?
     WHERE id = (SELECT id FROM deliveries WHERE run_id = ? AND status = 'pending' AND not_before <= ? ORDER BY idx LIMIT 1)
     RETURNING *`,
  ).get(newId(), nowIso(), runId, now) as DeliveryRow | undefined;
  return row && toRecord(row);
}

/** The next pending delivery that is due at `now`, in plan order, without claiming it. */
export function peekNext(db: Db, runId: string, now: number): DeliveryRecord | undefined {
  const row = prepared(db, "SELECT * FROM deliveries WHERE run_id = ? AND status = 'pending' AND not_before <= ? ORDER BY idx LIMIT 1")
    .get(runId, now) as DeliveryRow | undefined;
  return row && toRecord(row);
}

/**
 * Claims one delivery the engine peeked at: `pending → sending` with a fresh attempt id, recorded
 * before the provider is called. Undefined when it is no longer pending (cancelled meanwhile).
 */
export function claimDelivery(db: Db, d: DeliveryRecord): DeliveryRecord | undefined {
  assertDeliveryTransition('pending', 'sending');
  const attemptId = newId();
  const attempts = prepared(db,
    "UPDATE deliveries SET status = 'sending', attempt_id = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending' RETURNING attempts",
  ).pluck().get(attemptId, nowIso(), d.id) as number | undefined;
  return attempts === undefined ? undefined : { ...d, status: 'sending', attemptId, attempts };
}

/** The earliest time a pending delivery of the run becomes due, if any is pending. */
export function nextDueAt(db: Db, runId: string): number | undefined {
  const v = prepared(db, "SELECT MIN(not_before) FROM deliveries WHERE run_id = ? AND status = 'pending'").pluck().get(runId);
  return v === null ? undefined : (v as number);
}

/** What a settled attempt records besides its status. */
export interface SettlePatch {
  reason?: string | null;
  messageId?: string | null;
  notBefore?: number;
  /** The attempt certainly did not reach the provider's sending (throttled): it does not count toward the retry limit. */
  refundAttempt?: boolean;
}

/** Moves one attempt of a delivery on; a stale attempt id (another writer won) changes nothing. */
export function settleAttempt(
  db: Db, d: Pick<DeliveryRecord, 'id' | 'attemptId'>, to: 'sent' | 'failed' | 'pending', patch: SettlePatch = {},
): boolean {
  assertDeliveryTransition('sending', to);
  const now = nowIso();
  const result = prepared(db,
    `UPDATE deliveries SET status = @to, reason = @reason, message_id = COALESCE(@messageId, message_id),
       not_before = @notBefore, sent_at = CASE WHEN @to = 'sent' THEN @now ELSE sent_at END, updated_at = @now,
       attempts = attempts - @refund
     WHERE id = @id AND status = 'sending' AND attempt_id IS @attemptId`,
  ).run({
    id: d.id, attemptId: d.attemptId, to, reason: patch.reason ?? null, messageId: patch.messageId ?? null,
    notBefore: patch.notBefore ?? 0, now, refund: patch.refundAttempt ? 1 : 0,
  });
  return result.changes > 0;
}

/** Deliveries left `sending` by a process that stopped; they must be reconciled before anything else. */
export function listSending(db: Db, runId: string): DeliveryRecord[] {
  return (prepared(db, "SELECT * FROM deliveries WHERE run_id = ? AND status = 'sending' ORDER BY idx").all(runId) as DeliveryRow[]).map(toRecord);
}

/** Puts every failed delivery of a run back to pending: a new attempt in the same run. */
export function requeueFailed(db: Db, runId: string): number {
  assertDeliveryTransition('failed', 'pending');
  return db.prepare("UPDATE deliveries SET status = 'pending', reason = NULL, not_before = 0, updated_at = ? WHERE run_id = ? AND status = 'failed'").run(nowIso(), runId).changes;
}

/** Marks every still-pending delivery of a cancelled run as skipped. */
export function skipPending(db: Db, runId: string, reason: string): number {
  assertDeliveryTransition('pending', 'skipped');
  return db.prepare("UPDATE deliveries SET status = 'skipped', reason = ?, updated_at = ? WHERE run_id = ? AND status = 'pending'").run(reason, nowIso(), runId).changes;
}

/** Counts of a run's deliveries by status. */
export function countDeliveries(db: Db, runId: string): RunCounts {
  const counts: RunCounts = { planned: 0, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  const rows = prepared(db, 'SELECT status, COUNT(*) AS n FROM deliveries WHERE run_id = ? GROUP BY status').all(runId) as Array<{ status: DeliveryStatus; n: number }>;
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.planned += r.n;
  }
  return counts;
}

/** A page of a run's deliveries in plan order, optionally of one status. */
export function listDeliveries(db: Db, runId: string, opts: { status?: DeliveryStatus; offset?: number; limit?: number } = {}): { total: number; deliveries: DeliveryRecord[] } {
  const where = opts.status ? 'run_id = ? AND status = ?' : 'run_id = ?';
  const args: unknown[] = opts.status ? [runId, opts.status] : [runId];
  const total = db.prepare(`SELECT COUNT(*) FROM deliveries WHERE ${where}`).pluck().get(...args) as number;
  const rows = db.prepare(`SELECT * FROM deliveries WHERE ${where} ORDER BY idx LIMIT ? OFFSET ?`).all(...args, opts.limit ?? -1, opts.offset ?? 0) as DeliveryRow[];
  return { total, deliveries: rows.map(toRecord) };
}

/** Sends from the owner's mailbox in the last `sinceMs`: seeds the pacer's rolling windows after a restart. */
export function sendHistory(db: Db, ownerId: string, sinceMs: number): Array<{ at: number; recipients: number }> {
  const since = new Date(sinceMs).toISOString();
  const rows = db
    .prepare(
      `SELECT d.sent_at AS sentAt, d.recipients FROM deliveries d JOIN runs r ON r.id = d.run_id
       WHERE r.owner_id = ? AND d.sent_at >= ? AND d.status = 'sent'
       UNION ALL SELECT sent_at, recipients FROM outside_sends WHERE owner_id = ? AND sent_at >= ?
       ORDER BY sentAt`,
    )
    .all(ownerId, since, ownerId, since) as Array<{ sentAt: string; recipients: number }>;
  return rows.map((r) => ({ at: Date.parse(r.sentAt), recipients: r.recipients }));
}

/** Records a message sent from the mailbox outside any run (a test message), for the day budget. */
export function recordOutsideSend(db: Db, ownerId: string, sentAtMs: number, recipients: number): void {
  prepared(db, 'INSERT INTO outside_sends (owner_id, sent_at, recipients) VALUES (?, ?, ?)').run(ownerId, new Date(sentAtMs).toISOString(), recipients);
}

/** How many of a run's deliveries were sent since `sinceIso`: the current rate. */
export function countSentSince(db: Db, runId: string, sinceIso: string): number {
  return prepared(db, "SELECT COUNT(*) FROM deliveries WHERE run_id = ? AND status = 'sent' AND sent_at >= ?").pluck().get(runId, sinceIso) as number;
}

/** Average recipients (To + Cc + Bcc) per message of a run's deliveries still to send; 1 when none. */
export function averageRecipients(db: Db, runId: string): number {
  const v = prepared(db, "SELECT AVG(recipients) FROM deliveries WHERE run_id = ? AND status IN ('pending', 'sending')").pluck().get(runId) as number | null;
  return v ?? 1;
}

/** One run's sends in the last `sinceMs`: seeds the run's own pacer (the user's per-run limits) after a restart. */
export function runSendHistory(db: Db, runId: string, sinceMs: number): Array<{ at: number; recipients: number }> {
  const rows = prepared(db, "SELECT sent_at AS sentAt, recipients FROM deliveries WHERE run_id = ? AND status = 'sent' AND sent_at >= ? ORDER BY sent_at")
    .all(runId, new Date(sinceMs).toISOString()) as Array<{ sentAt: string; recipients: number }>;
  return rows.map((r) => ({ at: Date.parse(r.sentAt), recipients: r.recipients }));
}
