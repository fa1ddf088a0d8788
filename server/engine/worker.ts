import type { Logger } from 'pino';
import { MAX_TRANSIENT_ATTEMPTS, canRetrySend, classifyError, nextRetryDelay } from './classify';
import { MessageBuilder } from './message-builder';
import type { Pacer } from './pacer';
import type { Mailbox } from '../providers/mailbox';
import type { Db } from '../store/db';
import { claimNext, listSending, nextDueAt, settleAttempt, skipPending, type DeliveryRecord } from '../store/deliveries';
import { countError, findRun, transitionRun, type RunRecord } from '../store/runs';
import type { Sleeper } from './sleeper';

/** What a run's worker needs from the engine around it. */
export interface WorkerContext {
  db: Db;
  log: Logger;
  mailbox: Mailbox;
  sender: { name: string; email: string };
  mailboxPacer: Pacer;
  runPacer: Pacer;
  sleeper: Sleeper;
  now: () => number;
  stopping: () => boolean;
  onChange: (runId: string) => void;
}

/**
 * Reconciles deliveries a stopped process left `sending`: the provider is asked whether a message
 * with the delivery's tag exists. Found: it went out, mark it sent. Not found: it certainly did not
 * go out, so it is safe to send again. Never re-sent blindly.
 */
export async function reconcileSending(ctx: WorkerContext, run: RunRecord): Promise<void> {
  for (const d of listSending(ctx.db, run.id)) {
    const receipt = await ctx.mailbox.findSent({ runId: run.id, deliveryId: d.id });
    settleAttempt(ctx.db, d, receipt ? 'sent' : 'pending', { messageId: receipt?.messageId ?? null });
    ctx.log.info({ runId: run.id, deliveryId: d.id, stage: 'recover', found: Boolean(receipt) }, 'reconciled a delivery left sending');
  }
}

/** Sends a run's pending deliveries one by one, within both pacers, until done, paused or stopped. */
export async function workRun(ctx: WorkerContext, runId: string): Promise<void> {
  let run = findRun(ctx.db, runId);
  if (!run) return;
  await reconcileSending(ctx, run);
  if (run.status === 'queued') run = transitionRun(ctx.db, runId, 'running') ?? run;
  ctx.onChange(runId);
  const builder = new MessageBuilder(run, ctx.sender);
  while (!ctx.stopping()) {
    const current = findRun(ctx.db, runId);
    if (!current || current.status !== 'running') break;
    const waitMs = await sendNext(ctx, current, builder);
    if (waitMs === 'done') {
      transitionRun(ctx.db, runId, 'completed');
      ctx.onChange(runId);
      break;
    }
    if (waitMs > 0) await ctx.sleeper.sleep(waitMs);
  }
  const final = findRun(ctx.db, runId);
  if (final?.status === 'cancelled') skipPending(ctx.db, runId, 'CANCELLED');
  ctx.onChange(runId);
}

/** One step: reserve a slot in both pacers, claim a delivery, send, record. Returns how long to wait. */
async function sendNext(ctx: WorkerContext, run: RunRecord, builder: MessageBuilder): Promise<number | 'done'> {
  const now = ctx.now();
  const due = nextDueAt(ctx.db, run.id);
  if (due === undefined) return 'done';
  if (due > now) return due - now;
  const mailboxSlot = ctx.mailboxPacer.tryAcquire(now, 1);
  if (!mailboxSlot.ok) return Math.max(mailboxSlot.notBefore - now, 5);
  const runSlot = ctx.runPacer.tryAcquire(now, 1);
  if (!runSlot.ok) {
    ctx.mailboxPacer.release(mailboxSlot.slot, now, 'not-sent');
    return Math.max(runSlot.notBefore - now, 5);
  }
  const d = claimNext(ctx.db, run.id, now);
  if (!d) {
    ctx.mailboxPacer.release(mailboxSlot.slot, now, 'not-sent');
    ctx.runPacer.release(runSlot.slot, now, 'not-sent');
    return 0;
  }
  const outcome = await deliver(ctx, run, builder, d);
  ctx.mailboxPacer.release(mailboxSlot.slot, ctx.now(), outcome);
  ctx.runPacer.release(runSlot.slot, ctx.now(), outcome);
  ctx.onChange(run.id);
  return 0;
}

async function deliver(ctx: WorkerContext, run: RunRecord, builder: MessageBuilder, d: DeliveryRecord): Promise<'sent' | 'failed' | 'throttled' | 'not-sent'> {
  const log = ctx.log.child({ runId: run.id, deliveryId: d.id, provider: ctx.mailbox.provider, stage: 'send' });
  try {
    const receipt = await ctx.mailbox.send(builder.build(d), { folderId: run.folderId });
    settleAttempt(ctx.db, d, 'sent', { messageId: receipt.messageId });
    log.debug('sent');
    return 'sent';
  } catch (err) {
    const c = classifyError(err, ctx.now());
    log.warn({ code: c.code, kind: c.kind, outcome: c.outcome }, 'send failed');
    if (c.outcome === 'unknown') {
      // The message may have gone out: ask before deciding, exactly as after a crash.
      const receipt = await ctx.mailbox.findSent({ runId: run.id, deliveryId: d.id }).catch(() => undefined);
      if (receipt) {
        settleAttempt(ctx.db, d, 'sent', { messageId: receipt.messageId });
        return 'sent';
      }
    }
    if (c.kind === 'throttled') {
      ctx.mailboxPacer.recordThrottle(ctx.now(), c.retryAfterMs ?? 60_000);
      settleAttempt(ctx.db, d, 'pending', { notBefore: ctx.now() + (c.retryAfterMs ?? 60_000), reason: c.code });
      return 'throttled';
    }
    if (c.kind === 'transient' && d.attempts < MAX_TRANSIENT_ATTEMPTS && canRetrySend({ ...c, outcome: 'not-sent' }, d.attempts)) {
      settleAttempt(ctx.db, d, 'pending', { notBefore: ctx.now() + nextRetryDelay(d.attempts), reason: c.code });
      return 'not-sent';
    }
    settleAttempt(ctx.db, d, 'failed', { reason: `${c.code}: ${c.message}` });
    const errors = countError(ctx.db, run.id);
    const max = run.options.maxErrors ?? 0;
    if (max > 0 && errors >= max) {
      transitionRun(ctx.db, run.id, 'paused', { pauseReason: `Paused after ${errors} failed deliveries (limit ${max}); last: ${c.message}` });
      log.warn({ errors }, 'run paused after reaching its error limit');
    }
    return 'failed';
  }
}
