import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../server/engine/classify';
import { Engine } from '../../server/engine/engine';
import { limitsByOrganisation } from '../../server/engine/organisation-limits';
import type { PacerLimits } from '../../server/engine/pacer';
import { ProgressHub } from '../../server/engine/progress';
import { createLogger } from '../../server/log';
import { newId, openDb, type Db } from '../../server/store/db';
import { countDeliveries, insertDeliveries } from '../../server/store/deliveries';
import { findRun, insertRun, type RunRecord } from '../../server/store/runs';
import { upsertUser, type User } from '../../server/store/users';
import { ScriptedProvider } from './scripted-mailbox';
import { addresses, maxInAnyWindow, openStore, planRecipients, startEngine, tempDir, waitFor, waitForStatus } from './support';

const HOUR = 3_600_000;

describe('pacing per mailbox', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let user: User;
  let engine: Engine | undefined;

  beforeEach(() => {
    tmp = tempDir();
    ({ db, user } = openStore(path.join(tmp.dir, 'store.db')));
  });
  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
    db.close();
    tmp.remove();
  });

  /** A run whose every message has `recipients` recipients (To + Cc + Bcc), stored as the planner stores it. */
  function insertRunWithRecipients(emails: string[], recipients: number, options: Record<string, unknown> = {}): RunRecord {
    return db.transaction(() => {
      const run = insertRun(db, {
        id: newId(), ownerId: user.id, listId: null, listName: 'cc list', provider: 'local', status: 'queued',
        subject: 'Hello', html: '<p>Hello</p>', text: null, folderId: 'sentitems', folderName: 'Sent Items',
        options: { maxErrors: 0, acceptUnknownFields: false, ...options }, scheduledAt: null,
      });
      insertDeliveries(db, run.id, emails.map((email) => ({ email, values: { email }, status: 'pending', reason: null, recipients })));
      return run;
    })();
  }

  it('shares one pacer between the runs of a mailbox', async () => {
    // 5 per (scaled) second for the whole mailbox; two runs that would each go at 5 per second alone.
    const limits: PacerLimits = { perMinute: 5, windowMs: 1000, perDay: 10_000, concurrency: 2 };
    const provider = new ScriptedProvider(limits);
    const a = await planRecipients(db, provider, user, addresses(6, 'a'));
    const b = await planRecipients(db, provider, user, addresses(6, 'b'));
    ({ engine } = startEngine(db, provider));
    await waitForStatus(db, a.id, ['completed']);
    await waitForStatus(db, b.id, ['completed']);
    const times = provider.calls.map((c) => c.at);
    expect(times).toHaveLength(12);
    // Both runs sent side by side, and together never faster than the mailbox's limit (with slack for timer jitter).
    // Side by side: each run's first message went out before the other's last (not one run, then the
    // other). Which starts first, and by how much, depends on the machine's load.
    const order = provider.calls.map((c) => c.tag.split(':')[0]);
    for (const [run, other] of [[a.id, b.id], [b.id, a.id]]) expect(order.indexOf(run)).toBeLessThan(order.lastIndexOf(other));
    expect(maxInAnyWindow(times, 900)).toBeLessThanOrEqual(5);
  });

  it('lets one process at a time send from a mailbox when two share the store', async () => {
    const limits: PacerLimits = { perMinute: 5, windowMs: 1000, perDay: 10_000, concurrency: 2 };
    const provider = new ScriptedProvider(limits);
    const a = await planRecipients(db, provider, user, addresses(5, 'a'));
    const b = await planRecipients(db, provider, user, addresses(5, 'b'));
    // A second server process: its own connection to the same store file.
    const other = openDb(path.join(tmp.dir, 'store.db'));
    const second = startEngine(other, provider).engine;
    try {
      ({ engine } = startEngine(db, provider));
      await waitForStatus(db, a.id, ['completed']);
      await waitForStatus(db, b.id, ['completed']);
    } finally {
      await second.stop();
      other.close();
    }
    expect([...provider.copiesByTag().values()]).toEqual(new Array(10).fill(1));
    expect(maxInAnyWindow(provider.calls.map((c) => c.at), 900)).toBeLessThanOrEqual(5);
  });

  it('slows the whole mailbox down on a throttling reply and never fails the delivery', async () => {
    const provider = new ScriptedProvider({ perMinute: 100_000, perDay: 1_000_000, concurrency: 2 });
    const run = await planRecipients(db, provider, user, addresses(6));
    provider.script = (_m, call) => (call === 3
      ? { accept: false, error: new ProviderError({ code: 'RATE_LIMITED', kind: 'throttled', outcome: 'not-sent', retryAfterMs: 1500, message: 'Slow down.' }) }
      : { accept: true });
    let events;
    ({ engine, events } = startEngine(db, provider));
    const done = await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 6, failed: 0 });
    expect(done.errorCount).toBe(0);
    expect([...provider.copiesByTag().values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const throttledAt = provider.refusals[0].at;
    const after = provider.calls.filter((c) => c.at > throttledAt);
    expect(after.length).toBe(4);
    expect(after.every((c) => c.at >= throttledAt + 1500)).toBe(true);
    expect(events.some((e) => e.runId === run.id && e.waitReason === 'throttled' && e.status === 'running')).toBe(true);
  });

  it('counts Cc and Bcc toward the daily budget, then waits and says when it continues', async () => {
    const provider = new ScriptedProvider({ perMinute: 100_000, perDay: 10, concurrency: 2 });
    const run = insertRunWithRecipients(addresses(5), 3);
    ({ engine } = startEngine(db, provider));
    const waiting = await waitFor('the day budget wait', () => {
      const r = findRun(db, run.id)!;
      return r.waitReason === 'day' ? r : undefined;
    });
    // 3 messages of 3 recipients fit in 10; the fourth would make 12.
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 3, pending: 2 });
    expect(provider.accepted).toHaveLength(3);
    const firstSent = provider.accepted[0].at;
    const until = Date.parse(waiting.waitingUntil!);
    expect(until).toBeGreaterThanOrEqual(firstSent + 24 * HOUR);
    expect(until).toBeLessThan(firstSent + 25 * HOUR);
    const progress = engine.progressOf(waiting);
    expect(progress).toMatchObject({ status: 'running', waitReason: 'day', waitingUntil: waiting.waitingUntil });
    expect(Date.parse(progress.estimatedFinishAt!)).toBeGreaterThanOrEqual(until);
  });

  it('keeps the daily budget across a restart, seeded from what the mailbox already sent', async () => {
    const provider = new ScriptedProvider({ perMinute: 100_000, perDay: 5, concurrency: 2 });
    const first = await planRecipients(db, provider, user, addresses(3, 'first'));
    ({ engine } = startEngine(db, provider));
    await waitForStatus(db, first.id, ['completed']);
    await engine.stop();

    const second = await planRecipients(db, provider, user, addresses(4, 'second'));
    ({ engine } = startEngine(db, provider));
    await waitFor('the day budget wait', () => findRun(db, second.id)!.waitReason === 'day');
    expect(countDeliveries(db, second.id)).toMatchObject({ sent: 2, pending: 2 });
  });

  it("keeps a run's own daily limit, below the mailbox's", async () => {
    const provider = new ScriptedProvider({ perMinute: 100_000, perDay: 1000, concurrency: 2 });
    const run = await planRecipients(db, provider, user, addresses(5), { perDay: 2 });
    ({ engine } = startEngine(db, provider));
    const waiting = await waitFor('the day budget wait', () => {
      const r = findRun(db, run.id)!;
      return r.waitReason === 'day' ? r : undefined;
    });
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 2, pending: 3 });
    expect(Date.parse(waiting.waitingUntil!)).toBeGreaterThan(Date.now() + 23 * HOUR);
  });

  it("paces an organisation's mailboxes to its own limits, other organisations to the provider's", async () => {
    const provider = new ScriptedProvider({ perMinute: 100_000, perDay: 1000, concurrency: 2 });
    const strict = upsertUser(db, { id: 'strict-user', tenantId: 'strict-org', email: 'hr@strict.example', name: 'Strict HR' });
    const limited = await planRecipients(db, provider, strict, addresses(5, 'strict'));
    const free = await planRecipients(db, provider, user, addresses(5, 'free'));
    const hub = new ProgressHub();
    const limitsFor = limitsByOrganisation(provider.limits, { 'strict-org': { perDay: 2 } });
    engine = new Engine({ db, provider, progress: hub, log: createLogger('silent'), limitsFor });
    engine.start();
    await waitForStatus(db, free.id, ['completed']);
    await waitFor('the organisation\'s day budget wait', () => findRun(db, limited.id)!.waitReason === 'day');
    expect(countDeliveries(db, limited.id)).toMatchObject({ sent: 2, pending: 3 });
    expect(countDeliveries(db, free.id)).toMatchObject({ sent: 5 });
  });
});
