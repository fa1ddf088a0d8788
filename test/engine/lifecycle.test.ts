import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../server/engine/classify';
import { changeRun } from '../../server/services/runs';
import { countDeliveries, listDeliveries } from '../../server/store/deliveries';
import { findRun } from '../../server/store/runs';
import { addresses, planRecipients, scriptedWorld, waitForStatus } from './support';

const FAST = { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 };

describe('run lifecycle', () => {
  const world = scriptedWorld(FAST);

  it('starts a scheduled run at its time, not before, and says so while it waits', async () => {
    const { db, user, provider } = world;
    const scheduledAt = new Date(Date.now() + 1500).toISOString();
    const run = await planRecipients(db, provider, user, addresses(3), { scheduledAt });
    expect(run.status).toBe('scheduled');
    const { engine, events } = world.start();
    const waiting = engine.progressOf(findRun(db, run.id)!);
    expect(waiting).toMatchObject({ status: 'scheduled', waitReason: 'schedule', waitingUntil: scheduledAt });
    expect(Date.parse(waiting.estimatedFinishAt!)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    const done = await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 3, pending: 0 });
    expect(provider.calls.every((c) => c.at >= Date.parse(scheduledAt))).toBe(true);
    expect(Date.parse(done.startedAt!)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    expect(events.some((e) => e.runId === run.id && e.status === 'completed')).toBe(true);
  });

  it('observes a pause between two sends: the message in flight is recorded, no other starts', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(20));
    provider.script = (_m, call) => {
      // The user pauses while the fifth message is being sent.
      if (call === 5) changeRun(db, user.id, run.id, 'pause');
      return { accept: true };
    };
    const { engine } = world.start();
    const paused = await waitForStatus(db, run.id, ['paused']);
    await engine.stop();
    expect(paused.pauseReason).toBe('Paused by you');
    expect(provider.calls).toHaveLength(5);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 5, pending: 15, sending: 0 });

    provider.script = () => ({ accept: true });
    expect(changeRun(db, user.id, run.id, 'resume').status).toBe('queued');
    engine.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 20, pending: 0 });
    expect([...provider.copiesByTag().values()].every((n) => n === 1)).toBe(true);
  });

  it('never overwrites a status someone else set: paused during the last send stays paused', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(4));
    provider.script = (_m, call) => {
      if (call === 4) changeRun(db, user.id, run.id, 'pause');
      return { accept: true };
    };
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['paused', 'completed']);
    await engine.stop();
    expect(findRun(db, run.id)!.status).toBe('paused');
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 4, pending: 0 });
    changeRun(db, user.id, run.id, 'resume');
    engine.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(provider.calls).toHaveLength(4);
  });

  it('cancels between sends: the rest is skipped and the run stays cancelled', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(10));
    provider.script = (_m, call) => {
      if (call === 3) changeRun(db, user.id, run.id, 'cancel');
      return { accept: true };
    };
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['cancelled']);
    await engine.stop();
    expect(findRun(db, run.id)!.status).toBe('cancelled');
    expect(provider.calls).toHaveLength(3);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 3, skipped: 7, pending: 0, sending: 0 });
    expect(listDeliveries(db, run.id, { status: 'skipped' }).deliveries.every((d) => d.reason === 'CANCELLED')).toBe(true);
  });

  it('pauses itself after N failed deliveries with the reason, and retries only the failed', async () => {
    const { db, user, provider } = world;
    const rejected = new Set(['p1@example.com', 'p3@example.com', 'p6@example.com']);
    const run = await planRecipients(db, provider, user, addresses(8), { maxErrors: 2 });
    provider.script = (m) => (rejected.has(m.to[0])
      ? { accept: false, error: new ProviderError({ code: 'RECIPIENT_REJECTED', kind: 'permanent', outcome: 'not-sent', message: 'The mail server rejected the recipient address.' }) }
      : { accept: true });
    const { engine } = world.start();
    const paused = await waitForStatus(db, run.id, ['paused']);
    expect(paused.pauseReason).toMatch(/^Paused after 2 failed deliveries \(limit 2\); last: The mail server rejected the recipient address\.$/);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 2, failed: 2 });

    changeRun(db, user.id, run.id, 'resume');
    engine.wake();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 5, failed: 3, pending: 0 });
    const failed = listDeliveries(db, run.id, { status: 'failed' }).deliveries;
    expect(failed.map((d) => d.email).sort()).toEqual([...rejected].sort());
    expect(failed.every((d) => d.reason?.startsWith('RECIPIENT_REJECTED: '))).toBe(true);

    provider.script = () => ({ accept: true });
    const before = provider.accepted.length;
    expect(changeRun(db, user.id, run.id, 'retry-failed').status).toBe('queued');
    engine.wake();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 8, failed: 0 });
    expect(provider.accepted.slice(before).map((a) => a.to[0]).sort()).toEqual([...rejected].sort());
    expect([...provider.copiesByTag().values()].every((n) => n === 1)).toBe(true);
  });
});
