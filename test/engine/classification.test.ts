import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../server/engine/classify';
import { claimDelivery, countDeliveries, listDeliveries, peekNext } from '../../server/store/deliveries';
import { findRun, transitionRun } from '../../server/store/runs';
import { addresses, planRecipients, scriptedWorld, waitForStatus } from './support';

const FAST = { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 };
const gatewayTimeout = () => new ProviderError({ code: 'GATEWAY_TIMEOUT', kind: 'transient', outcome: 'unknown', message: 'The provider timed out.', status: 504 });

/** The worker applies the one classifier as DESIGN.md says: retry only what certainly did not go out; ask when unsure. */
describe('what the engine does with each kind of failure', () => {
  const world = scriptedWorld(FAST);

  const copies = () => [...world.provider.copiesByTag().values()];

  it('asks the provider after an unknown outcome: a message that went out is recorded sent, never sent again', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(3));
    provider.script = (_m, call) => (call === 2 ? { accept: true, thenThrow: gatewayTimeout() } : { accept: true });
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 3, failed: 0 });
    expect(provider.calls).toHaveLength(3);
    expect(copies()).toEqual([1, 1, 1]);
    expect(provider.findSentCalls).toBe(1);
  });

  it('retries after an unknown outcome once the provider says the message is not there', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(2));
    provider.script = (_m, call) => (call === 1 ? { accept: false, error: gatewayTimeout() } : { accept: true });
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 2, failed: 0 });
    expect(copies()).toEqual([1, 1]);
  });

  it('never re-sends blindly while the provider cannot say whether a message went out', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(1));
    let lookups = 0;
    provider.script = () => ({ accept: true, thenThrow: gatewayTimeout() });
    provider.findSentScript = () => (++lookups <= 2 ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) : undefined);
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 1, failed: 0 });
    expect(provider.calls).toHaveLength(1);
    expect(lookups).toBe(3);
  });

  it('retries a transient failure that certainly did not go out, and fails a permanent one with its reason', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, ['refused@example.com', 'rejected@example.com', 'fine@example.com']);
    let refusals = 0;
    provider.script = (m) => {
      if (m.to[0] === 'refused@example.com' && refusals++ < 2) {
        return { accept: false, error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' }) };
      }
      if (m.to[0] === 'rejected@example.com') {
        return { accept: false, error: new ProviderError({ code: 'MAILBOX_FULL', kind: 'permanent', outcome: 'not-sent', message: 'The mailbox is full.' }) };
      }
      return { accept: true };
    };
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['completed']);
    const byTo = new Map(listDeliveries(db, run.id).deliveries.map((d) => [d.email, d]));
    expect(byTo.get('refused@example.com')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(byTo.get('rejected@example.com')).toMatchObject({ status: 'failed', reason: 'MAILBOX_FULL: The mailbox is full.', attempts: 1 });
    expect(findRun(db, run.id)!.errorCount).toBe(1);
    expect(copies()).toEqual([1, 1]);
  });

  it('reconciles deliveries a crash left sending: found ones are recorded, missing ones sent once', async () => {
    const { db, user, provider } = world;
    const run = await planRecipients(db, provider, user, addresses(3));
    transitionRun(db, run.id, 'running');
    // A process claimed two deliveries and died: the first had reached the mail server, the second not.
    const first = claimDelivery(db, peekNext(db, run.id, Date.now())!)!;
    const second = claimDelivery(db, peekNext(db, run.id, Date.now())!)!;
    provider.accepted.push({ tag: `${run.id}:${first.id}`, to: [first.email], recipients: 1, at: Date.now() });
    const { engine } = world.start();
    await waitForStatus(db, run.id, ['completed']);
    expect(countDeliveries(db, run.id)).toMatchObject({ sent: 3, sending: 0 });
    expect(provider.calls.map((c) => c.tag)).not.toContain(`${run.id}:${first.id}`);
    expect(provider.calls.map((c) => c.tag)).toContain(`${run.id}:${second.id}`);
    expect(copies()).toEqual([1, 1, 1]);
  });
});
