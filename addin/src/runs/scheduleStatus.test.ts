import { describe, expect, it } from 'vitest';
import type { Run, Schedule, ScheduledRun } from '../../../shared/api';
import { formatRunDate, reasonKeyOf, reasonText, scheduleStatusOf, wasMissed } from './scheduleStatus';

const date = (runDate: string, status: ScheduledRun['status'], runId: string | null = null, reason: string | null = null): ScheduledRun => ({
  runDate, dueAt: `${runDate}T05:00:00.000Z`, status, runId, reason,
});

const schedule = (recent: ScheduledRun[]): Schedule => ({
  id: 's1', name: 'Birthdays — Staff', cron: '0 8 * * *', timeZone: 'Europe/Istanbul', listId: 'l1', subject: 'Happy birthday',
  options: { maxErrors: 0, acceptUnknownFields: false }, createdAt: '2026-03-01T00:00:00.000Z', pausedAt: null, nextRunAt: '2026-03-14T05:00:00.000Z', recent,
});

const run = (id: string, sent: number, planned: number) => ({ id, counts: { planned, sent } }) as unknown as Run;

describe('a schedule\'s status', () => {
  it('finds the latest run and what it sent, and lists missed and failed dates newest first (a day with nobody is no problem)', () => {
    const status = scheduleStatusOf(
      schedule([
        date('2026-03-11', 'planned', 'r11'),
        date('2026-03-13', 'failed', null, 'VALIDATION_FAILED: The run would reach nobody.'),
        date('2026-03-12', 'skipped', null, 'MISSED: no server was running'),
        date('2026-03-09', 'skipped', null, 'EMPTY_AUDIENCE: nobody is in the audience on 2026-03-09.'),
        date('2026-03-10', 'planned', 'r10'),
      ]),
      [run('r10', 2, 2), run('r11', 1, 3)],
    );
    expect(status.last?.runDate).toBe('2026-03-11');
    expect(status.lastRun?.counts).toEqual({ planned: 3, sent: 1 });
    expect(status.problems.map((p) => [p.runDate, p.status])).toEqual([['2026-03-13', 'failed'], ['2026-03-12', 'skipped']]);
  });

  it('has no last run before the first date, and none known when the run is not listed', () => {
    expect(scheduleStatusOf(schedule([]), [])).toEqual({ last: null, lastRun: null, problems: [] });
    expect(scheduleStatusOf(schedule([date('2026-03-10', 'planning')]), []).lastRun).toBeNull();
  });

  it('tells a date missed while no server ran from one refused for another reason', () => {
    expect(wasMissed(date('2026-03-12', 'skipped', null, 'MISSED: no server was running'))).toBe(true);
    expect(wasMissed(date('2026-03-12', 'skipped'))).toBe(true);
    expect(wasMissed(date('2026-03-12', 'skipped', null, 'EMPTY_AUDIENCE: nobody has a birthday today'))).toBe(false);
    expect(wasMissed(date('2026-03-12', 'failed', null, 'NOT_FOUND: no list'))).toBe(false);
  });

  it('says the scheduler\'s known reasons in the user\'s language, by code', () => {
    expect(reasonKeyOf('EMPTY_AUDIENCE: nobody is in the audience on 2026-03-09.')).toBe('runs.reason.emptyAudience');
    expect(reasonKeyOf('MISSED: no server was running')).toBe('runs.reason.missed');
    expect(reasonKeyOf('VALIDATION_FAILED: The run would reach nobody.')).toBe('runs.reason.validationFailed');
    expect(reasonKeyOf('NOT_FOUND: There is no list with id "x".')).toBe('runs.reason.notFound');
    // Unknown codes, and text without one, keep the server's sentence.
    expect(reasonKeyOf('INTERNAL: disk full')).toBeNull();
    expect(reasonKeyOf('NOT_FOUNDATION: x')).toBeNull();
    expect(reasonKeyOf(null)).toBeNull();
  });

  it('shows reasons without their code, and run dates in the locale', () => {
    expect(reasonText('VALIDATION_FAILED: The run would reach nobody.')).toBe('The run would reach nobody.');
    expect(reasonText(null)).toBe('');
    expect(formatRunDate('2026-03-12', 'en')).toBe('Mar 12, 2026');
    expect(formatRunDate('2026-03-12', 'pl')).toBe('12 mar 2026');
    expect(formatRunDate('soon', 'en')).toBe('soon');
  });
});
