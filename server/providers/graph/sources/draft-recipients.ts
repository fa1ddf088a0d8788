import type { GraphApi } from '../client';
import { whenDraftVisible } from '../draft';
import { buildQuery } from '../requests';
import { withRetry, type RetryPolicy } from '../retry';
import { text, type SourceRow } from './rows';

type GraphRecipient = { emailAddress?: { address?: string; name?: string } };

/** A saved draft's subject and addressees, as Graph returns the fields read here. */
export interface GraphDraftRecipients {
  id?: string;
  subject?: string;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
}

/**
 * One row per addressee of the draft, To before Cc, each address once (case-insensitively, the
 * first kept): `email`, `name` (as Outlook shows it, null when it is only the address) and
 * `recipientType` (to or cc).
 */
export function draftRecipientRows(draft: GraphDraftRecipients): SourceRow[] {
  const seen = new Set<string>();
  const rows: SourceRow[] = [];
  const add = (list: GraphRecipient[] | undefined, recipientType: 'to' | 'cc') => {
    for (const r of list ?? []) {
      const email = text(r.emailAddress?.address?.trim());
      if (!email || seen.has(email.toLowerCase())) continue;
      seen.add(email.toLowerCase());
      const name = text(r.emailAddress?.name?.trim());
      rows.push({ email, name: name && name.toLowerCase() !== email.toLowerCase() ? name : null, recipientType });
    }
  };
  add(draft.toRecipients, 'to');
  add(draft.ccRecipients, 'cc');
  return rows;
}

/**
 * Reads only the subject, To and Cc of a draft the add-in has just saved (never its attachments).
 * Until Outlook has synced the draft Graph answers 404 for its id, so a 404 is waited out on the
 * given schedule, then reported as DRAFT_NOT_FOUND, as reading a draft for a template does.
 */
export async function readDraftRecipients(
  api: GraphApi, retry: RetryPolicy, itemId: string, delaysMs: readonly number[],
): Promise<{ id: string | null; subject: string; rows: SourceRow[] }> {
  const path = `/me/messages/${encodeURIComponent(itemId)}${buildQuery({ $select: 'id,subject,toRecipients,ccRecipients' })}`;
  const draft = await whenDraftVisible(itemId, delaysMs, () => withRetry(retry, () => api.get<GraphDraftRecipients>(path)));
  return { id: draft.id ?? null, subject: draft.subject ?? '', rows: draftRecipientRows(draft) };
}
