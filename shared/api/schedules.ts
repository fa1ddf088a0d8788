import { z } from 'zod';
import { isTimeZone } from './locale';
import { CreateRunRequest, RunOptions } from './runs';

/** `POST /api/schedules`: a saved run definition that plans and sends itself on a cron schedule. */
export const CreateScheduleRequest = z.object({
  name: z.string().trim().min(1).max(200),
  /** Cron pattern read by croner: 5 fields, or 6 with seconds first (`0 8 * * *`: every day at 08:00). */
  cron: z.string().trim().min(1).max(200),
  /** IANA time zone the pattern and the run date are read in (`Europe/Istanbul`). */
  timeZone: z.string().max(64).refine(isTimeZone, 'Not a known time zone (e.g. Europe/Istanbul)'),
  /** What each occurrence plans and sends: the same body as `POST /api/runs` (no dryRun, no scheduledAt). */
  run: CreateRunRequest,
});
/** Parsed create-schedule request. */
export type CreateScheduleRequest = z.infer<typeof CreateScheduleRequest>;

/**
 * `PATCH /api/schedules/:id`: rename it, change when it runs, or pause and resume it. A new pattern
 * or zone, and resuming, count from now: occurrences while paused are not sent afterwards.
 */
export const UpdateScheduleRequest = z
  .strictObject({
    name: CreateScheduleRequest.shape.name.optional(),
    cron: CreateScheduleRequest.shape.cron.optional(),
    timeZone: CreateScheduleRequest.shape.timeZone.optional(),
    paused: z.boolean().optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), { error: 'give at least one of name, cron, timeZone or paused' });
/** Parsed update-schedule request. */
export type UpdateScheduleRequest = z.infer<typeof UpdateScheduleRequest>;

/** What became of one run date: planned into a run, skipped (missed while the server was down), or failed to plan. */
export const ScheduledRunStatus = z.enum(['planning', 'planned', 'skipped', 'failed']);
/** A scheduled-run status. */
export type ScheduledRunStatus = z.infer<typeof ScheduledRunStatus>;

/** One run date of a schedule; a run date is claimed at most once. */
export const ScheduledRun = z.object({
  /** The occurrence's date in the schedule's time zone (YYYY-MM-DD). */
  runDate: z.string(),
  /** When the occurrence was due (ISO). */
  dueAt: z.string(),
  status: ScheduledRunStatus,
  runId: z.string().nullable(),
  reason: z.string().nullable(),
});
/** Parsed scheduled run. */
export type ScheduledRun = z.infer<typeof ScheduledRun>;

/** A schedule as the API presents it. */
export const Schedule = z.object({
  id: z.string(),
  name: z.string(),
  cron: z.string(),
  timeZone: z.string(),
  listId: z.string(),
  /** The template's subject, when the run definition carries a template. */
  subject: z.string().nullable(),
  options: RunOptions,
  createdAt: z.string(),
  /** When it was paused (ISO); null while it runs. */
  pausedAt: z.string().nullable().default(null),
  /** The next occurrence (ISO), or null when the pattern has none left or the schedule is paused. */
  nextRunAt: z.string().nullable(),
  /** The latest run dates, newest first. */
  recent: z.array(ScheduledRun),
});
/** Parsed schedule. */
export type Schedule = z.infer<typeof Schedule>;

/** `GET /api/schedules` */
export const SchedulesResponse = z.object({ schedules: z.array(Schedule) });
