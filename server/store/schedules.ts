import type { ScheduledRunStatus } from '../../shared/api';
import type { Db } from './db';
import { nowIso } from './db';
import { prepared } from './statements';

/** A recurring run definition: what to plan (a `POST /api/runs` body) and when (cron in a time zone). */
export interface DefinitionRecord {
  id: string; ownerId: string; name: string; cron: string; timeZone: string;
  /** The stored create-run request, parsed again with the current schema each time it fires. */
  request: Record<string, unknown>;
  /** Occurrences up to this moment (ISO) have been handled. */
  checkedUntil: string; createdAt: string;
  /** When it was paused (ISO); null while it runs. */
  pausedAt: string | null;
}

interface DefinitionRow {
  id: string; owner_id: string; name: string; cron: string; time_zone: string; request: string;
  checked_until: string; created_at: string; paused_at: string | null;
}

function toDefinition(r: DefinitionRow): DefinitionRecord {
  return {
    id: r.id, ownerId: r.owner_id, name: r.name, cron: r.cron, timeZone: r.time_zone,
    request: JSON.parse(r.request), checkedUntil: r.checked_until, createdAt: r.created_at, pausedAt: r.paused_at,
  };
}

/** Saves a definition; its first occurrence is the first one after `checkedUntil`. */
export function insertDefinition(db: Db, d: Omit<DefinitionRecord, 'createdAt' | 'pausedAt'>): DefinitionRecord {
  const createdAt = nowIso();
  prepared(db, `INSERT INTO run_definitions (id, owner_id, name, cron, time_zone, request, checked_until, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(d.id, d.ownerId, d.name, d.cron, d.timeZone, JSON.stringify(d.request), d.checkedUntil, createdAt);
  return { ...d, createdAt, pausedAt: null };
}

/**
 * Changes the owner's definition: its name, its pattern and zone, or whether it is paused. A new
 * pattern, and resuming, start from `now` (`checkedUntil`): occurrences while paused or under the
 * old pattern are never planned late. Undefined when there is no such definition of the owner.
 */
export function updateDefinition(
  db: Db, id: string, ownerId: string, change: { name?: string; cron?: string; timeZone?: string; paused?: boolean }, nowIsoValue: string,
): DefinitionRecord | undefined {
  return db.transaction(() => {
    const current = findDefinition(db, id, ownerId);
    if (!current) return undefined;
    const rescheduled = (change.cron !== undefined && change.cron !== current.cron) || (change.timeZone !== undefined && change.timeZone !== current.timeZone);
    const resumed = change.paused === false && current.pausedAt !== null;
    const pausedAt = change.paused === undefined ? current.pausedAt : change.paused ? current.pausedAt ?? nowIsoValue : null;
    const next: DefinitionRecord = {
      ...current,
      name: change.name ?? current.name, cron: change.cron ?? current.cron, timeZone: change.timeZone ?? current.timeZone, pausedAt,
      checkedUntil: rescheduled || resumed ? nowIsoValue : current.checkedUntil,
    };
    prepared(db, 'UPDATE run_definitions SET name = ?, cron = ?, time_zone = ?, paused_at = ?, checked_until = ? WHERE id = ? AND owner_id = ?')
      .run(next.name, next.cron, next.timeZone, next.pausedAt, next.checkedUntil, id, ownerId);
    return next;
  })();
}

/** The owner's definitions (no owner: all of them, for the scheduler), oldest first. */
export function listDefinitions(db: Db, ownerId?: string): DefinitionRecord[] {
  const rows = ownerId === undefined
    ? prepared(db, 'SELECT * FROM run_definitions ORDER BY created_at, id').all()
    : prepared(db, 'SELECT * FROM run_definitions WHERE owner_id = ? ORDER BY created_at, id').all(ownerId);
  return (rows as DefinitionRow[]).map(toDefinition);
}

/** One definition, if it belongs to the owner. */
export function findDefinition(db: Db, id: string, ownerId: string): DefinitionRecord | undefined {
  const row = prepared(db, 'SELECT * FROM run_definitions WHERE id = ? AND owner_id = ?').get(id, ownerId) as DefinitionRow | undefined;
  return row && toDefinition(row);
}

/** Deletes the owner's definition and its run-date records (the runs it planned stay); false when there was none. */
export function deleteDefinition(db: Db, id: string, ownerId: string): boolean {
  return prepared(db, 'DELETE FROM run_definitions WHERE id = ? AND owner_id = ?').run(id, ownerId).changes > 0;
}

/** Moves a definition's "handled up to" mark forward (never back: two processes may both write it). */
export function advanceCheckedUntil(db: Db, id: string, untilIso: string): void {
  prepared(db, 'UPDATE run_definitions SET checked_until = ? WHERE id = ? AND checked_until < ?').run(untilIso, id, untilIso);
}

/** What became of one run date of a definition. */
export interface ScheduledRunRecord {
  definitionId: string; runDate: string; dueAt: string; status: ScheduledRunStatus; runId: string | null;
  reason: string | null; holder: string; claimedAt: string;
}

interface ScheduledRunRow {
  definition_id: string; run_date: string; due_at: string; status: ScheduledRunStatus; run_id: string | null;
  reason: string | null; holder: string; claimed_at: string;
}

function toScheduledRun(r: ScheduledRunRow): ScheduledRunRecord {
  return {
    definitionId: r.definition_id, runDate: r.run_date, dueAt: r.due_at, status: r.status, runId: r.run_id,
    reason: r.reason, holder: r.holder, claimedAt: r.claimed_at,
  };
}

/**
 * Claims a run date of a definition, as 'planning' (this process will plan it) or 'skipped'. The
 * primary key (definition_id, run_date) makes the claim unique across restarts and processes: of
 * two claims of one date, exactly one returns true. A deleted definition claims nothing.
 */
export function claimRunDate(
  db: Db, c: { definitionId: string; runDate: string; dueAt: string; status: 'planning' | 'skipped'; reason: string | null; holder: string },
): boolean {
  return db.transaction(() => {
    const exists = prepared(db, 'SELECT 1 FROM run_definitions WHERE id = ?').pluck().get(c.definitionId);
    if (!exists) return false;
    const now = nowIso();
    return prepared(db, `INSERT INTO scheduled_runs (definition_id, run_date, due_at, status, reason, holder, claimed_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (definition_id, run_date) DO NOTHING`)
      .run(c.definitionId, c.runDate, c.dueAt, c.status, c.reason, c.holder, now, now).changes > 0;
  }).immediate();
}

/** Records how planning a claimed run date ended. */
export function settleRunDate(
  db: Db, definitionId: string, runDate: string, outcome: { status: 'planned' | 'failed' | 'skipped'; runId: string | null; reason: string | null },
): void {
  prepared(db, `UPDATE scheduled_runs SET status = ?, run_id = ?, reason = ?, updated_at = ?
    WHERE definition_id = ? AND run_date = ? AND status = 'planning'`)
    .run(outcome.status, outcome.runId, outcome.reason, nowIso(), definitionId, runDate);
}

/**
 * Run dates whose planning never finished (the process stopped in the middle) are failed, never
 * planned again: whether a run was already inserted cannot be known, and a date is sent at most once.
 */
export function failStalePlanning(db: Db, claimedBeforeIso: string): number {
  return prepared(db, `UPDATE scheduled_runs SET status = 'failed', reason = ?, updated_at = ?
    WHERE status = 'planning' AND claimed_at < ?`)
    .run('INTERRUPTED: the server stopped while planning this run date; it is not sent again.', nowIso(), claimedBeforeIso).changes;
}

/** A definition's latest run dates, newest first. */
export function listScheduledRuns(db: Db, definitionId: string, limit = 10): ScheduledRunRecord[] {
  return (prepared(db, 'SELECT * FROM scheduled_runs WHERE definition_id = ? ORDER BY run_date DESC LIMIT ?')
    .all(definitionId, limit) as ScheduledRunRow[]).map(toScheduledRun);
}
