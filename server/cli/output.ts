import type { ProgressEvent } from '../../shared/api';

/** Writes a line to stdout. */
export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes JSON to stdout, the `--json` contract. */
export function outJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Formats rows as an aligned plain-text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').slice(0, 60).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** A progress bar on stderr when it is a terminal; silent otherwise (scripts read stdout). */
export function progressBar(): (e: ProgressEvent) => void {
  if (!process.stderr.isTTY) return () => {};
  return (e) => {
    const done = e.counts.sent + e.counts.failed + e.counts.skipped;
    const total = Math.max(1, e.counts.planned);
    const width = 30;
    const filled = Math.round((done / total) * width);
    const eta = e.estimatedFinishAt ? ` · done ~${new Date(e.estimatedFinishAt).toLocaleTimeString()}` : '';
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} · ${e.counts.sent} sent · ${e.counts.failed} failed${eta}   `);
    if (e.status === 'completed' || e.status === 'cancelled' || e.status === 'paused') process.stderr.write('\n');
  };
}
