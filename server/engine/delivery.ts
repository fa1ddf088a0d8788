import type { Logger } from 'pino';
import { DEFAULT_THROTTLE_MS, MAX_TRANSIENT_ATTEMPTS, ProviderError, canRetrySend, classifyError, nextRetryDelay, type ClassifiedError } from './classify';
import type { MessageBuilder } from './message-builder';
import type { Pacer, ReleaseOutcome } from './pacer';
import type { Mailbox } from '../providers/mailbox';
import type { Db } from '../store/db';
import { settleAttempt, type DeliveryRecord } from '../store/deliveries';
import { countError, transitionRun, type RunRecord } from '../store/runs';

/** What sending one claimed delivery needs. */
export interface DeliveryContext {
  db: Db;
  log: Logger;
  mailbox: Mailbox;
  mailboxPacer: Pacer;
  now: () => number;
  /** Publishes the run's progress; urgent for status changes. */
  onChange: (runId: string, urgent?: boolean) => void;
}

/** Whether the provider has the tagged message: the only authority on "did it go out?". */
type SentCheck = 'sent' | 'absent' | 'unknown';

/**
 * Sends one claimed (`sending`) delivery and records how it ended. A delivery that was attempted
 * before may already have gone out (a crash, or an answer that left it open), so the provider is
 * asked first. `startNow` takes the pacers' slots right before the provider is called, so that
 * the time the pacers count is the time the provider sees (building a message with attachments,
 * or a store checkpoint during the claim, can take a while); when it refuses, the delivery goes
 * back to pending untouched. Returns the outcome for the pacers ('not-sent' and 'throttled' give
 * recipients back), or 'not-started' when no slot was taken.
 */
export async function deliver(
  ctx: DeliveryContext, run: RunRecord, builder: MessageBuilder, d: DeliveryRecord, startNow: () => boolean,
): Promise<ReleaseOutcome | 'not-started'> {
  if (d.attempts > 1) {
    const check = await checkSent(ctx, run, d);
    if (check === 'sent') return 'sent';
    if (check === 'unknown') return deferUnverified(ctx, run, d, undefined);
  }
  let message;
  try {
    message = await builder.build(d);
  } catch (err) {
    // Nothing was handed to the provider: whatever went wrong, the message did not go out.
    const c = err instanceof ProviderError ? classifyError(err, ctx.now())
      : { kind: 'permanent' as const, code: 'BUILD_FAILED', message: `The message could not be built: ${(err as Error).message}` };
    return failDelivery(ctx, run, d, { ...c, outcome: 'not-sent' });
  }
  if (!startNow()) {
    settleAttempt(ctx.db, d, 'pending', { refundAttempt: true });
    return 'not-started';
  }
  try {
    const receipt = await ctx.mailbox.send(message, { folderId: run.folderId });
    settleAttempt(ctx.db, d, 'sent', { messageId: receipt.messageId });
    return 'sent';
  } catch (err) {
    return recordFailure(ctx, run, d, classifyError(err, ctx.now()));
  }
}

/**
 * The one place a failed send is decided, as DESIGN.md says: an unknown outcome is settled by
 * asking the provider first; a throttle slows the whole mailbox down and never fails the delivery;
 * a send is retried only when it certainly did not go out; anything else fails the delivery and
 * counts toward the run's error limit.
 */
async function recordFailure(ctx: DeliveryContext, run: RunRecord, d: DeliveryRecord, c: ClassifiedError): Promise<ReleaseOutcome> {
  const now = ctx.now();
  logFor(ctx, run, d).warn({ code: c.code, kind: c.kind, outcome: c.outcome, status: c.status }, 'send failed');
  if (c.kind === 'throttled') ctx.mailboxPacer.recordThrottle(now, c.retryAfterMs ?? DEFAULT_THROTTLE_MS, !c.keepRate);
  if (c.outcome === 'unknown') {
    const check = await checkSent(ctx, run, d);
    if (check === 'sent') return 'sent';
    if (check === 'unknown') return deferUnverified(ctx, run, d, c);
    // The provider has no message with this tag: it certainly did not go out.
    c = { ...c, outcome: 'not-sent' };
  }
  if (c.kind === 'throttled') {
    const notBefore = ctx.now() + (c.retryAfterMs ?? DEFAULT_THROTTLE_MS);
    settleAttempt(ctx.db, d, 'pending', { notBefore, reason: c.code, refundAttempt: true });
    return 'throttled';
  }
  if (canRetrySend(c, d.attempts)) {
    settleAttempt(ctx.db, d, 'pending', { notBefore: ctx.now() + nextRetryDelay(d.attempts), reason: c.code });
    return 'not-sent';
  }
  return failDelivery(ctx, run, d, c);
}

/**
 * Neither sent nor certainly not: the delivery waits and its next attempt asks the provider again
 * before sending (it has attempts > 1). It is never re-sent blindly, and after the retry limit it
 * fails with a reason that says it may have gone out.
 */
function deferUnverified(ctx: DeliveryContext, run: RunRecord, d: DeliveryRecord, c: ClassifiedError | undefined): ReleaseOutcome {
  const why = c ? `${c.code}: ${c.message}` : 'The previous attempt ended without an answer';
  if ((c && c.kind === 'permanent') || d.attempts >= MAX_TRANSIENT_ATTEMPTS) {
    return failDelivery(ctx, run, d, {
      kind: 'permanent', code: 'UNVERIFIED', outcome: 'unknown',
      message: `${why}; whether the message went out could not be checked, so it was not sent again.`,
    });
  }
  const wait = Math.max(nextRetryDelay(d.attempts), c?.retryAfterMs ?? 0);
  settleAttempt(ctx.db, d, 'pending', { notBefore: ctx.now() + wait, reason: 'UNVERIFIED' });
  // Counted as possibly sent: the day budget must not be overshot on a guess.
  return 'failed';
}

/** Fails the delivery, counts it, and pauses the run when it reaches its error limit. */
export function failDelivery(ctx: DeliveryContext, run: RunRecord, d: DeliveryRecord, c: ClassifiedError): ReleaseOutcome {
  if (!settleAttempt(ctx.db, d, 'failed', { reason: `${c.code}: ${c.message}` })) return 'failed';
  const errors = countError(ctx.db, run.id);
  const max = run.options.maxErrors ?? 0;
  if (max > 0 && errors >= max) {
    const pauseReason = `Paused after ${errors} failed deliveries (limit ${max}); last: ${c.message}`;
    if (transitionRun(ctx.db, run.id, 'paused', { expect: 'running', pauseReason })) {
      logFor(ctx, run, d).warn({ errors }, 'run paused after reaching its error limit');
      ctx.onChange(run.id, true);
    }
  }
  return c.outcome === 'not-sent' ? 'not-sent' : 'failed';
}

/** Asks the provider whether the delivery's tagged message exists; records it sent if so. */
async function checkSent(ctx: DeliveryContext, run: RunRecord, d: DeliveryRecord): Promise<SentCheck> {
  try {
    const receipt = await ctx.mailbox.findSent({ runId: run.id, deliveryId: d.id });
    if (!receipt) return 'absent';
    settleAttempt(ctx.db, d, 'sent', { messageId: receipt.messageId });
    return 'sent';
  } catch (err) {
    logFor(ctx, run, d).warn({ err: classifyError(err, ctx.now()).code }, 'could not check whether the message went out');
    return 'unknown';
  }
}

function logFor(ctx: DeliveryContext, run: RunRecord, d: DeliveryRecord): Logger {
  return ctx.log.child({ runId: run.id, deliveryId: d.id, provider: ctx.mailbox.provider, stage: 'send' });
}
