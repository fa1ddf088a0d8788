// A birthday schedule on the directory: before each run date the list is read again from
// Microsoft 365, so someone added to the directory yesterday is greeted today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateScheduleRequest } from '../../shared/api';
import { RecurringScheduler } from '../../server/engine/recurring';
import { createLogger } from '../../server/log';
import { createSchedule } from '../../server/services/schedules';
import { createListFromSource } from '../../server/services/sources';
import { listScheduledRuns } from '../../server/store/schedules';
import { startGraphHarness, type GraphHarness } from './harness';

const at = (iso: string) => Date.parse(iso);

describe('a birthday schedule on a list read from the directory', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await startGraphHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads the directory again before each run date, and uses the last rows when it cannot', async () => {
    h.emulator.addUser({ userPrincipalName: 'ayse@contoso.test', mail: 'ayse@contoso.test', givenName: 'Ayşe', birthday: '1990-03-11' });
    const list = await createListFromSource(h.db, h.user.id, h.mailbox, { source: { kind: 'directory' } });
    let clock = at('2026-03-10T04:00:00Z');
    const { id } = await createSchedule(h.db, h.mailbox, h.user.id, CreateScheduleRequest.parse({
      name: 'Birthdays', cron: '0 8 * * *', timeZone: 'Europe/Istanbul',
      run: { listId: list.id, template: { subject: 'İyi ki doğdun {{givenName}}', html: '<p>{{givenName}}</p>' }, audience: { filter: { type: 'birthdayToday', field: 'birthday' } } },
    }), clock);
    const scheduler = () => new RecurringScheduler({ db: h.db, provider: h.provider, log: createLogger('silent'), now: () => clock, holderId: 'server-a' });
    const plannedTo = (runDate: string) => {
      const date = listScheduledRuns(h.db, id).find((d) => d.runDate === runDate);
      return h.db.prepare('SELECT email FROM deliveries WHERE run_id = ? ORDER BY email').pluck().all(date?.runId ?? '') as string[];
    };

    // Joined on the 10th, born on the 11th: not in the list read on the 10th, greeted on the 11th.
    h.emulator.addUser({ userPrincipalName: 'omer@contoso.test', mail: 'omer@contoso.test', givenName: 'Ömer', birthday: '1988-03-11' });
    clock = at('2026-03-11T05:00:01Z');
    await scheduler().tick();
    expect(plannedTo('2026-03-11')).toEqual(['ayse@contoso.test', 'omer@contoso.test']);

    // Microsoft 365 unreachable on the 12th: the rows read on the 11th still serve.
    h.emulator.addUser({ userPrincipalName: 'zeynep@contoso.test', mail: 'zeynep@contoso.test', givenName: 'Zeynep', birthday: '1995-03-12' });
    h.emulator.addUser({ userPrincipalName: 'jan@contoso.test', mail: 'jan@contoso.test', givenName: 'Jan', birthday: '1979-03-12' });
    const rows = h.db.prepare('SELECT row_count FROM lists WHERE id = ?').pluck().get(list.id);
    h.emulator.faults.add({ method: 'GET', path: /^\/users$/, action: { type: 'status', status: 503 } });
    clock = at('2026-03-12T05:00:01Z');
    await scheduler().tick();
    h.emulator.faults.clear();
    expect(h.db.prepare('SELECT row_count FROM lists WHERE id = ?').pluck().get(list.id)).toBe(rows);
    expect(listScheduledRuns(h.db, id).find((d) => d.runDate === '2026-03-12')?.status).toBe('skipped');
  });
});
