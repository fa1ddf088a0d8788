import type { Logger } from 'pino';
import type { ProgressEvent } from '../../shared/api';
import { AppError } from '../errors';
import type { MailboxProvider } from '../providers/mailbox';
import type { Db } from '../store/db';
import { averageRecipients, recordOutsideSend, runSendHistory, sendHistory } from '../store/deliveries';
import { findRun, listRunnable, nextScheduledAt, transitionRun, type RunRecord } from '../store/runs';
import { findUser, type User } from '../store/users';
import { classifyError } from './classify';
import { MailboxLeases } from './leases';
import type { LimitsFor } from './organisation-limits';
import { Pacer, type PacerLimits } from './pacer';
import { ProgressPublisher, type ProgressHub } from './progress';
import { buildProgress } from './progress-of';
import type { RecurringScheduler } from './recurring';
import { Sleeper } from './sleeper';
import { workRun } from './worker';

const DAY_MS = 86_400_000;
/** How often the store is looked at for work another process created (the CLI, a second server). */
const IDLE_POLL_MS = 5_000;
/** How soon to ask again for a mailbox another process is sending from. */
const LEASE_RETRY_MS = 1_000;
/** A pacer of a mailbox this process does not send from is re-read from the store this often. */
const FOREIGN_PACER_TTL_MS = 10_000;
/**
 * Windows are paced this much longer than the provider's (1%): the pacer decides when a message
 * starts, the provider counts when the request arrives, and the two differ by a little jitter.
 */
const WINDOW_MARGIN = 0.01;
/** How long a message outside any run (a test message) may wait for the mailbox's pacer. */
const OUTSIDE_RUN_MAX_WAIT_MS = 15_000;

/** What the engine is built from; `now` is injectable for tests. */
export interface EngineDeps {
  db: Db;
  provider: MailboxProvider;
  progress: ProgressHub;
  log: Logger;
  now?: () => number;
  /** Limits the engine to some runs: the CLI works only on the run it was asked about (and plans no recurring runs). */
  scope?: (runId: string) => boolean;
  /** The limits of one mailbox (its organisation's, see organisation-limits.ts); the provider's by default. */
  limitsFor?: LimitsFor;
}

/**
 * Runs the runs. All state lives in the store: the engine keeps which runs it works on, one pacer
 * per mailbox (seeded from the store's send history, shared by all of the mailbox's runs) and one
 * per run (the user's settings). It sends from a mailbox only while it holds the mailbox's lease.
 * A started engine picks up queued and running runs by itself, starts scheduled runs when due
 * and, without a scope, plans recurring runs.
 */
export class Engine {
  private readonly workers = new Map<string, { ownerId: string; done: Promise<void> }>();
  private readonly pacers = new Map<string, { pacer: Pacer; at: number }>();
  private readonly runPacers = new Map<string, Pacer>();
  private readonly recipientsPerMessage = new Map<string, number>();
  private readonly sleeper = new Sleeper();
  private readonly leases: MailboxLeases;
  private readonly publisher: ProgressPublisher;
  /** Set once loaded (server engines only): its imports are the heavy planning use cases, which the CLI does not need. */
  private recurring: RecurringScheduler | undefined;
  private readonly now: () => number;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.leases = new MailboxLeases(deps.db, this.now, (ownerId) => {
      deps.log.warn({ ownerId, stage: 'lease' }, 'lost the mailbox lease to another process; this process stops sending from it');
      this.pacers.delete(ownerId);
      this.sleeper.wakeAll();
    });
    this.publisher = new ProgressPublisher(deps.progress, (runId) => {
      const run = findRun(deps.db, runId);
      return run && this.progressOf(run);
    });
  }

  /** Starts the scheduling loop. */
  start(): void {
    this.stopped = false;
    this.loop ??= this.run();
  }

  /** Asks the engine to look at the store again now (after a new run, pause, resume, cancel). */
  wake(): void {
    this.sleeper.wakeAll();
  }

  /** Stops taking new work, waits for in-flight sends to be recorded, and gives the mailboxes up. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wakeAll();
    await this.loop;
    await Promise.allSettled([...this.workers.values()].map((w) => w.done));
    this.loop = undefined;
    this.publisher.stop();
    this.leases.releaseAll();
  }

  /** The latest progress of a run: counts, current rate, estimated finish, and what it waits for. */
  progressOf(run: RunRecord): ProgressEvent {
    return buildProgress(this.deps.db, run, () => ({
      mailbox: this.pacerFor(run.ownerId),
      run: this.runPacerFor(run),
      recipientsPerMessage: this.averageRecipientsOf(run.id),
    }), this.now());
  }

  private async run(): Promise<void> {
    if (!this.deps.scope && !this.recurring) {
      const { RecurringScheduler } = await import('./recurring');
      const { db, provider, log } = this.deps;
      this.recurring = new RecurringScheduler({ db, provider, log, now: this.now, holderId: this.leases.holder.id });
    }
    while (!this.stopped) {
      let wakeAt = this.now() + IDLE_POLL_MS;
      try {
        if (this.recurring) wakeAt = Math.min(wakeAt, await this.recurring.tick());
        if (this.stopped) break;
        wakeAt = Math.min(wakeAt, this.tick());
      } catch (err) {
        this.deps.log.error({ err, stage: 'engine' }, 'the engine could not look at the store; it tries again');
      }
      await this.sleeper.sleep(Math.max(wakeAt - this.now(), 10));
    }
  }

  /** Starts a worker for every run that needs one; returns when to look again. */
  private tick(): number {
    const now = this.now();
    let wakeAt = Infinity;
    for (const run of listRunnable(this.deps.db, new Date(now).toISOString())) {
      if (this.workers.has(run.id) || (this.deps.scope && !this.deps.scope(run.id))) continue;
      if (run.status === 'scheduled') {
        if (!transitionRun(this.deps.db, run.id, 'queued', { expect: 'scheduled' })) continue;
        this.publisher.publish(run.id, true);
      }
      if (!this.takeMailbox(run.ownerId)) {
        wakeAt = now + LEASE_RETRY_MS;
        continue;
      }
      const done = this.startWorker(run).finally(() => {
        this.workers.delete(run.id);
        this.runPacers.delete(run.id);
        this.recipientsPerMessage.delete(run.id);
        if (![...this.workers.values()].some((w) => w.ownerId === run.ownerId)) this.leases.release(run.ownerId);
        if (!this.stopped) this.sleeper.wakeAll();
      });
      this.workers.set(run.id, { ownerId: run.ownerId, done });
    }
    const scheduled = nextScheduledAt(this.deps.db);
    return Math.min(wakeAt, scheduled ? Date.parse(scheduled) : Infinity);
  }

  /** Takes the mailbox's lease; newly taken, its pacer is re-read, as another process may have sent meanwhile. */
  private takeMailbox(ownerId: string): boolean {
    const held = this.leases.holds(ownerId);
    if (held) return true;
    if (!this.leases.acquire(ownerId)) return false;
    this.pacers.delete(ownerId);
    return true;
  }

  private async startWorker(run: RunRecord): Promise<void> {
    try {
      const user = findUser(this.deps.db, run.ownerId);
      if (!user) throw new Error(`Run ${run.id} belongs to unknown user ${run.ownerId}`);
      const runPacer = this.runPacerFor(run);
      this.runPacers.set(run.id, runPacer);
      await workRun({
        db: this.deps.db,
        log: this.deps.log,
        mailbox: this.deps.provider.open(user),
        sender: user,
        mailboxPacer: this.pacerFor(user.id),
        runPacer,
        sleeper: this.sleeper,
        now: this.now,
        stopping: () => this.stopped,
        mayUseMailbox: () => this.leases.holds(user.id),
        onChange: (id, urgent) => this.publisher.publish(id, urgent),
      }, run.id);
    } catch (err) {
      this.deps.log.error({ runId: run.id, err, stage: 'engine' }, 'run worker stopped with an error; it will be retried');
    }
  }

  /**
   * Sends one message that belongs to no run (a test message) inside the mailbox's limits: it
   * waits for a start the mailbox's pacer grants, so it counts toward the rate and the day's
   * budget like any other. A wait longer than `maxWaitMs` is refused with RATE_LIMITED and the
   * time to try again; a throttled reply slows the mailbox down for its runs too. Provider
   * failures come back as PROVIDER_FAILED with the classified reason.
   */
  async sendOutsideRun<T>(owner: User, recipients: number, send: () => Promise<T>, maxWaitMs = OUTSIDE_RUN_MAX_WAIT_MS): Promise<T> {
    const pacer = this.pacerFor(owner.id);
    const giveUpAt = this.now() + maxWaitMs;
    for (;;) {
      const now = this.now();
      const decision = pacer.tryAcquire(now, recipients);
      if (decision.ok) {
        try {
          const result = await send();
          pacer.release(decision.slot, this.now(), 'sent');
          recordOutsideSend(this.deps.db, owner.id, now, recipients);
          return result;
        } catch (err) {
          const c = classifyError(err, this.now());
          // A message that may have gone out counts, as a delivery in doubt would.
          if (c.kind !== 'throttled' && c.outcome !== 'not-sent') recordOutsideSend(this.deps.db, owner.id, now, recipients);
          if (c.kind === 'throttled') pacer.recordThrottle(this.now(), c.retryAfterMs ?? 0, !c.keepRate);
          pacer.release(decision.slot, this.now(), c.kind === 'throttled' ? 'throttled' : c.outcome === 'not-sent' ? 'not-sent' : 'failed');
          throw new AppError('PROVIDER_FAILED', `The mailbox did not send the message: ${c.message}`, { code: c.code, kind: c.kind });
        }
      }
      const wakeAt = decision.reason === 'concurrency' ? now + 100 : decision.notBefore;
      if (wakeAt > giveUpAt) {
        const retryAt = new Date(decision.reason === 'concurrency' ? now + 1000 : decision.notBefore).toISOString();
        throw new AppError('RATE_LIMITED', `The mailbox's sending limits leave no room now (${decision.reason}); try again at ${retryAt}.`, { reason: decision.reason, retryAt });
      }
      await this.sleeper.sleep(Math.max(1, wakeAt - now));
    }
  }

  /** One pacer per mailbox, shared by all its runs, seeded with the last day's sends. */
  private pacerFor(ownerId: string): Pacer {
    const now = this.now();
    const cached = this.pacers.get(ownerId);
    if (cached && (this.leases.holds(ownerId) || now - cached.at < FOREIGN_PACER_TTL_MS)) return cached.pacer;
    const pacer = new Pacer(withMargin(this.limitsOf(ownerId)), sendHistory(this.deps.db, ownerId, now - DAY_MS));
    this.pacers.set(ownerId, { pacer, at: now });
    return pacer;
  }

  /** The user's own settings for one run (rate, day, batches), never looser than the provider's; the worker's own while it works. */
  private runPacerFor(run: RunRecord): Pacer {
    const working = this.runPacers.get(run.id);
    if (working) return working;
    const limits = this.limitsOf(run.ownerId);
    const o = run.options;
    return new Pacer(withMargin({
      perMinute: Math.min(o.perMinute ?? limits.perMinute, limits.perMinute),
      windowMs: limits.windowMs,
      perDay: Math.min(o.perDay ?? limits.perDay, limits.perDay),
      dayMs: limits.dayMs,
      concurrency: 1,
      batchSize: o.batchSize,
      batchIntervalMs: o.batchIntervalSeconds === undefined ? undefined : o.batchIntervalSeconds * 1000,
    }), runSendHistory(this.deps.db, run.id, this.now() - DAY_MS));
  }

  /** The mailbox's limits: its organisation's where set, else the provider's. */
  private limitsOf(ownerId: string): PacerLimits {
    const { limitsFor, db, provider } = this.deps;
    const owner = limitsFor ? findUser(db, ownerId) : undefined;
    return limitsFor && owner ? limitsFor(owner) : provider.limits;
  }

  private averageRecipientsOf(runId: string): number {
    let avg = this.recipientsPerMessage.get(runId);
    if (avg === undefined) {
      avg = averageRecipients(this.deps.db, runId);
      this.recipientsPerMessage.set(runId, avg);
    }
    return avg;
  }
}

/** Provider limits with the rate window widened by the margin (see WINDOW_MARGIN). */
function withMargin(limits: PacerLimits): PacerLimits {
  const windowMs = limits.windowMs ?? 60_000;
  return { ...limits, windowMs: Math.ceil(windowMs * (1 + WINDOW_MARGIN)), dayMs: Math.max(limits.dayMs ?? DAY_MS, windowMs * (1 + WINDOW_MARGIN)) };
}
