import { RunOptions, type CreateScheduleRequest, type Schedule, type UpdateScheduleRequest } from '../../shared/api';
import { CronError, parseCron } from '../engine/cron';
import { AppError } from '../errors';
import type { Mailbox } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import {
  deleteDefinition, findDefinition, insertDefinition, listDefinitions, listScheduledRuns, updateDefinition, type DefinitionRecord,
} from '../store/schedules';
import { planRun } from './runs';

/** Renames, reschedules, pauses or resumes the owner's schedule; another user's is not found. */
export function updateSchedule(db: Db, ownerId: string, id: string, body: UpdateScheduleRequest, now: number): Schedule {
  if (body.cron !== undefined || body.timeZone !== undefined) {
    const current = findDefinition(db, id, ownerId);
    if (!current) throw new AppError('NOT_FOUND', `There is no schedule with id "${id}".`);
    checkCron(body.cron ?? current.cron, body.timeZone ?? current.timeZone);
  }
  const updated = updateDefinition(db, id, ownerId, body, new Date(now).toISOString());
  if (!updated) throw new AppError('NOT_FOUND', `There is no schedule with id "${id}".`);
  return presentSchedule(db, updated, now);
}

/**
 * Saves a recurring run definition after checking everything a run would check (list, address
 * column, template, folder: a dry run of `planRun`), so a schedule never fails later on input that
 * was wrong from the start. Its first occurrence is the first one after now.
 */
export async function createSchedule(db: Db, mailbox: Mailbox, ownerId: string, body: CreateScheduleRequest, now: number): Promise<DefinitionRecord> {
  checkCron(body.cron, body.timeZone);
  if (body.run.dryRun) throw new AppError('VALIDATION_FAILED', 'A schedule cannot be a dry run.', { issues: [{ path: 'run.dryRun', message: 'must be false' }] });
  if (body.run.options.scheduledAt) {
    throw new AppError('VALIDATION_FAILED', 'A schedule has no single start time; leave run.options.scheduledAt out.', { issues: [{ path: 'run.options.scheduledAt', message: 'not allowed' }] });
  }
  // Checked like a run, except that nobody in the audience today is fine: the date rules are
  // evaluated again on every run date ("birthday today" on a day without birthdays).
  await planRun(db, mailbox, ownerId, { ...body.run, dryRun: true }, { allowEmptyAudience: true });
  return insertDefinition(db, {
    id: newId(), ownerId, name: body.name, cron: body.cron, timeZone: body.timeZone,
    request: body.run as unknown as Record<string, unknown>, checkedUntil: new Date(now).toISOString(),
  });
}

/** Refuses a pattern croner cannot read, naming the field. */
function checkCron(cron: string, timeZone: string): void {
  try {
    parseCron(cron, timeZone);
  } catch (err) {
    if (!(err instanceof CronError)) throw err;
    throw new AppError('VALIDATION_FAILED', `The schedule "${cron}" cannot be used: ${err.message}`, { issues: [{ path: 'cron', message: err.message }] });
  }
}

/** The owner's schedules with their next occurrence and latest run dates. */
export function listSchedules(db: Db, ownerId: string, now: number): Schedule[] {
  return listDefinitions(db, ownerId).map((d) => presentSchedule(db, d, now));
}

/** Deletes the owner's schedule (the runs it planned stay); another user's is not found. */
export function removeSchedule(db: Db, ownerId: string, id: string): void {
  if (!deleteDefinition(db, id, ownerId)) throw new AppError('NOT_FOUND', `There is no schedule with id "${id}".`);
}

/** The API's view of a schedule. */
export function presentSchedule(db: Db, d: DefinitionRecord, now: number): Schedule {
  const request = d.request as { listId?: unknown; template?: { subject?: unknown }; options?: unknown };
  const options = RunOptions.safeParse(request.options ?? {});
  const next = d.pausedAt ? null : parseCron(d.cron, d.timeZone).nextRun(new Date(now));
  return {
    id: d.id, name: d.name, cron: d.cron, timeZone: d.timeZone, listId: String(request.listId ?? ''),
    subject: typeof request.template?.subject === 'string' ? request.template.subject : null,
    options: options.success ? options.data : RunOptions.parse({}),
    createdAt: d.createdAt, pausedAt: d.pausedAt, nextRunAt: next ? next.toISOString() : null,
    recent: listScheduledRuns(db, d.id).map((r) => ({ runDate: r.runDate, dueAt: r.dueAt, status: r.status, runId: r.runId, reason: r.reason })),
  };
}
