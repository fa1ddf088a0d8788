import ExcelJS from 'exceljs';
import type { Db } from '../../store/db';
import { listDeliveries } from '../../store/deliveries';
import type { RunRecord } from '../../store/runs';

const FIXED = ['to', 'status', 'reason', 'sentAt', 'messageId'] as const;

/** Excel refuses sheet cells that start like a formula from an untrusted source; keep them text. */
function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The run's per-recipient report as an XLSX workbook: one row per delivery, with its merge values. */
export async function reportWorkbook(db: Db, run: RunRecord): Promise<Buffer> {
  const { deliveries } = listDeliveries(db, run.id);
  const valueColumns = [...new Set(deliveries.flatMap((d) => Object.keys(d.values)))].filter(
    (c) => !(FIXED as readonly string[]).includes(c),
  );
  const book = new ExcelJS.Workbook();
  book.creator = 'Seriatim';
  const sheet = book.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...FIXED, ...valueColumns].map((key) => ({ header: key, key, width: key === 'to' ? 32 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const d of deliveries) {
    const values: Record<string, unknown> = { ...d.values, to: d.email, status: d.status, reason: d.reason, sentAt: d.sentAt, messageId: d.messageId };
    sheet.addRow(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, safeCell(v)])));
  }
  const info = book.addWorksheet('Run');
  info.addRows([['subject', run.subject], ['list', run.listName], ['status', run.status], ['created', run.createdAt], ['finished', run.finishedAt ?? '']]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
