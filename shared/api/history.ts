import { z } from 'zod';
import { DeliveryStatus } from './runs';

/** `GET /api/history?address=EMAIL`: the query. */
export const HistoryQuery = z.object({ address: z.string().trim().min(3).max(320) });

/** One delivery to the address, with the run it belonged to. */
export const HistoryEntry = z.object({
  runId: z.string(),
  deliveryId: z.string(),
  subject: z.string(),
  runCreatedAt: z.string(),
  sentAt: z.string().nullable(),
  status: DeliveryStatus,
  reason: z.string().nullable(),
});
/** Parsed history entry. */
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** `GET /api/history`: every delivery to one address across the signed-in user's runs, newest first. */
export const HistoryResponse = z.object({ address: z.string(), entries: z.array(HistoryEntry) });
/** Parsed history. */
export type HistoryResponse = z.infer<typeof HistoryResponse>;
