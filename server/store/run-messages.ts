import type { MessageSpec } from '../mail/message-spec';
import type { Db } from './db';

/** What a run sends besides its template, as frozen when it was planned. */
export interface RunMessageRecord { runId: string; templateId: string | null; spec: MessageSpec }

/**
 * Stores a run's message spec and pins the files it sends (so deleting a template cannot take them
 * away), and records how many recipients each delivery's message has (To + Cc + Bcc: what the
 * mailbox's daily budget counts). Call inside the transaction that inserts the run.
 */
export function insertRunMessage(
  db: Db, record: RunMessageRecord, recipientCounts: ReadonlyMap<number, number>,
): void {
  db.prepare('INSERT INTO run_messages (run_id, template_id, file_set_id, spec) VALUES (?, ?, ?, ?)').run(
    record.runId, record.templateId, record.spec.recipientFiles?.fileSetId ?? null, JSON.stringify(record.spec),
  );
  const pin = db.prepare('INSERT OR IGNORE INTO run_files (run_id, file_id) VALUES (?, ?)');
  for (const a of record.spec.shared) pin.run(record.runId, a.fileId);
  const setCount = db.prepare('UPDATE deliveries SET recipients = ? WHERE run_id = ? AND idx = ?');
  for (const [index, count] of recipientCounts) if (count !== 1) setCount.run(count, record.runId, index);
}

/** A run's message spec; undefined for runs planned before message specs existed. */
export function findRunMessage(db: Db, runId: string): RunMessageRecord | undefined {
  const row = db.prepare('SELECT run_id, template_id, spec FROM run_messages WHERE run_id = ?').get(runId) as
    | { run_id: string; template_id: string | null; spec: string }
    | undefined;
  return row && { runId: row.run_id, templateId: row.template_id, spec: JSON.parse(row.spec) as MessageSpec };
}

/**
 * Reserves `count` consecutive reference numbers of the owner's sequence for a year and returns the
 * first: numbers are never reused, so a reference identifies one message among all the owner's runs.
 */
export function reserveReferences(db: Db, ownerId: string, year: number, count: number): number {
  const start = peekReference(db, ownerId, year);
  db.prepare(
    `INSERT INTO reference_counters (owner_id, year, next) VALUES (?, ?, ?)
     ON CONFLICT(owner_id, year) DO UPDATE SET next = excluded.next`,
  ).run(ownerId, year, start + count);
  return start;
}

/** The next reference number of the owner's sequence for a year, without reserving it (previews). */
export function peekReference(db: Db, ownerId: string, year: number): number {
  return (db.prepare('SELECT next FROM reference_counters WHERE owner_id = ? AND year = ?').pluck().get(ownerId, year) as number | undefined) ?? 1;
}
