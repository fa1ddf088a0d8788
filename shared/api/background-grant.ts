import { z } from 'zod';

/**
 * `GET`/`POST /api/background-grant` (Microsoft mode): whether runs may keep sending while the pane
 * is closed. `grantedAt` is when it was first allowed, `updatedAt` when its sealed token was last
 * replaced; both null when it is not allowed.
 */
export const BackgroundGrantStatus = z.object({
  granted: z.boolean(),
  grantedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
/** Parsed grant status. */
export type BackgroundGrantStatus = z.infer<typeof BackgroundGrantStatus>;
