import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateScheduleRequest, ErrorBody, Schedule, SchedulesResponse } from '../../shared/api';
import { RecurringScheduler } from '../../server/engine/recurring';
import { createLogger } from '../../server/log';
import { createLocalProvider } from '../../server/providers/local/local-mailbox';
import { importList } from '../../server/services/lists';
import { createSchedule } from '../../server/services/schedules';
import { openDb, type Db } from '../../server/store/db';
import { deleteList } from '../../server/store/lists';
import { insertDefinition, listScheduledRuns, updateDefinition } from '../../server/store/schedules';
import { upsertUser, type User } from '../../server/store/users';
import { startTestServer } from '../support/server';
import { openStore, tempDir, useTempStore } from './support';

const LIMITS = { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 };
// Europe/Istanbul is UTC+3 all year: 08:00 there is 05:00Z.
const at = (iso: string) => Date.parse(iso);

describe('recurring runs', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  let db: Db;
  let user: User;
  let clock: number;

  beforeEach(() => {
    tmp = tempDir();
    file = path.join(tmp.dir, 'store.db');
    ({ db, user } = openStore(file));
    clock = at('2026-03-10T04:00:00Z');
  });
  afterEach(() => {
    db.close();
    tmp.remove();
  });

  /** A scheduler as one server process has it: its own connection to the store, the shared test clock. */
  function scheduler(store: Db = db, holderId = 'server-a'): RecurringScheduler {
    return new RecurringScheduler({ db: store, provider: createLocalProvider(store, LIMITS), log: createLogger('silent'), now: () => clock, holderId });
  }

  async function dailyAtEight(): Promise<string> {
    const list = await importList(db, user.id, { bytes: Buffer.from('email\nayse@example.com\nomer@example.com\n'), fileName: 'birthdays.csv' });
    const body = CreateScheduleRequest.parse({
      name: 'Birthday greetings', cron: '0 8 * * *', timeZone: 'Europe/Istanbul',
      run: { listId: list.id, template: { subject: 'Happy birthday', html: '<p>Many happy returns</p>' } },
    });
    const definition = await createSchedule(db, createLocalProvider(db, LIMITS).open(user), user.id, body, clock);
    return definition.id;
  }

  const runsOf = (store: Db = db) => store.prepare('SELECT id, status FROM runs ORDER BY created_at').all() as Array<{ id: string; status: string }>;

  it('plans each run date once at its time in its zone, across restarts and two processes on one store', async () => {
    const id = await dailyAtEight();
    clock = at('2026-03-10T04:59:59Z');
    expect(await scheduler().tick()).toBe(at('2026-03-10T05:00:00Z'));
    expect(runsOf()).toHaveLength(0);

    // Two server processes, each with its own connection, wake for the same occurrence together.
    clock = at('2026-03-10T05:00:01Z');
    const other = openDb(file);
    try {
      await Promise.all([scheduler(db, 'server-a').tick(), scheduler(other, 'server-b').tick()]);
      expect(runsOf()).toHaveLength(1);
      // A restarted process (a new scheduler) finds nothing left to do that day.
      clock = at('2026-03-10T05:30:00Z');
      await scheduler(other, 'server-c').tick();
    } finally {
      other.close();
    }
    expect(runsOf()).toHaveLength(1);
    expect(listScheduledRuns(db, id)).toMatchObject([{ runDate: '2026-03-10', status: 'planned', runId: runsOf()[0].id, dueAt: '2026-03-10T05:00:00.000Z' }]);
  });

  it('runs a schedule missed while down once if it is still its day, and records an older one as skipped', async () => {
    const id = await dailyAtEight();
    clock = at('2026-03-10T05:00:01Z');
    await scheduler().tick();
    // Down from just after day 1's run until day 2 at noon in Istanbul: day 2's 08:00 is still today.
    clock = at('2026-03-11T09:00:00Z');
    await scheduler().tick();
    await scheduler().tick();
    expect(runsOf()).toHaveLength(2);
    // Down again until day 4 at 06:00: day 3's run date is gone, day 4's is still to come.
    clock = at('2026-03-13T03:00:00Z');
    await scheduler().tick();
    expect(runsOf()).toHaveLength(2);
    const skipped = listScheduledRuns(db, id)[0];
    expect(skipped).toMatchObject({ runDate: '2026-03-12', status: 'skipped', runId: null });
    expect(skipped.reason).toMatch(/^MISSED: /);
    clock = at('2026-03-13T05:00:30Z');
    await scheduler().tick();
    expect(listScheduledRuns(db, id).map((r) => [r.runDate, r.status])).toEqual([
      ['2026-03-13', 'planned'], ['2026-03-12', 'skipped'], ['2026-03-11', 'planned'], ['2026-03-10', 'planned'],
    ]);
    expect(runsOf()).toHaveLength(3);
  });

  it('plans nothing while paused, and after resuming only what comes next: a paused morning is not sent late', async () => {
    const id = await dailyAtEight();
    updateDefinition(db, id, user.id, { paused: true }, new Date(clock).toISOString());
    clock = at('2026-03-10T05:00:01Z');
    await scheduler().tick();
    clock = at('2026-03-10T09:00:00Z');
    updateDefinition(db, id, user.id, { paused: false }, new Date(clock).toISOString());
    await scheduler().tick();
    expect(listScheduledRuns(db, id)).toEqual([]);
    clock = at('2026-03-11T05:00:01Z');
    await scheduler().tick();
    expect(listScheduledRuns(db, id).map((r) => [r.runDate, r.status])).toEqual([['2026-03-11', 'planned']]);
  });

  it('records a run date that cannot be planned as failed, with the reason, and does not try it again', async () => {
    const id = await dailyAtEight();
    const listId = (db.prepare('SELECT id FROM lists').pluck().get() as string);
    deleteList(db, user.id, listId);
    clock = at('2026-03-10T05:00:01Z');
    await scheduler().tick();
    clock = at('2026-03-10T06:00:00Z');
    await scheduler().tick();
    expect(runsOf()).toHaveLength(0);
    const [failed] = listScheduledRuns(db, id);
    expect(failed).toMatchObject({ runDate: '2026-03-10', status: 'failed', runId: null });
    expect(failed.reason).toMatch(/^NOT_FOUND: /);
  });
});

describe('a birthday schedule', () => {
  const store = useTempStore();
  let clock: number;
  const scheduler = () => new RecurringScheduler({ db: store.db, provider: createLocalProvider(store.db, LIMITS), log: createLogger('silent'), now: () => clock, holderId: 'server-a' });

  it('is saved on a day without birthdays, sends on a day with one, and a day without is skipped as nobody, not failed', async () => {
    const { db, user } = store;
    const csv = 'firstName,email,birthDate\nAyşe,ayse@example.com,12.03.1990\nÖmer,omer@example.com,29.02.1988\n';
    const list = await importList(db, user.id, { bytes: Buffer.from(csv), fileName: 'staff.csv' });
    clock = at('2026-03-10T04:00:00Z');
    const body = CreateScheduleRequest.parse({
      name: 'Birthdays', cron: '0 8 * * *', timeZone: 'Europe/Istanbul',
      run: { listId: list.id, template: { subject: 'İyi ki doğdun {{firstName}}', html: '<p>{{firstName}}</p>' }, audience: { filter: { type: 'birthdayToday', field: 'birthDate' } } },
    });
    // Nobody has a birthday on 10 March, yet the schedule is checked (template, list, folder) and saved.
    const { id } = await createSchedule(db, createLocalProvider(db, LIMITS).open(user), user.id, body, clock);
    const typo = CreateScheduleRequest.parse({ ...body, run: { ...body.run, template: { subject: 'Hi {{frstName}}', html: '<p>x</p>' } } });
    await expect(createSchedule(db, createLocalProvider(db, LIMITS).open(user), user.id, typo, clock)).rejects.toMatchObject({ code: 'UNKNOWN_FIELDS' });

    for (const day of ['2026-03-10', '2026-03-11', '2026-03-12']) {
      clock = at(`${day}T05:00:01Z`);
      await scheduler().tick();
    }
    const dates = listScheduledRuns(db, id).sort((a, b) => a.runDate.localeCompare(b.runDate));
    expect(dates.map((d) => [d.runDate, d.status])).toEqual([['2026-03-10', 'skipped'], ['2026-03-11', 'skipped'], ['2026-03-12', 'planned']]);
    expect(dates[0].reason).toBe('EMPTY_AUDIENCE: nobody is in the audience on 2026-03-10.');
    const planned = db.prepare('SELECT COUNT(*) FROM deliveries WHERE run_id = ?').pluck().get(dates[2].runId) as number;
    expect(planned).toBe(1);

    // A list that lost its rows (a refresh that read nothing) is a failure to report, not a quiet day.
    db.prepare('DELETE FROM list_rows WHERE list_id = ?').run(list.id);
    db.prepare('UPDATE lists SET row_count = 0 WHERE id = ?').run(list.id);
    clock = at('2026-03-13T05:00:01Z');
    await scheduler().tick();
    const [latest] = listScheduledRuns(db, id).filter((d) => d.runDate === '2026-03-13');
    expect(latest.status).toBe('failed');
    expect(latest.reason).toMatch(/^VALIDATION_FAILED: The run would reach nobody: .*no rows/);
  });
});

describe('schedules over HTTP and in the CLI', () => {
  it('creates, lists, runs by itself, and deletes a schedule; other users\' are invisible', async () => {
    const s = await startTestServer();
    try {
      const list = (await s.upload('team.csv', 'email\nana@example.com\nbo@example.com\n')).body;
      const run = { listId: list.id, template: { subject: 'Daily', html: '<p>Hi</p>' } };
      for (const [body, code] of [
        [{ name: 'x', cron: 'every morning', timeZone: 'UTC', run }, 'VALIDATION_FAILED'],
        [{ name: 'x', cron: '0 8 * * *', timeZone: 'Mars/Olympus', run }, 'VALIDATION_FAILED'],
        [{ name: 'x', cron: '0 8 * * *', timeZone: 'UTC', run: { ...run, dryRun: true } }, 'VALIDATION_FAILED'],
        [{ name: 'x', cron: '0 8 * * *', timeZone: 'UTC', run: { ...run, listId: 'nope' } }, 'NOT_FOUND'],
      ] as const) {
        const res = await s.api('POST', '/api/schedules', body);
        expect(ErrorBody.parse(res.body).error.code).toBe(code);
      }
      expect(SchedulesResponse.parse((await s.api('GET', '/api/schedules')).body).schedules).toEqual([]);

      // Every second: the server plans a run by itself and sends it; later seconds of the same day send nothing more.
      const created = await s.api('POST', '/api/schedules', { name: 'Every second', cron: '* * * * * *', timeZone: 'UTC', run });
      expect(created.status).toBe(201);
      const schedule = Schedule.parse(created.body);
      const first = await pollSchedule(s, schedule.id, (x) => x.recent.some((r) => r.runId));
      const runId = first.recent.find((r) => r.runId)!.runId!;
      const done = await s.waitForRun(runId, ['completed']);
      expect(done.counts).toMatchObject({ planned: 2, sent: 2 });
      await new Promise((r) => setTimeout(r, 1500));
      const later = Schedule.parse((await s.api('GET', '/api/schedules')).body.schedules[0]);
      const dates = later.recent.map((r) => r.runDate);
      expect(new Set(dates).size).toBe(dates.length);
      expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(dates.length);

      const cli = await promisify(execFile)(process.execPath, [path.resolve('bin/seriatim.js'), 'schedules', '--json'], {
        env: { PATH: process.env.PATH, SERIATIM_DB: path.join(s.dataDir, 'seriatim.db'), SERIATIM_LOG_LEVEL: 'silent' },
      });
      expect(JSON.parse(cli.stdout).schedules).toMatchObject([{ id: schedule.id, name: 'Every second', cron: '* * * * * *' }]);

      // Someone else's schedule in the same store: not listed, not deletable.
      const db = s.core.db;
      upsertUser(db, { id: 'other', tenantId: 'other', email: 'other@example.com', name: 'Other' });
      const theirs = insertDefinition(db, { id: 'theirs', ownerId: 'other', name: 'Theirs', cron: '0 8 * * *', timeZone: 'UTC', request: run, checkedUntil: new Date().toISOString() });
      expect((await s.api('GET', '/api/schedules')).body.schedules.map((x: Schedule) => x.id)).toEqual([schedule.id]);
      expect((await s.api('DELETE', `/api/schedules/${theirs.id}`)).status).toBe(404);
      expect((await s.api('PATCH', `/api/schedules/${theirs.id}`, { paused: true })).status).toBe(404);

      // Changed through PATCH: renamed, paused (no next run, nothing planned), checked like a new one.
      for (const [body, path] of [[{}, 'address'], [{ cron: 'never' }, 'cron'], [{ timeZone: 'Mars/Olympus' }, 'timeZone'], [{ paused: 'yes' }, 'paused']] as const) {
        const res = await s.api('PATCH', `/api/schedules/${schedule.id}`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(JSON.stringify(ErrorBody.parse(res.body).error)).toContain(path === 'address' ? 'at least one' : path);
      }
      const paused = Schedule.parse((await s.api('PATCH', `/api/schedules/${schedule.id}`, { paused: true, name: 'Every second (paused)' })).body);
      expect(paused).toMatchObject({ name: 'Every second (paused)', nextRunAt: null, pausedAt: expect.any(String) });
      const runsWhenPaused = (await s.api('GET', '/api/runs')).body.runs.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(runsWhenPaused);
      const resumed = Schedule.parse((await s.api('PATCH', `/api/schedules/${schedule.id}`, { paused: false, cron: '0 8 * * *' })).body);
      expect(resumed).toMatchObject({ pausedAt: null, cron: '0 8 * * *', nextRunAt: expect.stringMatching(/T08:00:00/) });

      expect((await s.api('DELETE', `/api/schedules/${schedule.id}`)).status).toBe(204);
      expect((await s.api('GET', '/api/schedules')).body.schedules).toEqual([]);
      expect((await s.api('DELETE', `/api/schedules/${schedule.id}`)).status).toBe(404);
    } finally {
      await s.close();
    }
  }, 60_000);
});

async function pollSchedule(s: Awaited<ReturnType<typeof startTestServer>>, id: string, ready: (x: Schedule) => boolean): Promise<Schedule> {
  for (let i = 0; i < 200; i++) {
    const found = SchedulesResponse.parse((await s.api('GET', '/api/schedules')).body).schedules.find((x) => x.id === id);
    if (found && ready(found)) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Schedule ${id} never became ready`);
}
