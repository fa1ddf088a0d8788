import { AppError } from '../../errors';
import { referencedContentIds } from '../../mail/content-ids';
import type { OutgoingAttachment, SavedDraft } from '../mailbox';
import type { GraphApi } from './client';
import { isNotFound } from './errors';
import { readAll } from './paging';
import { buildQuery } from './requests';
import { sleep, withRetry, type RetryPolicy } from './retry';

/** A draft as a template: what the user wrote in Outlook, with its files. */
export type DraftTemplate = SavedDraft;

interface GraphDraft {
  subject?: string; body?: { contentType?: string; content?: string };
  toRecipients?: Array<{ emailAddress?: { address?: string } }>; ccRecipients?: Array<{ emailAddress?: { address?: string } }>;
}

interface GraphAttachment { '@odata.type'?: string; id: string; name: string; contentType?: string; size?: number; isInline?: boolean; contentId?: string | null }

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A plain-text body as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return `<div>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</div>`;
}

const addresses = (list: GraphDraft['toRecipients']) => (list ?? []).map((r) => r.emailAddress?.address).filter((a): a is string => Boolean(a));

/**
 * Reads a saved draft: subject, HTML body, recipients, and each file attachment's bytes (fetched
 * one by one through `$value`, never all inline in one response, since files may be 150 MB).
 */
export async function readDraft(api: GraphApi, retry: RetryPolicy, messageId: string): Promise<DraftTemplate> {
  const path = `/me/messages/${encodeURIComponent(messageId)}`;
  const draft = await withRetry(retry, () => api.get<GraphDraft>(`${path}${buildQuery({ $select: 'subject,body,toRecipients,ccRecipients' })}`));
  const listed = await readAll<GraphAttachment>(api, `${path}/attachments${buildQuery({ $select: 'id,name,contentType,size,isInline,contentId' })}`, retry);
  const body = draft.body ?? {};
  const html = (body.contentType ?? '').toLowerCase() === 'html' ? body.content ?? '' : textToHtml(body.content ?? '');
  const shown = new Set(referencedContentIds(html).map((id) => id.toLowerCase()));
  const attachments: OutgoingAttachment[] = [];
  const skipped: DraftTemplate['skipped'] = [];
  for (const a of listed) {
    const kind = (a['@odata.type'] ?? '#microsoft.graph.fileAttachment').replace('#microsoft.graph.', '');
    if (kind !== 'fileAttachment') {
      skipped.push({ name: a.name, kind });
      continue;
    }
    const content = await withRetry(retry, () => api.getBytes(`${path}/attachments/${encodeURIComponent(a.id)}/$value`));
    // Graph may say isInline: false for an image the body shows through cid: (a known service
    // bug), so an attachment the HTML references is inline whatever the flag says.
    const contentId = a.contentId ? a.contentId.replace(/^<|>$/g, '') : null;
    const inline = Boolean(contentId && (a.isInline || shown.has(contentId.toLowerCase())));
    attachments.push({
      name: a.name, contentType: a.contentType ?? 'application/octet-stream', content,
      ...(inline ? { inline: true, contentId: contentId as string } : {}),
    });
  }
  return { subject: draft.subject ?? '', html, to: addresses(draft.toRecipients), cc: addresses(draft.ccRecipients), attachments, skipped };
}

/**
 * About 20 s in all: Outlook on the web saves drafts to Exchange at once, classic Outlook in cached
 * mode syncs them later; past this the user is told to try again rather than kept waiting.
 */
export const DRAFT_VISIBLE_DELAYS_MS: readonly number[] = [250, 500, 1000, 1000, 2000, 2000, 3000, 5000, 5000];

/**
 * Reads something of a draft the add-in has just saved. Outlook's `saveAsync` returns before
 * Exchange has the item when Outlook works from its local cache (classic Outlook on Windows), and
 * until the item syncs Graph answers 404 ErrorItemNotFound for its id. So a 404 is waited out on
 * the given schedule (bounded), then reported as DRAFT_NOT_FOUND; other failures are the caller's.
 */
export async function whenDraftVisible<T>(itemId: string, delaysMs: readonly number[], read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!isNotFound(err)) throw err;
      if (attempt >= delaysMs.length) break;
      await sleep(delaysMs[attempt]);
    }
  }
  const waitedMs = delaysMs.reduce((sum, ms) => sum + ms, 0);
  throw new AppError(
    'DRAFT_NOT_FOUND',
    `The draft is not in your mailbox yet (waited ${Math.round(waitedMs / 1000)} s). Outlook may still be saving it to the server: wait a moment and try again, or click Save in Outlook first.`,
    { itemId, waitedMs },
  );
}

/** Reads a draft the add-in has just saved, as a template, once it is visible. */
export function readSavedDraft(api: GraphApi, retry: RetryPolicy, itemId: string, delaysMs: readonly number[]): Promise<DraftTemplate> {
  return whenDraftVisible(itemId, delaysMs, () => readDraft(api, retry, itemId));
}
