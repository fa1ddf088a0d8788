import { Router } from 'express';
import { CreateScheduleRequest, UpdateScheduleRequest } from '../../../shared/api';
import { createSchedule, listSchedules, presentSchedule, removeSchedule, updateSchedule } from '../../services/schedules';
import type { AppContext } from '../context';
import { userOf } from '../context';
import { parseWith } from '../validate';

/** Recurring runs: list, create, change (rename, reschedule, pause, resume), delete; each user sees and changes only their own. */
export function scheduleRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/schedules', (req, res) => {
    res.json({ schedules: listSchedules(ctx.db, userOf(req).id, Date.now()) });
  });
  router.post('/schedules', async (req, res) => {
    const user = userOf(req);
    const body = parseWith(CreateScheduleRequest, req.body, 'body');
    const definition = await createSchedule(ctx.db, ctx.provider.open(user), user.id, body, Date.now());
    ctx.engine.wake();
    res.status(201).json(presentSchedule(ctx.db, definition, Date.now()));
  });
  router.patch('/schedules/:id', (req, res) => {
    const body = parseWith(UpdateScheduleRequest, req.body, 'body');
    const schedule = updateSchedule(ctx.db, userOf(req).id, req.params.id, body, Date.now());
    ctx.engine.wake();
    res.json(schedule);
  });
  router.delete('/schedules/:id', (req, res) => {
    removeSchedule(ctx.db, userOf(req).id, req.params.id);
    res.status(204).end();
  });
  return router;
}
