import type { Db } from '../store/db';
import { countDeliveries, listDeliveries } from '../store/deliveries';
import type { RunRecord } from '../store/runs';
import { writeCsv } from '../recipients/import';

/** The per-recipient report of a run as the CLI's `--json` prints it; a stable public shape. */
export interface RunReport {
  runId: string | null;
  status: string;
  counts: { planned: number; sent: number; failed: number; skipped: number };
  deliveries: Array<{ to: string; status: string; reason?: string }>;
}

/** Builds the report of a stored run. */
export function buildReport(db: Db, run: RunRecord): RunReport {
  const c = countDeliveries(db, run.id);
  return {
    runId: run.id,
    status: run.status,
    counts: { planned: c.planned, sent: c.sent, failed: c.failed, skipped: c.skipped },
    deliveries: listDeliveries(db, run.id).deliveries.map((d) => ({ to: d.email, status: d.status, ...(d.reason ? { reason: d.reason } : {}) })),
  };
}

/** The report as CSV (UTF-8 with BOM, `;`-separated as Excel expects in the users' locales), with each recipient's values. */
export function reportCsv(db: Db, run: RunRecord): string {
  const { deliveries } = listDeliveries(db, run.id);
  const valueColumns = [...new Set(deliveries.flatMap((d) => Object.keys(d.values)))];
  const columns = ['to', 'status', 'reason', 'sentAt', 'messageId', ...valueColumns.filter((c) => !['to', 'status', 'reason', 'sentAt', 'messageId'].includes(c))];
  const rows = deliveries.map((d) => ({ ...d.values, to: d.email, status: d.status, reason: d.reason, sentAt: d.sentAt, messageId: d.messageId }));
  return writeCsv(columns, rows, { bom: true });
}
