import type { Run, Schedule, ScheduledRun } from '../../../shared/api';
import type { MessageKey } from '../i18n';

/** What a schedule has done lately: its latest run (and that run, when the list has it), and the dates it did not send. */
export interface ScheduleStatus {
  /** The newest run date that became (or is becoming) a run. */
  last: ScheduledRun | null;
  /** The run the latest run date planned, with what it sent. */
  lastRun: Run | null;
  /** Run dates missed while no server ran, or that could not be planned, newest first (not those with nobody in the audience). */
  problems: ScheduledRun[];
}

/** Sorts a schedule's recent run dates into its latest run and the dates that were not sent. */
export function scheduleStatusOf(schedule: Schedule, runs: readonly Run[]): ScheduleStatus {
  const recent = [...schedule.recent].sort((a, b) => b.runDate.localeCompare(a.runDate));
  const last = recent.find((r) => r.status === 'planned' || r.status === 'planning') ?? null;
  const lastRun = last?.runId ? (runs.find((r) => r.id === last.runId) ?? null) : null;
  // A date with nobody in the audience (no birthdays that day) is the schedule working, not a problem.
  const problems = recent.filter((r) => r.status === 'failed' || (r.status === 'skipped' && !r.reason?.startsWith('EMPTY_AUDIENCE')));
  return { last, lastRun, problems };
}

/** Whether a run date was missed while no server ran (the scheduler's `MISSED` reason), rather than refused for another reason. */
export function wasMissed(date: ScheduledRun): boolean {
  return date.status === 'skipped' && (date.reason === null || date.reason.startsWith('MISSED'));
}

/** A stored reason without its leading code (`VALIDATION_FAILED: The run would reach nobody…` → the sentence). */
export function reasonText(reason: string | null): string {
  return (reason ?? '').replace(/^[A-Z_]+:\s*/, '');
}

/** The sentences, in the user's language, for the reasons the scheduler records by code. */
const REASONS: Record<string, MessageKey> = {
  EMPTY_AUDIENCE: 'runs.reason.emptyAudience',
  MISSED: 'runs.reason.missed',
  VALIDATION_FAILED: 'runs.reason.validationFailed',
  NOT_FOUND: 'runs.reason.notFound',
};

/** The catalog key saying a stored reason in words, by its leading code; null for a code without one (show `reasonText`). */
export function reasonKeyOf(reason: string | null): MessageKey | null {
  const code = /^([A-Z_]+)(?::|$)/.exec(reason ?? '')?.[1];
  return (code && REASONS[code]) || null;
}

/** A run date (`YYYY-MM-DD`, a calendar date in the schedule's zone) in the locale's medium style. */
export function formatRunDate(runDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(runDate);
  if (!match) return runDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
