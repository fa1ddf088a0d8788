import type { Cron } from 'croner';
import type { Logger } from 'pino';
import { CreateRunRequest } from '../../shared/api';
import { AppError } from '../errors';
import type { Mailbox, MailboxProvider } from '../providers/mailbox';
import { isNobodyToday } from '../services/audience';
import { planRun } from '../services/runs';
import { refreshSourceList } from '../services/sources';
import { findList } from '../store/lists';
import type { Db } from '../store/db';
import {
  advanceCheckedUntil, claimRunDate, failStalePlanning, listDefinitions, settleRunDate, type DefinitionRecord,
} from '../store/schedules';
import { findUser } from '../store/users';
import { localDate, occurrencesBetween, parseCron } from './cron';

/** An occurrence this late is still sent even if its date has passed meanwhile (23:59:59 handled at 00:00:01). */
const GRACE_MS = 5 * 60_000;
/** Occurrences looked at per definition and tick; a long outage is worked off over several ticks. */
const MAX_OCCURRENCES = 400;
/** A run date still 'planning' after this long was interrupted by a stopped process. */
const PLANNING_TIMEOUT_MS = 10 * 60_000;

/** What the recurring scheduler needs. */
export interface RecurringDeps {
  db: Db;
  provider: MailboxProvider;
  log: Logger;
  now: () => number;
  /** Who claims run dates (the engine's lease holder id), for the record. */
  holderId: string;
}

/**
 * Plans the runs of recurring definitions. Each occurrence's run date (its date in the schedule's
 * time zone) is claimed in the store before planning, under a primary key on (definition, run
 * date): however many processes share the store and however often they restart, a run date is
 * planned at most once. An occurrence missed while no server ran is still planned if it is still
 * its day (in its zone); an older one is recorded as skipped, never sent late.
 */
export class RecurringScheduler {
  private readonly crons = new Map<string, Cron>();

  constructor(private readonly deps: RecurringDeps) {}

  /** Handles every due occurrence; returns when the next one is due (ms), or Infinity. */
  async tick(): Promise<number> {
    const now = this.deps.now();
    failStalePlanning(this.deps.db, new Date(now - PLANNING_TIMEOUT_MS).toISOString());
    let next = Infinity;
    for (const def of listDefinitions(this.deps.db)) {
      // A paused schedule plans nothing; resuming starts from that moment, so nothing is sent late.
      if (def.pausedAt) continue;
      try {
        const cron = this.cronOf(def);
        await this.handle(def, cron, now);
        next = Math.min(next, cron.nextRun(new Date(now))?.getTime() ?? Infinity);
      } catch (err) {
        this.deps.log.error({ err, definitionId: def.id, stage: 'schedule' }, 'a recurring run definition could not be handled');
      }
    }
    return next;
  }

  private async handle(def: DefinitionRecord, cron: Cron, now: number): Promise<void> {
    const due = occurrencesBetween(cron, Date.parse(def.checkedUntil), now, MAX_OCCURRENCES);
    const today = localDate(now, def.timeZone);
    for (const at of due) {
      const runDate = localDate(at, def.timeZone);
      if (runDate === today || now - at <= GRACE_MS) {
        await this.fire(def, at, runDate);
      } else {
        const reason = `MISSED: no server was running at ${new Date(at).toISOString()}; a past run date is not sent late.`;
        if (claimRunDate(this.deps.db, { definitionId: def.id, runDate, dueAt: new Date(at).toISOString(), status: 'skipped', reason, holder: this.deps.holderId })) {
          this.deps.log.warn({ definitionId: def.id, runDate, stage: 'schedule' }, 'skipped a run date missed while no server was running');
        }
      }
    }
    const handledUntil = due.length === MAX_OCCURRENCES ? due[due.length - 1] : now;
    advanceCheckedUntil(this.deps.db, def.id, new Date(handledUntil).toISOString());
  }

  /** Claims the run date, then plans the run through the same use case as `POST /api/runs`. */
  private async fire(def: DefinitionRecord, at: number, runDate: string): Promise<void> {
    const { db, log } = this.deps;
    const claim = { definitionId: def.id, runDate, dueAt: new Date(at).toISOString(), status: 'planning' as const, reason: null, holder: this.deps.holderId };
    if (!claimRunDate(db, claim)) return;
    try {
      const user = findUser(db, def.ownerId);
      if (!user) throw new AppError('NOT_FOUND', `The owner ${def.ownerId} of this schedule no longer exists.`);
      const stored = def.request as { options?: Record<string, unknown>; audience?: Record<string, unknown> };
      // The run date merged into messages is the schedule's date, so the run uses the schedule's zone;
      // date rules ("birthday today") are evaluated on that date, not on the clock's, even when a
      // missed occurrence is planned late in its day.
      const options = { ...stored.options, scheduledAt: undefined, timeZone: stored.options?.timeZone ?? def.timeZone };
      const audience = { ...stored.audience, runDate, timeZone: stored.audience?.timeZone ?? options.timeZone };
      const request = CreateRunRequest.parse({ ...def.request, audience, options, dryRun: false });
      const mailbox = this.deps.provider.open(user);
      await this.refreshSource(def, user.id, request.listId, mailbox);
      const { run } = await planRun(db, mailbox, user.id, request);
      settleRunDate(db, def.id, runDate, { status: 'planned', runId: run?.id ?? null, reason: null });
      log.info({ definitionId: def.id, runDate, runId: run?.id, stage: 'schedule' }, 'planned a recurring run');
    } catch (err) {
      if (isNobodyToday(err)) {
        // Nobody today (no birthdays, no anniversaries): nothing to send, and nothing went wrong.
        settleRunDate(db, def.id, runDate, { status: 'skipped', runId: null, reason: `EMPTY_AUDIENCE: nobody is in the audience on ${runDate}.` });
        log.info({ definitionId: def.id, runDate, stage: 'schedule' }, 'nobody in the audience on this run date');
        return;
      }
      const reason = err instanceof AppError ? `${err.code}: ${err.message}` : `INTERNAL: ${(err as Error).message}`;
      settleRunDate(db, def.id, runDate, { status: 'failed', runId: null, reason });
      log.error({ err, definitionId: def.id, runDate, stage: 'schedule' }, 'a recurring run could not be planned');
    }
  }

  /**
   * A list read from Microsoft 365 (the directory, a group) is read again before each run date, so
   * this morning's birthdays include yesterday's new hire. If it cannot be read now, the rows read
   * last time are used and the problem is logged: a greeting late by one refresh beats none.
   */
  private async refreshSource(def: DefinitionRecord, ownerId: string, listId: string, mailbox: Mailbox): Promise<void> {
    const list = findList(this.deps.db, ownerId, listId);
    if (!list?.meta.origin) return;
    try {
      await refreshSourceList(this.deps.db, ownerId, mailbox, listId);
    } catch (err) {
      this.deps.log.warn({ err, definitionId: def.id, listId, stage: 'schedule' }, 'the list could not be read again from Microsoft 365; using the rows read last time');
    }
  }

  private cronOf(def: DefinitionRecord): Cron {
    const key = `${def.cron}\n${def.timeZone}`;
    let cron = this.crons.get(key);
    if (!cron) {
      cron = parseCron(def.cron, def.timeZone);
      this.crons.set(key, cron);
    }
    return cron;
  }
}
