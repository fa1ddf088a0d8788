import type { ProgressEvent, WaitReason } from '../../shared/api';

/** Writes a line to stdout. */
export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes JSON to stdout, the `--json` contract. */
export function outJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Formats rows as an aligned plain-text table; cells are cut at 60 characters, except in the last column. */
export function table(headers: string[], rows: string[][]): string {
  const last = headers.length - 1;
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').slice(0, i === last ? undefined : 60).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment, short: "14:05" today, "tomorrow 09:12", else "2026-12-01 08:00" (local time). */
export function formatWhen(iso: string, now: number = Date.now()): string {
  const { day, time } = dayOf(iso, now);
  return day === 'today' ? time : `${day} ${time}`;
}

/** A moment as said after a verb: "at 14:05", "tomorrow at 09:12", "on 2026-12-01 at 08:00". */
export function sayWhen(iso: string, now: number = Date.now()): string {
  const { day, time } = dayOf(iso, now);
  if (day === 'today') return `at ${time}`;
  return day === 'tomorrow' ? `tomorrow at ${time}` : `on ${day} at ${time}`;
}

function dayOf(iso: string, now: number): { day: string; time: string } {
  const at = new Date(iso);
  const date = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const today = new Date(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (date(at) === date(today)) return { day: 'today', time };
  return { day: date(at) === date(tomorrow) ? 'tomorrow' : date(at), time };
}

/** What a waiting run waits for, in words: "waiting for daily budget, continues tomorrow at 09:12". */
export function describeWait(reason: WaitReason, untilIso: string, now: number = Date.now()): string {
  const when = sayWhen(untilIso, now);
  switch (reason) {
    case 'day': return `waiting for daily budget, continues ${when}`;
    case 'throttled': return `the mail server asked to slow down, continues ${when}`;
    case 'batch': return `between batches, next batch ${when}`;
    case 'rate': return `at the allowed rate, next message ${when}`;
    case 'retry': return `retrying ${when}`;
    case 'schedule': return `scheduled, starts ${when}`;
  }
}

/** One line about a run's state beyond its counts: why it waits or was paused, and when it should finish. */
export function describeProgress(e: Pick<ProgressEvent, 'status' | 'waitReason' | 'waitingUntil' | 'pauseReason' | 'estimatedFinishAt'>): string {
  const parts: string[] = [];
  if (e.waitReason && e.waitingUntil) parts.push(describeWait(e.waitReason, e.waitingUntil));
  if (e.status === 'paused' && e.pauseReason) parts.push(e.pauseReason);
  if (e.estimatedFinishAt) parts.push(`done ~${formatWhen(e.estimatedFinishAt)}`);
  return parts.join(' · ');
}

/** A progress bar on stderr when it is a terminal, with rate and estimated finish; silent otherwise (scripts read stdout). */
export function progressBar(): (e: ProgressEvent) => void {
  if (!process.stderr.isTTY) return () => {};
  let lastLength = 0;
  return (e) => {
    const done = e.counts.sent + e.counts.failed + e.counts.skipped;
    const total = Math.max(1, e.counts.planned);
    const width = 24;
    const filled = Math.round((done / total) * width);
    const rate = e.status === 'running' ? ` · ${e.ratePerMinute}/min` : '';
    const note = describeProgress(e);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} · ${e.counts.sent} sent · ${e.counts.failed} failed${rate}${note ? ` · ${note}` : ''}`;
    const settled = e.status === 'completed' || e.status === 'cancelled' || e.status === 'paused';
    if (settled && lastLength < 0) return;
    process.stderr.write(`\r${line}${' '.repeat(Math.max(0, lastLength - line.length))}${settled ? '\n' : ''}`);
    // -1 marks the bar as ended: a settled run's repeated events print nothing more.
    lastLength = settled ? -1 : line.length;
  };
}
