import type { z } from 'zod';
import { Schedule, SchedulesResponse, type CreateScheduleRequest, type UpdateScheduleRequest } from '../../../shared/api';
import { jsonBody, request, requestJson } from './http';

/** The user's recurring runs with their next occurrence and latest run dates. */
export const getSchedules = () => requestJson('/api/schedules', SchedulesResponse);

/** Saves a recurring run; the server checks it as it would check the run and answers with its next occurrence. */
export const createSchedule = (body: z.input<typeof CreateScheduleRequest>) =>
  requestJson('/api/schedules', Schedule, jsonBody('POST', body));

/** Renames, reschedules, pauses or resumes a schedule. */
export const updateSchedule = (id: string, body: z.input<typeof UpdateScheduleRequest>) =>
  requestJson(`/api/schedules/${encodeURIComponent(id)}`, Schedule, jsonBody('PATCH', body));

/** Deletes a schedule; the runs it already planned stay. */
export const deleteSchedule = async (id: string): Promise<void> => {
  await request(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE' });
};
