import type { ProgressEvent, WaitReason } from '../../shared/api';
import type { Db } from '../store/db';
import { countDeliveries, countSentSince } from '../store/deliveries';
import type { RunRecord } from '../store/runs';
import { estimateFinishAt } from './estimate';
import type { Pacer } from './pacer';

const ESTIMATED = new Set(['scheduled', 'queued', 'running']);

/** Why and until when a run waits, if it does: its start time, or what its worker recorded. */
export function waitOf(run: RunRecord, now: number): { until: string; reason: WaitReason } | null {
  if (run.status === 'scheduled' && run.scheduledAt) return { until: run.scheduledAt, reason: 'schedule' };
  if ((run.status === 'running' || run.status === 'queued') && run.waitingUntil && run.waitReason && Date.parse(run.waitingUntil) > now) {
    return { until: run.waitingUntil, reason: run.waitReason };
  }
  return null;
}

/** The pacers a run's messages pass, and the average recipients of its messages still to send. */
export interface PaceView { mailbox: Pacer; run: Pacer; recipientsPerMessage: number }

/**
 * A run's progress: counts, the rate over the last minute, and when it should finish: both pacers
 * (the mailbox's, with what it already sent today, and the run's own settings) are asked how long
 * the remaining messages take, from when the run can next send; the later answer wins.
 */
export function buildProgress(db: Db, run: RunRecord, pace: () => PaceView, now: number): ProgressEvent {
  const counts = countDeliveries(db, run.id);
  const ratePerMinute = countSentSince(db, run.id, new Date(now - 60_000).toISOString());
  const remaining = counts.pending + counts.sending;
  const wait = waitOf(run, now);
  let estimatedFinishAt: string | null = null;
  if (remaining > 0 && ESTIMATED.has(run.status)) {
    const from = Math.max(now, wait ? Date.parse(wait.until) : now);
    const p = pace();
    const at = Math.max(
      estimateFinishAt(p.mailbox.snapshot(), from, remaining, p.recipientsPerMessage),
      estimateFinishAt(p.run.snapshot(), from, remaining, p.recipientsPerMessage),
    );
    estimatedFinishAt = new Date(at).toISOString();
  }
  return {
    runId: run.id, status: run.status, counts, ratePerMinute, estimatedFinishAt, pauseReason: run.pauseReason,
    waitingUntil: wait?.until ?? null, waitReason: wait?.reason ?? null,
  };
}
