import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { CreateRunRequest, DeliveryStatus, type ProgressEvent } from '../../../shared/api';
import { AppError } from '../../errors';
import { reportCsv } from '../../services/report';
import { changeRun, planRun, presentDelivery, presentRun, requireRun } from '../../services/runs';
import { listDeliveries } from '../../store/deliveries';
import { listRuns } from '../../store/runs';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';
import { scheduleRoutes } from './schedules';

const DeliveriesQuery = z.object({
  status: DeliveryStatus.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const ACTIONS = ['pause', 'resume', 'cancel', 'retry-failed'] as const;

/** Runs: plan and start, list, read, report, control, and live progress. */
export function runRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/runs', async (req, res) => {
    const user = userOf(req);
    const body = parseWith(CreateRunRequest, req.body, 'body');
    if (body.dryRun) throw new AppError('BAD_REQUEST', 'Dry runs are a CLI feature; preview single recipients with POST /api/preview.');
    const { run } = await planRun(ctx.db, ctx.provider.open(user), user.id, body);
    ctx.engine.wake();
    res.status(201).json(presentRun(run!, ctx.engine));
  });
  router.get('/runs', (req, res) => {
    res.json({ runs: listRuns(ctx.db, userOf(req).id).map((r) => presentRun(r, ctx.engine)) });
  });
  router.get('/runs/:id', (req, res) => {
    res.json(presentRun(requireRun(ctx.db, userOf(req).id, req.params.id), ctx.engine));
  });
  router.get('/runs/:id/deliveries', (req, res) => {
    const run = requireRun(ctx.db, userOf(req).id, req.params.id);
    const q = parseWith(DeliveriesQuery, req.query, 'query');
    const page = listDeliveries(ctx.db, run.id, q);
    res.json({ total: page.total, deliveries: page.deliveries.map(presentDelivery) });
  });
  router.get('/runs/:id/report.csv', (req, res) => {
    const run = requireRun(ctx.db, userOf(req).id, req.params.id);
    res.type('text/csv; charset=utf-8').attachment(`seriatim-report-${run.id}.csv`).send(reportCsv(ctx.db, run));
  });
  for (const action of ACTIONS) {
    router.post(`/runs/:id/${action}`, (req, res) => {
      const run = changeRun(ctx.db, userOf(req).id, req.params.id, action);
      ctx.engine.wake();
      const body = presentRun(run, ctx.engine);
      ctx.progress.publish(ctx.engine.progressOf(run));
      res.json(body);
    });
  }
  router.get('/runs/:id/events', (req, res) => streamProgress(ctx, req, res));
  // Recurring run definitions live with runs until they get a resource folder of their own.
  router.use(scheduleRoutes(ctx));
  return router;
}

const TERMINAL = new Set(['completed', 'cancelled']);

/** Server-sent events: the current progress at once, then every change until the run ends. */
function streamProgress(ctx: AppContext, req: Request, res: Response): void {
  const run = requireRun(ctx.db, userOf(req).id, String(req.params.id));
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  const send = (event: ProgressEvent) => {
    res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
    if (TERMINAL.has(event.status) && event.counts.sending === 0) finish();
  };
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  const unsubscribe = ctx.progress.subscribe(run.id, send);
  function finish() {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  }
  req.on('close', finish);
  send(ctx.engine.progressOf(run));
}
