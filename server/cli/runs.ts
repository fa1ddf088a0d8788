import { AppError } from '../errors';
import { buildReport, reportCsv } from '../services/report';
import { changeRun, requireRun, type RunAction } from '../services/runs';
import { listSchedules } from '../services/schedules';
import { countDeliveries } from '../store/deliveries';
import { findRun, listRuns } from '../store/runs';
import { parseCommand } from './args';
import { describeProgress, formatWhen, out, outJson, progressBar, table } from './output';
import { printReport } from './send';
import { INTERRUPTED_EXIT, driveRun, openCore } from './session';

function runIdOf(positionals: string[]): string {
  const [id] = positionals;
  if (!id) throw new AppError('BAD_REQUEST', 'Give the run id, e.g. `seriatim report 0b6f…`; `seriatim runs` lists them.');
  return id;
}

/** `seriatim runs [--json]`: every run with its status, counts, rate, what it waits for and when it should finish. */
export async function runsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const core = openCore(new Set());
  try {
    const runs = listRuns(core.db, core.localUser.id).map((r) => {
      const p = core.engine.progressOf(r);
      return {
        runId: r.id, status: r.status, subject: r.subject, list: r.listName, folder: r.folderName, createdAt: r.createdAt,
        scheduledAt: r.scheduledAt, counts: p.counts, ratePerMinute: p.ratePerMinute, estimatedFinishAt: p.estimatedFinishAt,
        pauseReason: r.pauseReason, waitingUntil: p.waitingUntil ?? null, waitReason: p.waitReason ?? null,
      };
    });
    if (values.json) outJson({ runs });
    else {
      out(table(
        ['RUN', 'STATUS', 'SENT', 'FAILED', 'SKIPPED', 'PLANNED', 'SUBJECT', 'NOTE'],
        runs.map((r) => [r.runId, r.status, String(r.counts.sent), String(r.counts.failed), String(r.counts.skipped), String(r.counts.planned), r.subject, describeProgress(r)]),
      ));
    }
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
 * `seriatim pause|cancel RUN_ID` change the run's status (another process sending it stops before
 * its next message); `resume` and `retry-failed` also send the rest in this process, after the
 * deliveries a crash left `sending` are reconciled, and print the report. If a server is sending
 * from the same mailbox, this process waits for it and shows the progress the server makes.
 * Exit codes: 0 done, 1 failures or paused, 130 stopped with Ctrl-C (the run can be resumed).
 */
export async function controlCommand(action: RunAction, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } }, 1);
  const runId = runIdOf(positionals);
  const core = openCore(new Set([runId]));
  try {
    const current = requireRun(core.db, core.localUser.id, runId);
    // A completed run has nothing left to resume: say how it ended instead of failing.
    if (!(action === 'resume' && current.status === 'completed')) changeRun(core.db, core.localUser.id, runId, action);
    if (action === 'resume' || action === 'retry-failed') {
      const { interrupted } = await driveRun(core, runId, values.json ? () => {} : progressBar());
      if (interrupted) {
        const status = findRun(core.db, runId)?.status;
        process.stderr.write(`\nStopped; the run is ${status}. \`seriatim resume ${runId}\` continues it.\n`);
        return INTERRUPTED_EXIT;
      }
    }
    const report = buildReport(core.db, findRun(core.db, runId)!);
    printReport(report, Boolean(values.json));
    return report.counts.failed > 0 || report.status === 'paused' ? 1 : 0;
  } finally {
    await core.close();
  }
}

/** `seriatim schedules [--json]`: recurring run definitions, their next run and their latest run dates. */
export async function schedulesCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const core = openCore(new Set());
  try {
    const schedules = listSchedules(core.db, core.localUser.id, Date.now());
    if (values.json) outJson({ schedules });
    else {
      out(table(
        ['SCHEDULE', 'NAME', 'CRON', 'TIME ZONE', 'NEXT RUN', 'LAST RUN DATE', 'SUBJECT'],
        schedules.map((s) => {
          const last = s.recent[0];
          return [s.id, s.name, s.cron, s.timeZone, s.pausedAt ? 'paused' : s.nextRunAt ? formatWhen(s.nextRunAt) : '-', last ? `${last.runDate} ${last.status}` : '-', s.subject ?? ''];
        }),
      ));
    }
    return 0;
  } finally {
    await core.close();
  }
}
