import fs from 'node:fs';
import path from 'node:path';
import { CreateRunRequest } from '../../shared/api';
import { buildReport, type RunReport } from '../services/report';
import { importList } from '../services/lists';
import { planRun } from '../services/runs';
import { deleteList } from '../store/lists';
import { findRun } from '../store/runs';
import { FilterInputError, parseAddressList, parseFilterJson, parseFilterText } from '../recipients/filter-input';
import { intOption, parseCommand, required, UsageError } from './args';
import { outJson, out, progressBar } from './output';
import { INTERRUPTED_EXIT, driveRun, openCore } from './session';

const OPTIONS = {
  list: { type: 'string' }, subject: { type: 'string' }, html: { type: 'string' }, text: { type: 'string' },
  folder: { type: 'string' }, 'email-column': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' },
  'per-minute': { type: 'string' }, 'per-day': { type: 'string' }, batch: { type: 'string' }, interval: { type: 'string' },
  'max-errors': { type: 'string' }, at: { type: 'string' }, 'accept-unknown-fields': { type: 'boolean' },
  filter: { type: 'string' }, 'time-zone': { type: 'string' }, exclude: { type: 'string' },
} as const;

function readInputFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`Cannot read the ${what} file "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}

/** The run's audience from `--filter` (a .json file of the filter model, else an expression), `--time-zone` and `--exclude FILE`. */
function audienceOf(v: { filter?: string; 'time-zone'?: string; exclude?: string }): Record<string, unknown> | undefined {
  if (v.filter === undefined && v['time-zone'] === undefined && v.exclude === undefined) return undefined;
  try {
    const filter = v.filter === undefined ? undefined
      : v.filter.toLowerCase().endsWith('.json') ? parseFilterJson(readInputFile(v.filter, 'filter').toString('utf8'), v.filter)
      : parseFilterText(v.filter);
    const exclusions = v.exclude === undefined ? undefined : parseAddressList(readInputFile(v.exclude, 'exclusion').toString('utf8'));
    return { filter, timeZone: v['time-zone'], exclusions };
  } catch (err) {
    if (err instanceof FilterInputError) throw new UsageError(`--filter: ${err.message}`);
    throw err;
  }
}

/** `seriatim send`: imports the list, plans the run and sends it in-process; prints the report. */
export async function sendCommand(args: string[]): Promise<number> {
  const { values: v } = parseCommand(args, OPTIONS);
  const listFile = required(v.list, 'list');
  const listBytes = readInputFile(listFile, 'list');
  const html = readInputFile(required(v.html, 'html'), 'HTML').toString('utf8');
  const text = v.text === undefined ? undefined : readInputFile(v.text, 'text').toString('utf8');
  if (v.at !== undefined && Number.isNaN(Date.parse(v.at))) throw new UsageError(`--at must be an ISO date-time such as 2026-12-01T08:00:00+03:00 (got "${v.at}").`);
  const request = CreateRunRequest.safeParse({
    listId: 'pending',
    emailColumn: v['email-column'],
    template: { subject: required(v.subject, 'subject'), html, text },
    folderName: v.folder,
    dryRun: Boolean(v['dry-run']),
    audience: audienceOf(v),
    options: {
      perMinute: intOption(v['per-minute'], 'per-minute', 1, 10_000),
      perDay: intOption(v['per-day'], 'per-day', 1, 1_000_000),
      batchSize: intOption(v.batch, 'batch', 1, 100_000),
      batchIntervalSeconds: intOption(v.interval, 'interval', 0, 86_400),
      maxErrors: intOption(v['max-errors'], 'max-errors', 0, 100_000) ?? 0,
      scheduledAt: v.at === undefined ? undefined : new Date(v.at).toISOString(),
      acceptUnknownFields: Boolean(v['accept-unknown-fields']),
    },
  });
  if (!request.success) throw new UsageError(request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const runIds = new Set<string>();
  const core = openCore(runIds);
  try {
    const mailbox = core.provider.open(core.localUser);
    const list = await importList(core.db, core.localUser.id, { bytes: listBytes, fileName: path.basename(listFile), emailColumn: v['email-column'] });
    let planned;
    try {
      planned = await planRun(core.db, mailbox, core.localUser.id, { ...request.data, listId: list.id });
    } catch (err) {
      deleteList(core.db, core.localUser.id, list.id);
      throw err;
    }
    let report: RunReport;
    if (!planned.run) {
      deleteList(core.db, core.localUser.id, list.id);
      report = dryRunReport(planned.planned);
    } else {
      const runId = planned.run.id;
      runIds.add(runId);
      if (process.stderr.isTTY) process.stderr.write(`Run ${runId}: if this stops, \`seriatim resume ${runId}\` continues it.\n`);
      if ((await driveRun(core, runId, v.json ? () => {} : progressBar())).interrupted) {
        process.stderr.write(`\nStopped; the run is ${findRun(core.db, runId)?.status}. \`seriatim resume ${runId}\` continues it.\n`);
        return INTERRUPTED_EXIT;
      }
      report = buildReport(core.db, findRun(core.db, runId)!);
    }
    printReport(report, Boolean(v.json));
    return report.counts.failed > 0 || report.status === 'paused' ? 1 : 0;
  } finally {
    await core.close();
  }
}

function dryRunReport(planned: Array<{ email: string; status: string; reason: string | null }>): RunReport {
  const count = (s: string) => planned.filter((p) => p.status === s).length;
  return {
    runId: null,
    status: 'dry-run',
    counts: { planned: planned.length, sent: 0, failed: 0, skipped: count('skipped') },
    deliveries: planned.map((p) => ({ to: p.email, status: p.status, ...(p.reason ? { reason: p.reason } : {}) })),
  };
}

/** Prints a run report as JSON (`--json`) or as a short human summary. */
export function printReport(report: RunReport, json: boolean): void {
  if (json) return outJson(report);
  const c = report.counts;
  out(`Run ${report.runId ?? '(dry run)'}: ${report.status} — ${c.planned} planned, ${c.sent} sent, ${c.failed} failed, ${c.skipped} skipped`);
  for (const d of report.deliveries.filter((x) => x.status !== 'sent')) out(`  ${d.status.padEnd(8)} ${d.to || '(no address)'}${d.reason ? `  ${d.reason}` : ''}`);
}

