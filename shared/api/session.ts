import { z } from 'zod';

/** `GET /api/me`: who the server thinks is asking, and how it sends. */
export const MeResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  mode: z.enum(['local', 'microsoft']),
  provider: z.enum(['local', 'graph', 'smtp']),
  limits: z.object({ perMinute: z.number().int(), perDay: z.number().int() }),
});
/** Parsed session. */
export type MeResponse = z.infer<typeof MeResponse>;
