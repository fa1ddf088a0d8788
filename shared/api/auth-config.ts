import { z } from 'zod';

/**
 * `GET /api/auth-config` (public): how the task pane signs in. Local mode needs no token; Microsoft
 * mode names the app registration and the API scope the pane asks an access token for.
 */
export const AuthConfigResponse = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({ mode: z.literal('microsoft'), clientId: z.string(), authority: z.string(), scope: z.string() }),
]);
/** Parsed sign-in configuration. */
export type AuthConfigResponse = z.infer<typeof AuthConfigResponse>;
