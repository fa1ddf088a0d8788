import { ListSummary, SourcesResponse, type CreateListFromSourceRequest } from '../../../shared/api';
import { jsonBody, requestJson } from './http';

/** What the signed-in user can read recipients from; with `q`, the groups whose name starts with it. */
export const getSources = (q?: string) =>
  requestJson(`/api/sources${q ? `?q=${encodeURIComponent(q)}` : ''}`, SourcesResponse);

/** Reads a Microsoft 365 source (contacts, a folder, the directory, a group, a draft's To/Cc) into a new list. */
export const createListFromSource = (body: CreateListFromSourceRequest) =>
  requestJson('/api/lists/from-source', ListSummary, jsonBody('POST', body));

/** Reads a list's Microsoft 365 source again, replacing its rows. */
export const refreshList = (id: string) =>
  requestJson(`/api/lists/${encodeURIComponent(id)}/refresh`, ListSummary, { method: 'POST' });
