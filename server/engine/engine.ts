import type { Logger } from 'pino';
import type { ProgressEvent } from '../../shared/api';
import type { MailboxProvider } from '../providers/mailbox';
import type { Db } from '../store/db';
import { countDeliveries, sendHistory } from '../store/deliveries';
import { findRun, listRunnable, nextScheduledAt, transitionRun, type RunRecord } from '../store/runs';
import { findUser } from '../store/users';
import { Pacer } from './pacer';
import type { ProgressHub } from './progress';
import { Sleeper } from './sleeper';
import { workRun } from './worker';

const DAY_MS = 86_400_000;
const IDLE_POLL_MS = 30_000;

/** What the engine is built from; `now` is injectable for tests. */
export interface EngineDeps {
  db: Db;
  provider: MailboxProvider;
  progress: ProgressHub;
  log: Logger;
  now?: () => number;
  /** Limits the engine to some runs: the CLI works only on the run it was asked about. */
  scope?: (runId: string) => boolean;
}

/**
 * Runs the runs. All state lives in the store: the engine only keeps which runs it is working on
 * and each mailbox's pacer (seeded from the store's send history, so a restart keeps the daily
 * budget). A restarted engine picks up queued and running runs by itself.
 */
export class Engine {
  private readonly workers = new Map<string, Promise<void>>();
  private readonly pacers = new Map<string, Pacer>();
  private readonly runPacers = new Map<string, Pacer>();
  private readonly sleeper = new Sleeper();
  private readonly now: () => number;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
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

  /** Stops taking new work and waits for in-flight sends to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wakeAll();
    await this.loop;
    await Promise.allSettled(this.workers.values());
    this.loop = undefined;
  }

  /** The latest progress of a run, as published to listeners. */
  progressOf(run: RunRecord): ProgressEvent {
    const counts = countDeliveries(this.deps.db, run.id);
    const since = new Date(this.now() - 60_000).toISOString();
    const ratePerMinute = this.deps.db
      .prepare("SELECT COUNT(*) FROM deliveries WHERE run_id = ? AND status = 'sent' AND sent_at >= ?")
      .pluck()
      .get(run.id, since) as number;
    const remaining = counts.pending + counts.sending;
    let estimatedFinishAt: string | null = null;
    if (remaining > 0 && run.status !== 'cancelled') {
      const at = Math.max(
        this.pacerFor(run.ownerId).estimateFinish(this.now(), { messages: remaining, recipientsPerMessage: 1 }),
        this.runPacerFor(run).estimateFinish(this.now(), { messages: remaining, recipientsPerMessage: 1 }),
      );
      estimatedFinishAt = new Date(at).toISOString();
    }
    return { runId: run.id, status: run.status, counts, ratePerMinute, estimatedFinishAt, pauseReason: run.pauseReason };
  }

  private publish(runId: string): void {
    const run = findRun(this.deps.db, runId);
    if (run) this.deps.progress.publish(this.progressOf(run));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.tick();
      const next = nextScheduledAt(this.deps.db);
      const untilNext = next ? Date.parse(next) - this.now() : IDLE_POLL_MS;
      await this.sleeper.sleep(Math.min(IDLE_POLL_MS, Math.max(untilNext, 10)));
    }
  }

  /** Starts a worker for every run that needs one. */
  private tick(): void {
    for (const run of listRunnable(this.deps.db, new Date(this.now()).toISOString())) {
      if (this.workers.has(run.id) || (this.deps.scope && !this.deps.scope(run.id))) continue;
      if (run.status === 'scheduled' && !transitionRun(this.deps.db, run.id, 'queued')) continue;
      const worker = this.startWorker(run).finally(() => {
        this.workers.delete(run.id);
        this.runPacers.delete(run.id);
        if (!this.stopped) this.sleeper.wakeAll();
      });
      this.workers.set(run.id, worker);
    }
  }

  private async startWorker(run: RunRecord): Promise<void> {
    const user = findUser(this.deps.db, run.ownerId);
    if (!user) throw new Error(`Run ${run.id} belongs to unknown user ${run.ownerId}`);
    try {
      await workRun(
        {
          db: this.deps.db,
          log: this.deps.log,
          mailbox: this.deps.provider.open(user),
          sender: user,
          mailboxPacer: this.pacerFor(user.id),
          runPacer: this.runPacerFor(run),
          sleeper: this.sleeper,
          now: this.now,
          stopping: () => this.stopped,
          onChange: (id) => this.publish(id),
        },
        run.id,
      );
    } catch (err) {
      this.deps.log.error({ runId: run.id, err }, 'run worker stopped with an error; it will be retried');
    }
  }

  /** One pacer per mailbox, shared by all its runs, seeded with the last day's sends. */
  private pacerFor(ownerId: string): Pacer {
    let pacer = this.pacers.get(ownerId);
    if (!pacer) {
      pacer = new Pacer(this.deps.provider.limits, sendHistory(this.deps.db, ownerId, this.now() - DAY_MS));
      this.pacers.set(ownerId, pacer);
    }
    return pacer;
  }

  /** The user's own settings for one run (rate, batches), never looser than the provider's. */
  private runPacerFor(run: RunRecord): Pacer {
    let pacer = this.runPacers.get(run.id);
    if (!pacer) {
      const limits = this.deps.provider.limits;
      const o = run.options;
      pacer = new Pacer({
        perMinute: Math.min(o.perMinute ?? limits.perMinute, limits.perMinute),
        windowMs: limits.windowMs,
        perDay: Math.min(o.perDay ?? limits.perDay, limits.perDay),
        dayMs: limits.dayMs,
        concurrency: 1,
        batchSize: o.batchSize,
        batchIntervalMs: o.batchIntervalSeconds === undefined ? undefined : o.batchIntervalSeconds * 1000,
      });
      this.runPacers.set(run.id, pacer);
    }
    return pacer;
  }
}
