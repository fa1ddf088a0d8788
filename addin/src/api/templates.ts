import type { z } from 'zod';
import {
  FileSet,
  SavedTemplate,
  SavedTemplatesResponse,
  StoredFile,
  TemplateFromDraftResponse,
  type CreateTemplateRequest,
  type TemplateFromDraftRequest,
  type UpdateTemplateRequest,
} from '../../../shared/api';
import { jsonBody, request, requestJson } from './http';

const enc = encodeURIComponent;

/** The user's template library, most recently changed first (no bodies). */
export const listTemplates = () => requestJson('/api/templates', SavedTemplatesResponse);

/** One saved template with its subject, body and files. */
export const getTemplate = (id: string) => requestJson(`/api/templates/${enc(id)}`, SavedTemplate);

/** Saves a new template. */
export const createTemplate = (body: z.input<typeof CreateTemplateRequest>) =>
  requestJson('/api/templates', SavedTemplate, jsonBody('POST', body));

/** Changes a template; `{ name }` alone renames it. */
export const updateTemplate = (id: string, body: z.input<typeof UpdateTemplateRequest>) =>
  requestJson(`/api/templates/${enc(id)}`, SavedTemplate, jsonBody('PUT', body));

/** Copies a template ("<name> (copy)" unless a name is given). */
export const duplicateTemplate = (id: string, name?: string) =>
  requestJson(`/api/templates/${enc(id)}/duplicate`, SavedTemplate, jsonBody('POST', name ? { name } : {}));

/** Deletes a template; runs already planned from it keep their text and files. */
export const deleteTemplate = async (id: string): Promise<void> => {
  await request(`/api/templates/${enc(id)}`, { method: 'DELETE' });
};

/** Saves the Outlook draft (by its REST id, after Outlook has saved it) as a template. */
export const templateFromDraft = (body: TemplateFromDraftRequest) =>
  requestJson('/api/templates/from-draft', TemplateFromDraftResponse, jsonBody('POST', body));

/** Uploads one file to send with every message. */
export const uploadFile = (file: File) =>
  requestJson(
    `/api/files?fileName=${enc(file.name)}${file.type ? `&contentType=${enc(file.type)}` : ''}`,
    StoredFile,
    { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file },
  );

/** Uploads a zip of per-recipient files; each row names its own file(s) in it. */
export const uploadZip = (file: File) =>
  requestJson(`/api/files/zip?fileName=${enc(file.name)}`, FileSet, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
