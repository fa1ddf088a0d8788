/**
 * The pacer keeps one mailbox under its provider's limits. It is pure: every call takes the
 * current time, nothing sleeps, nothing is read from a clock, and its whole state is a plain
 * JSON snapshot. Several runs from the same mailbox share one instance.
 *
 * How a start is allowed (all rules at once; the latest "not before" wins):
 * - Rate: starts are spread evenly, `windowMs / allowed` apart, so a run never bursts 30
 *   messages at once. A start that comes less than one spacing late keeps the pace where it was
 *   due, so a caller whose timer wakes it a little late does not lose that time on every
 *   message; a longer pause is not banked (no burst after idling). In addition an exact sliding log of start times refuses a start while
 *   `allowed` starts already lie in the last `windowMs`. Spacing gives the smooth pace, the log
 *   makes "never more than the limit in any window" exact even after a restart seeded with a
 *   burst, or while the allowed rate is reduced. (A fixed window, as in listmonk, lets twice
 *   the limit through around a window boundary.)
 * - Day: the recipients of every start in the last `dayMs` are summed; when the next message
 *   does not fit, the answer is the moment enough of the oldest entries leave the window.
 * - Concurrency: a granted start holds a slot until `release`.
 * - Batches: `batchSize` consecutive starts form a batch; the next batch starts no sooner than
 *   `batchIntervalMs` after the previous one started.
 * - Throttling: after a throttle nothing starts before its Retry-After ends, and the allowed
 *   rate is halved (at most once per window, since a decrease cannot show before then). It
 *   grows back additively, by a tenth of the limit after each window's worth of successes,
 *   never above the configured limit (AIMD, as TCP does for the same problem).
 *
 * A start at `at` counts in every window that contains it and leaves a window of length w at
 * exactly `at + w`; a refusal's `notBefore` is that exact moment (for the day budget, the
 * "continues at" time to show). A 'concurrency' refusal has `notBefore = now`: ask again after
 * a release. Sends that certainly did not go out ('not-sent', and 'throttled' since a throttling
 * reply is a refusal) give their recipients back, but still count toward the rate: the
 * provider did see a request.
 */

import { checkRecipients, resolveLimits } from './pacer-limits';

/** Limits of one mailbox. Windows are configurable so that tests and benches can scale time. */
export interface PacerLimits {
  /** Starts allowed in any `windowMs` (Exchange Online: 30 per minute). */
  perMinute: number;
  windowMs?: number;
  /** Recipients (To + Cc + Bcc) allowed in any `dayMs` (Exchange Online: 10,000 per rolling 24 h). */
  perDay: number;
  dayMs?: number;
  /** Provider calls in flight at once. */
  concurrency: number;
  /** The user's batch setting; an interval without a size paces every single message. */
  batchSize?: number;
  batchIntervalMs?: number;
}

/** Exchange Online's limits per mailbox, with at most 2 concurrent sends. */
export const EXCHANGE_ONLINE_LIMITS: PacerLimits = { perMinute: 30, perDay: 10_000, concurrency: 2 };

/** Limits with every default filled in; batchSize 0 means no batches. */
export type ResolvedLimits = Required<PacerLimits>;

/** Identifies a granted start until it is released. */
export type SlotId = number;

/** Why a start was refused. */
export type BlockReason = 'rate' | 'day' | 'concurrency' | 'batch' | 'throttled';

/** One start: when, and how many recipients it counts against the day budget. */
export interface SendRecord { at: number; recipients: number }

/** What is left to send: recipients per message, or a count of equal messages. */
export type RemainingWork = ReadonlyArray<number> | { messages: number; recipientsPerMessage: number };

/** Plain, JSON-safe state of a pacer; `active[].index` points into `log` (-1: aged out). */
export interface PacerSnapshot {
  limits: ResolvedLimits; log: SendRecord[]; active: Array<{ slot: SlotId; index: number }>;
  nextSlot: number; lastStart: number | null; batch: { startedAt: number; count: number } | null;
  allowedPerWindow: number; successStreak: number; throttledUntil: number | null; lastDecreaseAt: number | null;
}

/** The answer to "may this message start now?". For 'concurrency', wait for a release. */
export type PaceDecision =
  | { ok: true; slot: SlotId }
  | { ok: false; notBefore: number; reason: BlockReason };

/** How a granted send ended; 'not-sent' and 'throttled' mean it certainly did not go out. */
export type ReleaseOutcome = 'sent' | 'failed' | 'throttled' | 'not-sent';

/** Counts a mailbox has used, for progress displays. */
export interface PacerUsage { recipientsToday: number; recipientsLeft: number; startsInWindow: number;
  inFlight: number; allowedPerWindow: number; throttledUntil: number | null }

/** Paces the sends of one mailbox (see the comment at the top of this file). */
export class Pacer {
  private readonly limits: ResolvedLimits;
  /** Starts oldest first; entries before dayHead have left the day window, before rateHead the rate window. */
  private log: SendRecord[] = [];
  private dayHead = 0;
  private rateHead = 0;
  private dayRecipients = 0;
  /** Every entry with `at` at or before this has been pruned from the day sum. */
  private dayCutoff = -Infinity;
  private readonly active = new Map<SlotId, SendRecord | null>();
  private nextSlot = 1;
  /** When the last start counts as having happened for even spacing (see pacePoint). */
  private lastStart: number | null = null;
  private batch: { startedAt: number; count: number } | null = null;
  private allowed: number;
  private successStreak = 0;
  private throttledUntil: number | null = null;
  private lastDecreaseAt: number | null = null;

  /** `history` seeds the windows with recent sends from the store, so a restart resets nothing. */
  constructor(limits: PacerLimits, history: ReadonlyArray<SendRecord> = []) {
    this.limits = resolveLimits(limits);
    this.allowed = this.limits.perMinute;
    this.log = history.map((h) => ({ at: h.at, recipients: h.recipients })).sort((a, b) => a.at - b.at);
    for (const entry of this.log) this.dayRecipients += entry.recipients;
    if (this.log.length > 0) this.lastStart = this.log[this.log.length - 1].at;
  }

  /** The limits in force, with every default filled in. */
  get settings(): ResolvedLimits {
    return { ...this.limits };
  }

  /** Rebuilds a pacer from `snapshot()`, e.g. after reading it back from the store. */
  static restore(s: PacerSnapshot): Pacer {
    const p = new Pacer(s.limits, s.log);
    for (const a of s.active) p.active.set(a.slot, a.index >= 0 ? p.log[a.index] : null);
    p.nextSlot = s.nextSlot;
    p.lastStart = s.lastStart;
    p.batch = s.batch ? { ...s.batch } : null;
    p.allowed = s.allowedPerWindow;
    p.successStreak = s.successStreak;
    p.throttledUntil = s.throttledUntil;
    p.lastDecreaseAt = s.lastDecreaseAt;
    return p;
  }

  /**
   * The earliest moment a message with `recipients` recipients may start by the time-based rules
   * (rate, day, batch, throttling), and the rule that decides it; `reason` is null when that is
   * `now`. Reserves nothing, so several pacers can be asked before any of them is committed.
   */
  nextStart(now: number, recipients: number): { at: number; reason: Exclude<BlockReason, 'concurrency'> | null } {
    checkRecipients(recipients, this.limits.perDay);
    this.prune(now);
    // Ties keep the first listed reason: the day budget is the most useful thing to tell a user.
    const waits: Array<[number, Exclude<BlockReason, 'concurrency'>]> = [
      [this.dayReadyAt(recipients), 'day'], [this.throttledUntil ?? -Infinity, 'throttled'],
      [this.batchReadyAt(), 'batch'], [this.rateReadyAt(), 'rate'],
    ];
    let at = now;
    let reason: Exclude<BlockReason, 'concurrency'> | null = null;
    for (const [when, why] of waits) if (when > at) [at, reason] = [when, why];
    return { at, reason };
  }

  /** Grants a start at `now` for a message with `recipients` recipients, or says when to ask again. */
  tryAcquire(now: number, recipients: number): PaceDecision {
    const { at: notBefore, reason } = this.nextStart(now, recipients);
    if (reason) return { ok: false, notBefore, reason };
    if (this.active.size >= this.limits.concurrency) return { ok: false, notBefore: now, reason: 'concurrency' };
    const entry = { at: now, recipients };
    this.log.push(entry);
    this.dayRecipients += recipients;
    this.lastStart = this.pacePoint(now);
    this.countIntoBatch(now);
    const slot = this.nextSlot++;
    this.active.set(slot, entry);
    return { ok: true, slot };
  }

  /** Frees a slot; a send that certainly did not go out gives its recipients back to the day budget. */
  release(slot: SlotId, now: number, outcome: ReleaseOutcome): void {
    const entry = this.active.get(slot);
    if (entry === undefined) throw new Error(`Pacer slot ${slot} is not held; was it released twice?`);
    this.active.delete(slot);
    this.prune(now);
    if ((outcome === 'not-sent' || outcome === 'throttled') && entry && entry.at > this.dayCutoff) {
      this.dayRecipients -= entry.recipients;
      entry.recipients = 0;
    }
    if (outcome === 'sent') this.recordSuccess();
    if (outcome === 'throttled') this.successStreak = 0;
  }

  /**
   * Records a throttling reply: wait out Retry-After and slow down (see the file comment). With
   * `slowDown` false the mailbox only waits: the reason to wait was not load.
   */
  recordThrottle(now: number, retryAfterMs: number, slowDown = true): void {
    const until = now + Math.max(0, retryAfterMs);
    this.throttledUntil = Math.max(this.throttledUntil ?? until, until);
    if (!slowDown) return;
    this.successStreak = 0;
    if (this.lastDecreaseAt === null || now - this.lastDecreaseAt >= this.limits.windowMs) {
      this.allowed = Math.max(1, Math.floor(this.allowed / 2));
      this.lastDecreaseAt = now;
    }
  }

  /**
   * When the last of `remaining` messages would start if the caller asks as soon as allowed and
   * no further throttling happens: a simulation on a copy, using exactly the rules above.
   */
  estimateFinish(now: number, remaining: RemainingWork): number {
    const sim = Pacer.restore(this.snapshot());
    let t = now;
    let finish = now;
    for (const recipients of toRecipientCounts(remaining)) {
      for (;;) {
        const d = sim.tryAcquire(t, recipients);
        if (d.ok) {
          sim.release(d.slot, t, 'sent');
          finish = t;
          break;
        }
        if (d.reason === 'concurrency') for (const slot of [...sim.active.keys()]) sim.release(slot, t, 'sent');
        else t = d.notBefore;
      }
    }
    return finish;
  }

  /** What the mailbox has used at `now`. */
  usage(now: number): PacerUsage {
    this.prune(now);
    return {
      recipientsToday: this.dayRecipients, recipientsLeft: Math.max(0, this.limits.perDay - this.dayRecipients),
      startsInWindow: this.log.length - this.rateHead, inFlight: this.active.size,
      allowedPerWindow: this.allowed, throttledUntil: this.throttledUntil,
    };
  }

  /** The whole state as plain JSON-safe data; `Pacer.restore` reverses it. */
  snapshot(): PacerSnapshot {
    const live = this.log.slice(this.dayHead);
    const index = new Map(live.map((e, i) => [e, i] as const));
    return {
      limits: { ...this.limits },
      log: live.map((e) => ({ at: e.at, recipients: e.recipients })),
      active: [...this.active].map(([slot, e]) => ({ slot, index: e ? index.get(e) ?? -1 : -1 })),
      nextSlot: this.nextSlot, lastStart: this.lastStart, batch: this.batch ? { ...this.batch } : null,
      allowedPerWindow: this.allowed, successStreak: this.successStreak,
      throttledUntil: this.throttledUntil, lastDecreaseAt: this.lastDecreaseAt,
    };
  }

  /** Drops entries that left the windows; the log is a queue with two read heads, compacted now and then. */
  private prune(now: number): void {
    const dayEdge = now - this.limits.dayMs;
    while (this.dayHead < this.log.length && this.log[this.dayHead].at <= dayEdge) {
      this.dayRecipients -= this.log[this.dayHead].recipients;
      this.dayHead++;
    }
    this.dayCutoff = Math.max(this.dayCutoff, dayEdge);
    const rateEdge = now - this.limits.windowMs;
    this.rateHead = Math.max(this.rateHead, this.dayHead);
    while (this.rateHead < this.log.length && this.log[this.rateHead].at <= rateEdge) this.rateHead++;
    if (this.dayHead > 1024 && this.dayHead * 2 > this.log.length) {
      this.log = this.log.slice(this.dayHead);
      this.rateHead -= this.dayHead;
      this.dayHead = 0;
    }
  }

  /** Where the even pace continues from after a start at `now`: when it was due, if it came less than one spacing late. */
  private pacePoint(now: number): number {
    const spacing = this.limits.windowMs / this.allowed;
    const due = this.lastStart === null ? -Infinity : this.lastStart + spacing;
    return now - due < spacing ? Math.min(due, now) : now;
  }

  /** Earliest start allowed by even spacing and by the sliding log. */
  private rateReadyAt(): number {
    const { windowMs } = this.limits;
    let at = this.lastStart === null ? -Infinity : this.lastStart + windowMs / this.allowed;
    // With k >= allowed starts in the window, the start `allowed` places from the newest must leave first.
    if (this.log.length - this.rateHead >= this.allowed) {
      at = Math.max(at, this.log[this.log.length - this.allowed].at + windowMs);
    }
    return at;
  }

  /** Earliest moment the oldest entries have left the day window so that `recipients` more fit. */
  private dayReadyAt(recipients: number): number {
    const excess = this.dayRecipients + recipients - this.limits.perDay;
    if (excess <= 0) return -Infinity;
    let freed = 0;
    for (let i = this.dayHead; i < this.log.length; i++) {
      freed += this.log[i].recipients;
      if (freed >= excess) return this.log[i].at + this.limits.dayMs;
    }
    throw new Error('Pacer day log is inconsistent'); // unreachable: recipients <= perDay was checked
  }

  /** Earliest start allowed by the batch setting. */
  private batchReadyAt(): number {
    const { batchSize, batchIntervalMs } = this.limits;
    if (batchSize === 0 || this.batch === null || this.batch.count < batchSize) return -Infinity;
    return this.batch.startedAt + batchIntervalMs;
  }

  /** Counts a start into the current batch, opening a new batch when the current one is full. */
  private countIntoBatch(now: number): void {
    if (this.limits.batchSize === 0) return;
    if (this.batch === null || this.batch.count >= this.limits.batchSize) this.batch = { startedAt: now, count: 1 };
    else this.batch.count++;
  }

  /** Additive increase: one window's worth of successes at the current rate earns a tenth of the limit back. */
  private recordSuccess(): void {
    const limit = this.limits.perMinute;
    this.successStreak++;
    if (this.allowed >= limit) this.successStreak = 0;
    else if (this.successStreak >= this.allowed) {
      this.allowed = Math.min(limit, this.allowed + Math.max(1, Math.round(limit / 10)));
      this.successStreak = 0;
    }
  }
}

/** Walks either form of "what is left" as recipient counts, one per message. */
function* toRecipientCounts(remaining: RemainingWork): Generator<number> {
  if ('messages' in remaining) for (let i = 0; i < remaining.messages; i++) yield remaining.recipientsPerMessage;
  else yield* remaining;
}
