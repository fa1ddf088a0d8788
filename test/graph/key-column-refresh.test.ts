// A list read from Microsoft 365 is keyed by each person's directory id, refreshed or not: a
// schedule that leaves someone out by hand still leaves them out after the group was read again
// in another order with someone new at the top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateScheduleRequest } from '../../shared/api';
import { RecurringScheduler } from '../../server/engine/recurring';
import { createLogger } from '../../server/log';
import { presentList } from '../../server/services/lists';
import { createSchedule } from '../../server/services/schedules';
import { createListFromSource, refreshSourceList } from '../../server/services/sources';
import { findList } from '../../server/store/lists';
import { listScheduledRuns } from '../../server/store/schedules';
import { startGraphHarness, type GraphHarness } from './harness';

const at = (iso: string) => Date.parse(iso);

describe('marks on a list read from a group', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await startGraphHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('keep the key column through refreshes, and the schedule leaves out the marked person, not their old position', async () => {
    const [ayse, bora, can] = ['ayse', 'bora', 'can'].map((n) => h.emulator.addUser({ userPrincipalName: `${n}@contoso.test`, mail: `${n}@contoso.test`, givenName: n }));
    const group = h.emulator.addGroup({ displayName: 'Payroll', members: [ayse.id, bora.id, can.id] });
    const list = await createListFromSource(h.db, h.user.id, h.mailbox, { source: { kind: 'group', groupId: group.id } });
    expect(presentList(list).keyColumn).toBe('id');

    let clock = at('2026-03-10T04:00:00Z');
    const { id } = await createSchedule(h.db, h.mailbox, h.user.id, CreateScheduleRequest.parse({
      name: 'Payroll note', cron: '0 8 * * *', timeZone: 'Europe/Istanbul',
      run: { listId: list.id, template: { subject: 'Merhaba {{givenName}}', html: '<p>{{givenName}}</p>' }, audience: { rowKey: 'id', exclude: [bora.id] } },
    }), clock);

    // Deniz joins at the top and the others come back in another order: Bora's old row 1 is now Can's.
    const deniz = h.emulator.addUser({ userPrincipalName: 'deniz@contoso.test', mail: 'deniz@contoso.test', givenName: 'deniz' });
    group.memberIds.splice(0, group.memberIds.length, deniz.id, can.id, ayse.id, bora.id);
    const refreshed = await refreshSourceList(h.db, h.user.id, h.mailbox, list.id);
    expect(refreshed.meta.keyColumn).toBe('id');

    clock = at('2026-03-11T05:00:01Z');
    await new RecurringScheduler({ db: h.db, provider: h.provider, log: createLogger('silent'), now: () => clock, holderId: 'server-a' }).tick();
    expect(findList(h.db, h.user.id, list.id)?.meta.keyColumn).toBe('id');
    const runId = listScheduledRuns(h.db, id).find((d) => d.runDate === '2026-03-11')?.runId ?? '';
    const to = h.db.prepare('SELECT email FROM deliveries WHERE run_id = ? ORDER BY email').pluck().all(runId) as string[];
    expect(to).toEqual(['ayse@contoso.test', 'can@contoso.test', 'deniz@contoso.test']);
  });
});
