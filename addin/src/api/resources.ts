import {
  AudiencePreview,
  CreateFolderRequest,
  DeliveriesResponse,
  Folder,
  FoldersResponse,
  HistoryResponse,
  ListRowsResponse,
  ListSummary,
  ListsResponse,
  MeResponse,
  MessageDetail,
  MessagesResponse,
  PreviewResponse,
  Run,
  RunsResponse,
  TestMessageResponse,
  type CreateRunRequest,
  type DeliveryStatus,
  type PreviewRequest,
  type TestMessageRequest,
} from '../../../shared/api';
import type { CreateRunRequest as CreateRunSchema, PreviewRequest as PreviewSchema } from '../../../shared/api';
import type { z } from 'zod';
import type { AudienceSpec } from '../../../shared/api';

/** An audience as the client writes it (before the server's defaults). */
type AudienceSpecInput = z.input<typeof AudienceSpec>;
import { jsonBody, request, requestJson } from './http';

const enc = encodeURIComponent;

/** Who is signed in, the mode and the mailbox's limits. */
export const getMe = () => requestJson('/api/me', MeResponse);

/** The user's saved lists and the sample lists. */
export const getLists = () => requestJson('/api/lists', ListsResponse);

/** One list's summary. */
export const getList = (id: string) => requestJson(`/api/lists/${enc(id)}`, ListSummary);

/** A page of a list's rows. */
export const getListRows = (id: string, offset = 0, limit = 50) =>
  requestJson(`/api/lists/${enc(id)}/rows?offset=${offset}&limit=${limit}`, ListRowsResponse);

/** Uploads a CSV/XLSX file as a new list. */
export const uploadList = (file: File) =>
  requestJson(`/api/lists?fileName=${enc(file.name)}&name=${enc(file.name.replace(/\.[^.]+$/, ''))}`, ListSummary, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });

/** Deletes an uploaded list. */
export const deleteList = async (id: string): Promise<void> => {
  await request(`/api/lists/${enc(id)}`, { method: 'DELETE' });
};

/** The mailbox's folders. */
export const getFolders = () => requestJson('/api/mailbox/folders', FoldersResponse);

/** Creates a folder. */
export const createFolder = (body: z.input<typeof CreateFolderRequest>) =>
  requestJson('/api/mailbox/folders', Folder, jsonBody('POST', body));

/** A page of a folder's messages. */
export const getMessages = (folderId: string, offset = 0, limit = 50) =>
  requestJson(`/api/mailbox/folders/${enc(folderId)}/messages?offset=${offset}&limit=${limit}`, MessagesResponse);

/** One stored message with headers and bodies. */
export const getMessage = (id: string) => requestJson(`/api/mailbox/messages/${enc(id)}`, MessageDetail);

/** The API path of a message's MIME source (open it with a DownloadLink). */
export const rawMessagePath = (id: string) => `/api/mailbox/messages/${enc(id)}/raw`;

/** Merges the template for one row and analyses it. */
export const preview = (body: z.input<typeof PreviewSchema> | PreviewRequest) =>
  requestJson('/api/preview', PreviewResponse, jsonBody('POST', body));

/** Sends one merged test message to an address. */
export const sendTestMessage = (body: TestMessageRequest) =>
  requestJson('/api/test-message', TestMessageResponse, jsonBody('POST', body));

/** Plans and starts a run. */
export const createRun = (body: z.input<typeof CreateRunSchema> | CreateRunRequest) =>
  requestJson('/api/runs', Run, jsonBody('POST', body));

/** The user's runs. */
export const getRuns = () => requestJson('/api/runs', RunsResponse);

/** One run. */
export const getRun = (id: string) => requestJson(`/api/runs/${enc(id)}`, Run);

/** A page of a run's deliveries, optionally of one status. */
export const getDeliveries = (id: string, status: DeliveryStatus | null, offset = 0, limit = 50) =>
  requestJson(
    `/api/runs/${enc(id)}/deliveries?${status ? `status=${status}&` : ''}offset=${offset}&limit=${limit}`,
    DeliveriesResponse,
  );

/** The API path of a run's CSV report (open it with a DownloadLink). */
export const reportCsvPath = (id: string) => `/api/runs/${enc(id)}/report.csv`;

/** Pauses, resumes or cancels a run. */
export const controlRun = (id: string, action: 'pause' | 'resume' | 'cancel') =>
  requestJson(`/api/runs/${enc(id)}/${action}`, Run, { method: 'POST' });

/** Every delivery to one address across the user's runs. */
export const getHistory = (address: string) => requestJson(`/api/history?address=${enc(address)}`, HistoryResponse);

/** The API path of a run's XLSX report (open it with a DownloadLink). */
export const reportXlsxPath = (id: string) => `/api/runs/${enc(id)}/report.xlsx`;

/** Sends the failed deliveries of a finished run again. */
export const retryFailed = (id: string) => requestJson(`/api/runs/${enc(id)}/retry-failed`, Run, { method: 'POST' });

/** Who a run with this audience would reach (counts only when `limit` is 0). */
export const previewAudience = (body: { listId: string; emailColumn?: string; audience?: AudienceSpecInput; limit?: number }) =>
  requestJson('/api/audience/preview', AudiencePreview, jsonBody('POST', body));
