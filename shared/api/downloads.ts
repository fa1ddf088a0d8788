import { z } from 'zod';

/**
 * `POST /api/downloads`: a link the browser can open without the pane's bearer token (Microsoft
 * mode), for one report, message source or stored file the user may read.
 */
export const DownloadTicketRequest = z.strictObject({
  /** The API path to download, e.g. `/api/runs/RUN_ID/report.xlsx` (no query string). */
  path: z.string().min(1).max(2000).startsWith('/api/'),
});
/** Parsed download-ticket request. */
export type DownloadTicketRequest = z.infer<typeof DownloadTicketRequest>;

/** The path with its ticket (valid for one minute, once), and when it expires. */
export const DownloadTicketResponse = z.object({ url: z.string(), expiresAt: z.string() });
/** Parsed download-ticket response. */
export type DownloadTicketResponse = z.infer<typeof DownloadTicketResponse>;
