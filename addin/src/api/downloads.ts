import { DownloadTicketResponse } from '../../../shared/api';
import { apiUrl, jsonBody, requestJson } from './http';

/**
 * A URL the browser can open for one download (`path`, e.g. a report): with a one-minute,
 * single-use ticket, since a plain link carries no sign-in in Microsoft mode.
 */
export async function downloadUrl(path: string): Promise<string> {
  const { url } = await requestJson('/api/downloads', DownloadTicketResponse, jsonBody('POST', { path }));
  return apiUrl(url);
}
