import { AppError } from '../errors';
import { buildReport, reportCsv } from '../services/report';
import { changeRun, requireRun } from '../services/runs';
import { countDeliveries } from '../store/deliveries';
import { findRun, listRuns } from '../store/runs';
import { parseCommand } from './args';
import { out, outJson, progressBar, table } from './output';
import { printReport } from './send';
import { driveRun, openCore } from './session';

function runIdOf(positionals: string[]): string {
  const [id] = positionals;
  if (!id) throw new AppError('BAD_REQUEST', 'Give the run id, e.g. `seriatim report 0b6f…`; `seriatim runs` lists them.');
  return id;
}

/** `seriatim runs [--json]`: every run with its status and counts. */
export async function runsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const core = openCore(new Set());
  try {
    const runs = listRuns(core.db, core.localUser.id).map((r) => ({
      runId: r.id, status: r.status, subject: r.subject, list: r.listName, folder: r.folderName, createdAt: r.createdAt,
      scheduledAt: r.scheduledAt, counts: countDeliveries(core.db, r.id),
    }));
    if (values.json) outJson({ runs });
    else out(table(['RUN', 'STATUS', 'SENT', 'FAILED', 'SKIPPED', 'PLANNED', 'SUBJECT'], runs.map((r) => [r.runId, r.status, String(r.counts.sent), String(r.counts.failed), String(r.counts.skipped), String(r.counts.planned), r.subject])));
    return 0;
  } finally {
    await core.close();
  }
}

/** `seriatim report RUN_ID [--json | --csv]`. */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' }, csv: { type: 'boolean' } }, 1);
  const core = openCore(new Set());
  try {
    const run = requireRun(core.db, core.localUser.id, runIdOf(positionals));
    if (values.csv) process.stdout.write(reportCsv(core.db, run));
    else printReport(buildReport(core.db, run), Boolean(values.json));
    return countDeliveries(core.db, run.id).failed > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}

/**
 * `seriatim pause|cancel RUN_ID` change the run's status; `resume` and `retry-failed` also send the
 * rest in this process (deliveries left `sending` by a crash are reconciled first) and print the report.
 */
export async function controlCommand(action: 'pause' | 'resume' | 'cancel' | 'retry-failed', args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } }, 1);
  const runId = runIdOf(positionals);
  const core = openCore(new Set([runId]));
  try {
    const current = requireRun(core.db, core.localUser.id, runId);
    const resumable = action === 'resume' && (current.status === 'running' || current.status === 'queued');
    if (!resumable) changeRun(core.db, core.localUser.id, runId, action);
    if (action === 'resume' || action === 'retry-failed') await driveRun(core, runId, values.json ? () => {} : progressBar());
    const report = buildReport(core.db, findRun(core.db, runId)!);
    printReport(report, Boolean(values.json));
    return report.counts.failed > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}
