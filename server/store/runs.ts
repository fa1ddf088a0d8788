import type { RunOptions, RunStatus, WaitReason } from '../../shared/api';
import { assertRunTransition, runSourcesOf } from '../engine/states';
import type { Db } from './db';
import { nowIso } from './db';
import { prepared } from './statements';

/** A run as stored. */
export interface RunRecord {
  id: string; ownerId: string; listId: string | null; listName: string; provider: string; status: RunStatus;
  subject: string; html: string; text: string | null; folderId: string; folderName: string; options: RunOptions;
  pauseReason: string | null; errorCount: number; createdAt: string; scheduledAt: string | null;
  startedAt: string | null; finishedAt: string | null;
  /** While an active run waits for a notable while: until when (ISO) and why. */
  waitingUntil: string | null; waitReason: WaitReason | null;
}

interface RunRow {
  id: string; owner_id: string; list_id: string | null; list_name: string; provider: string; status: RunStatus;
  subject: string; html: string; text: string | null; folder_id: string; folder_name: string; options: string;
  pause_reason: string | null; error_count: number; created_at: string; scheduled_at: string | null;
  started_at: string | null; finished_at: string | null; waiting_until: string | null; wait_reason: WaitReason | null;
}

function toRecord(r: RunRow): RunRecord {
  return {
    id: r.id, ownerId: r.owner_id, listId: r.list_id, listName: r.list_name, provider: r.provider, status: r.status,
    subject: r.subject, html: r.html, text: r.text, folderId: r.folder_id, folderName: r.folder_name,
    options: JSON.parse(r.options), pauseReason: r.pause_reason, errorCount: r.error_count, createdAt: r.created_at,
    scheduledAt: r.scheduled_at, startedAt: r.started_at, finishedAt: r.finished_at,
    waitingUntil: r.waiting_until, waitReason: r.wait_reason,
  };
}

/** Inserts a run row (the caller inserts its deliveries in the same transaction). */
export function insertRun(
  db: Db, run: Omit<RunRecord, 'errorCount' | 'pauseReason' | 'startedAt' | 'finishedAt' | 'createdAt' | 'waitingUntil' | 'waitReason'>,
): RunRecord {
  const createdAt = nowIso();
  db.prepare(
    `INSERT INTO runs (id, owner_id, list_id, list_name, provider, status, subject, html, text, folder_id, folder_name,
       options, created_at, scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(run.id, run.ownerId, run.listId, run.listName, run.provider, run.status, run.subject, run.html, run.text,
    run.folderId, run.folderName, JSON.stringify(run.options), createdAt, run.scheduledAt);
  return { ...run, errorCount: 0, pauseReason: null, startedAt: null, finishedAt: null, createdAt, waitingUntil: null, waitReason: null };
}

/** One run, if it belongs to the owner (no owner: any run, for the engine). */
export function findRun(db: Db, id: string, ownerId?: string): RunRecord | undefined {
  const row = ownerId === undefined
    ? prepared(db, 'SELECT * FROM runs WHERE id = ?').get(id)
    : prepared(db, 'SELECT * FROM runs WHERE id = ? AND owner_id = ?').get(id, ownerId);
  return row ? toRecord(row as RunRow) : undefined;
}

/** The owner's runs, newest first. */
export function listRuns(db: Db, ownerId: string, limit = 200): RunRecord[] {
  return (db.prepare('SELECT * FROM runs WHERE owner_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(ownerId, limit) as RunRow[]).map(toRecord);
}

/** The status of a run, read cheaply: the send loop checks it before every message. */
export function runStatus(db: Db, id: string): RunStatus | undefined {
  return prepared(db, 'SELECT status FROM runs WHERE id = ?').pluck().get(id) as RunStatus | undefined;
}

/** Runs the engine must work on or wake up: queued, running, and scheduled ones that are due. */
export function listRunnable(db: Db, nowIsoTime: string): RunRecord[] {
  const rows = prepared(db, "SELECT * FROM runs WHERE status IN ('queued', 'running') OR (status = 'scheduled' AND scheduled_at <= ?) ORDER BY created_at")
    .all(nowIsoTime) as RunRow[];
  return rows.map(toRecord);
}

/** The earliest scheduled start still to come, if any. */
export function nextScheduledAt(db: Db): string | undefined {
  return (prepared(db, "SELECT MIN(scheduled_at) FROM runs WHERE status = 'scheduled'").pluck().get() ?? undefined) as string | undefined;
}

/** Options of a status change. */
export interface TransitionPatch {
  pauseReason?: string | null;
  resetErrors?: boolean;
  /**
   * Only change the run if it is in this status now; otherwise leave it and return undefined.
   * The engine always passes it, so it never overwrites a status someone else set.
   */
  expect?: RunStatus;
}

/**
 * Moves a run to `to` if its current status allows it; returns the updated run, or undefined when
 * the run was not in a status from which `to` can be reached (someone else changed it first).
 * Without `expect`, a transition the state machine forbids throws TransitionError.
 */
export function transitionRun(db: Db, id: string, to: RunStatus, patch: TransitionPatch = {}): RunRecord | undefined {
  const current = findRun(db, id);
  if (!current) return undefined;
  if (patch.expect !== undefined && current.status !== patch.expect) return undefined;
  assertRunTransition(current.status, to);
  const sources = runSourcesOf(to);
  const result = prepared(db,
    `UPDATE runs SET status = @to,
       pause_reason = CASE WHEN @to = 'paused' THEN @pauseReason ELSE NULL END,
       error_count = CASE WHEN @resetErrors THEN 0 ELSE error_count END,
       started_at = CASE WHEN @to = 'running' AND started_at IS NULL THEN @now ELSE started_at END,
       finished_at = CASE WHEN @to IN ('completed', 'cancelled') THEN @now ELSE NULL END,
       waiting_until = NULL, wait_reason = NULL
     WHERE id = @id AND status = @from AND status IN (${sources.map((s) => `'${s}'`).join(',')})`,
  ).run({ id, to, from: current.status, now: nowIso(), pauseReason: patch.pauseReason ?? null, resetErrors: patch.resetErrors ? 1 : 0 });
  return result.changes ? findRun(db, id) : undefined;
}

/** Records (or clears, with null) why and until when a running run waits; only while it is running. */
export function setRunWait(db: Db, id: string, wait: { until: string; reason: WaitReason } | null): void {
  prepared(db, "UPDATE runs SET waiting_until = ?, wait_reason = ? WHERE id = ? AND status = 'running'")
    .run(wait?.until ?? null, wait?.reason ?? null, id);
}

/** Adds one permanent failure to the run's error count and returns the new count. */
export function countError(db: Db, id: string): number {
  return prepared(db, 'UPDATE runs SET error_count = error_count + 1 WHERE id = ? RETURNING error_count').pluck().get(id) as number;
}
