import { Router } from 'express';
import { requireRun } from '../../services/runs';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { reportWorkbook } from './workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /api/runs/:id/report.xlsx`: the owner's run report as an Excel workbook. */
export function exportRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/runs/:id/report.xlsx', async (req, res) => {
    const run = requireRun(ctx.db, userOf(req).id, req.params.id);
    const bytes = await reportWorkbook(ctx.db, run);
    res.type(XLSX).attachment(`seriatim-report-${run.id}.xlsx`).send(bytes);
  });
  return router;
}
