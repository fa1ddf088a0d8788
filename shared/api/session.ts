import { z } from 'zod';
import { BackgroundGrantStatus } from './background-grant';

/** `GET /api/me`: who the server thinks is asking, and how it sends for them. */
export const MeResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  /** How the pane signs in: `local` (one user on this computer) or `microsoft` (Microsoft 365). */
  mode: z.enum(['local', 'microsoft']),
  /** Where messages go: the embedded local mailbox, or the user's mailbox through Microsoft Graph. */
  provider: z.enum(['local', 'graph', 'smtp']),
  /** The limits this user's mailbox is paced to: the provider's, or their organisation's where set. */
  limits: z.object({ perMinute: z.number().int(), perDay: z.number().int(), concurrency: z.number().int() }),
  /** Whether the user has the `Seriatim.Admin` role (the local user always has). */
  admin: z.boolean(),
  /** Microsoft mode: whether runs may keep sending with Outlook closed; null in local mode, which needs no grant. */
  backgroundGrant: BackgroundGrantStatus.nullable(),
});
/** Parsed session. */
export type MeResponse = z.infer<typeof MeResponse>;
