import type { WaitReason } from '../../shared/api';
import { deliver, failDelivery, type DeliveryContext } from './delivery';
import { MessageBuilder } from './message-builder';
import type { Pacer, SlotId } from './pacer';
import type { Sleeper } from './sleeper';
import { claimDelivery, listSending, nextDueAt, peekNext, settleAttempt, skipPending, type DeliveryRecord } from '../store/deliveries';
import { findRun, runStatus, setRunWait, transitionRun, type RunRecord } from '../store/runs';

/** What a run's worker needs from the engine around it. */
export interface WorkerContext extends DeliveryContext {
  sender: { name: string; email: string };
  runPacer: Pacer;
  sleeper: Sleeper;
  stopping: () => boolean;
  /** Whether this process still holds the mailbox's lease; without it, nothing more is sent. */
  mayUseMailbox: () => boolean;
}

/**
 * The longest single nap: the run's status is read again at least this often, so a pause or cancel
 * written by another process (the CLI, a second server) is observed before the next message.
 */
const MAX_NAP_MS = 1000;
/** A rate wait this long is worth showing; shorter ones are the normal pace between messages. */
const NOTABLE_RATE_WAIT_MS = 10_000;

type Step = { kind: 'sent' } | { kind: 'done' } | { kind: 'wait'; until: number; reason: WaitReason };

/**
 * Reconciles deliveries a stopped process left `sending`: the provider is asked whether a message
 * with the delivery's tag exists. Found: it went out, mark it sent. Not found: it certainly did not
 * go out, so it may be sent again. No answer: it goes back to pending, and its next attempt asks
 * again before sending (attempts > 1). Never re-sent blindly. Runs only under the mailbox lease,
 * so no live process is still sending these.
 */
export async function reconcileSending(ctx: WorkerContext, run: RunRecord): Promise<void> {
  for (const d of listSending(ctx.db, run.id)) {
    let found: boolean | undefined;
    try {
      const receipt = await ctx.mailbox.findSent({ runId: run.id, deliveryId: d.id });
      found = Boolean(receipt);
      settleAttempt(ctx.db, d, receipt ? 'sent' : 'pending', { messageId: receipt?.messageId ?? null });
    } catch (err) {
      settleAttempt(ctx.db, d, 'pending', { reason: 'UNVERIFIED', notBefore: ctx.now() + 5_000 });
    }
    ctx.log.info({ runId: run.id, deliveryId: d.id, provider: ctx.mailbox.provider, stage: 'recover', found }, 'reconciled a delivery left sending');
  }
}

/**
 * Sends a run's pending deliveries one by one, within both pacers, until it is done, or its status
 * is no longer `running` (paused, cancelled: whoever changed it, the change stands), or the engine
 * stops. Every status change it makes is conditional on the status it last saw.
 */
export async function workRun(ctx: WorkerContext, runId: string): Promise<void> {
  const run = findRun(ctx.db, runId);
  if (!run || !ctx.mayUseMailbox()) return;
  if (run.status === 'queued') transitionRun(ctx.db, runId, 'running', { expect: 'queued' });
  if (runStatus(ctx.db, runId) !== 'running') return;
  ctx.onChange(runId, true);
  await reconcileSending(ctx, run);
  const builder = new MessageBuilder(run, ctx.sender, ctx.db);
  const waits = new WaitRecorder(ctx, runId);
  try {
    while (!ctx.stopping() && ctx.mayUseMailbox()) {
      const status = runStatus(ctx.db, runId);
      // Paused and resumed while this worker napped: carry on.
      if (status === 'queued' && transitionRun(ctx.db, runId, 'running', { expect: 'queued' })) continue;
      if (status !== 'running') break;
      const step = await sendNext(ctx, run, builder);
      if (step.kind === 'done') {
        transitionRun(ctx.db, runId, 'completed', { expect: 'running' });
        break;
      }
      if (step.kind === 'wait') {
        waits.waiting(step.until, step.reason);
        // Rounded up: a timer rounds down to whole milliseconds, and waking early costs a second nap.
        await ctx.sleeper.sleep(Math.min(Math.max(Math.ceil(step.until - ctx.now()), 1), MAX_NAP_MS));
      } else {
        waits.sending();
      }
    }
  } finally {
    if (runStatus(ctx.db, runId) === 'cancelled') skipPending(ctx.db, runId, 'CANCELLED');
    ctx.onChange(runId, true);
  }
}

/** One step: wait for both pacers, claim the next delivery, send it, record how it went. */
async function sendNext(ctx: WorkerContext, run: RunRecord, builder: MessageBuilder): Promise<Step> {
  const now = ctx.now();
  const d = peekNext(ctx.db, run.id, now);
  if (!d) {
    const due = nextDueAt(ctx.db, run.id);
    if (due === undefined) return { kind: 'done' };
    const throttledUntil = ctx.mailboxPacer.usage(now).throttledUntil ?? 0;
    return { kind: 'wait', until: due, reason: throttledUntil >= due ? 'throttled' : 'retry' };
  }
  const maxRecipients = Math.min(ctx.mailboxPacer.settings.perDay, ctx.runPacer.settings.perDay);
  if (d.recipients > maxRecipients) return failOversized(ctx, run, d, maxRecipients);
  const gate = [ctx.runPacer.nextStart(now, d.recipients), ctx.mailboxPacer.nextStart(now, d.recipients)]
    .reduce((a, b) => (b.at > a.at ? b : a));
  if (gate.reason) return { kind: 'wait', until: gate.at, reason: gate.reason };
  // Another run of this mailbox has the provider's free slots: ask again soon.
  if (ctx.mailboxPacer.usage(now).inFlight >= ctx.mailboxPacer.settings.concurrency) return { kind: 'wait', until: now + 5, reason: 'rate' };
  const claimed = claimDelivery(ctx.db, d);
  if (!claimed) return { kind: 'sent' };
  let slots: { mailbox: SlotId; run: SlotId } | undefined;
  const outcome = await deliver(ctx, run, builder, claimed, () => {
    slots = startBoth(ctx, claimed.recipients);
    return slots !== undefined;
  });
  if (slots && outcome !== 'not-started') {
    ctx.mailboxPacer.release(slots.mailbox, ctx.now(), outcome);
    ctx.runPacer.release(slots.run, ctx.now(), outcome);
  }
  ctx.onChange(run.id);
  return { kind: 'sent' };
}

/** Takes a slot in both pacers at this very moment, or neither. */
function startBoth(ctx: WorkerContext, recipients: number): { mailbox: SlotId; run: SlotId } | undefined {
  const now = ctx.now();
  const mailbox = ctx.mailboxPacer.tryAcquire(now, recipients);
  if (!mailbox.ok) return undefined;
  const run = ctx.runPacer.tryAcquire(now, recipients);
  if (run.ok) return { mailbox: mailbox.slot, run: run.slot };
  ctx.mailboxPacer.release(mailbox.slot, now, 'not-sent');
  return undefined;
}

/** A message with more recipients than a day's budget could never start: it fails at once. */
function failOversized(ctx: WorkerContext, run: RunRecord, d: DeliveryRecord, max: number): Step {
  const claimed = claimDelivery(ctx.db, d);
  if (claimed) {
    failDelivery(ctx, run, claimed, {
      kind: 'permanent', code: 'TOO_MANY_RECIPIENTS', outcome: 'not-sent',
      message: `This message has ${d.recipients} recipients (To, Cc and Bcc); the mailbox may send to ${max} a day.`,
    });
  }
  ctx.onChange(run.id);
  return { kind: 'sent' };
}

/**
 * Keeps the run's "waiting until … because …" in the store, written only when it changes, so that
 * every process (the API, `seriatim runs`) can say "waiting for daily budget, continues at 09:12".
 * The normal pace between messages is not recorded.
 */
class WaitRecorder {
  private current: { until: number; reason: WaitReason } | null = null;

  constructor(private readonly ctx: WorkerContext, private readonly runId: string) {}

  waiting(until: number, reason: WaitReason): void {
    const notable = reason === 'rate' ? until - this.ctx.now() >= NOTABLE_RATE_WAIT_MS : until - this.ctx.now() >= MAX_NAP_MS;
    if (!notable || (this.current && this.current.until === until && this.current.reason === reason)) return;
    this.current = { until, reason };
    setRunWait(this.ctx.db, this.runId, { until: new Date(until).toISOString(), reason });
    this.ctx.onChange(this.runId, true);
  }

  sending(): void {
    if (!this.current) return;
    this.current = null;
    setRunWait(this.ctx.db, this.runId, null);
  }
}
