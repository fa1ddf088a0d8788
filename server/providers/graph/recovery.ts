/**
 * What became of a delivery's Graph message. The stored draft id is asked first (one GET); only
 * without one is the mailbox searched by the tag property. A draft is never "sent", a message in
 * Sent Items or the chosen folder always is, and a send whose fate cannot be seen yet is reported
 * as unconfirmed rather than guessed: guessing "not sent" would send it twice.
 */
import type { MessageTag } from '../../../shared/api';
import { ProviderError } from '../../engine/classify';
import type { SentReceipt } from '../mailbox';
import { formatTag } from '../mailbox';
import type { GraphContext } from './context';
import { deleteDraft, updateDraft, type DraftRecord } from './draft-ids';
import { isNotFound } from './errors';
import { buildTagSearchPath } from './requests';
import { withRetry } from './retry';
import { fileSentCopy, probeMessage, toReceipt, waitForSentCopy, type MessageState } from './sent-copy';

/** What to do about a delivery's existing record. */
export type Resolution =
  | { kind: 'sent'; receipt: SentReceipt }
  /** A complete draft that certainly was not sent: send it as it is. */
  | { kind: 'reuse'; draftId: string }
  /** Nothing usable is left: build the draft again. */
  | { kind: 'rebuild' };

/** Messages carrying the tag, in any folder (drafts included). */
export async function searchByTag(ctx: GraphContext, tag: MessageTag): Promise<MessageState[]> {
  const page = await withRetry(ctx.retry, () => ctx.api.get<{ value: MessageState[] }>(buildTagSearchPath(tag)));
  return page.value;
}

/** Deletes a draft; one already gone is fine. */
export async function discardDraft(ctx: GraphContext, draftId: string): Promise<void> {
  try {
    await withRetry(ctx.retry, () => ctx.api.delete(`/me/messages/${encodeURIComponent(draftId)}`));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Files a sent message in the record's folder and marks it filed; filing failures are left for later. */
export async function settleSent(ctx: GraphContext, rec: Pick<DraftRecord, 'tag' | 'folderId' | 'messageId'>, state: MessageState): Promise<SentReceipt> {
  updateDraft(ctx.db, ctx.ownerId, rec.tag, { state: 'sent', draftId: state.id, messageId: state.internetMessageId ?? null });
  try {
    const filed = await fileSentCopy(ctx.api, state, rec.folderId, ctx.retry);
    updateDraft(ctx.db, ctx.ownerId, rec.tag, { state: 'filed' });
    return toReceipt(filed.id, state.internetMessageId ?? rec.messageId);
  } catch (err) {
    // The message went out; only its copy is in the wrong folder. A later pass files it.
    ctx.log?.warn({ stage: 'file', tag: rec.tag, err: (err as Error).message }, 'sent copy not filed yet');
    return toReceipt(state.id, state.internetMessageId ?? rec.messageId);
  }
}

/** Decides what an existing record means, looking at the mailbox as little as needed. */
export async function resolveRecord(ctx: GraphContext, rec: DraftRecord, tag: MessageTag): Promise<Resolution> {
  if (rec.state === 'filed' && rec.draftId) return { kind: 'sent', receipt: toReceipt(rec.draftId, rec.messageId) };
  if (!rec.draftId) return resolveByTag(ctx, rec, tag);
  if (rec.state === 'sent') {
    const state = await waitForSentCopy(ctx.api, rec.draftId, ctx.sentCopyDelaysMs, ctx.retry);
    if (state !== 'missing' && !state.isDraft) return { kind: 'sent', receipt: await settleSent(ctx, rec, state) };
    // Still no copy (or the user deleted it): touch the record so later passes take others first.
    updateDraft(ctx.db, ctx.ownerId, rec.tag, { state: 'sent' });
    return { kind: 'sent', receipt: toReceipt(rec.draftId, rec.messageId) };
  }
  if (rec.state === 'sending') return resolveUnconfirmed(ctx, rec, tag);
  const state = await probeMessage(ctx.api, rec.draftId, ctx.retry);
  if (state === 'missing') return { kind: 'rebuild' };
  // Sent from Outlook by hand while we were away: it went out all the same.
  if (!state.isDraft) return { kind: 'sent', receipt: await settleSent(ctx, rec, state) };
  if (rec.state === 'ready') return { kind: 'reuse', draftId: rec.draftId };
  await discardDraft(ctx, rec.draftId);
  return { kind: 'rebuild' };
}

/** The draft POST got no answer: a draft with the tag may exist without our knowing its id. */
async function resolveByTag(ctx: GraphContext, rec: DraftRecord, tag: MessageTag): Promise<Resolution> {
  const found = await searchByTag(ctx, tag);
  const sent = found.find((m) => !m.isDraft);
  if (sent) return { kind: 'sent', receipt: await settleSent(ctx, rec, sent) };
  for (const draft of found) await discardDraft(ctx, draft.id);
  return { kind: 'rebuild' };
}

/** POST .../send got no clear answer. Wait for the sent copy; a draft still there was not sent. */
async function resolveUnconfirmed(ctx: GraphContext, rec: DraftRecord, tag: MessageTag): Promise<Resolution> {
  const draftId = rec.draftId as string;
  const state = await waitForSentCopy(ctx.api, draftId, ctx.sentCopyDelaysMs, ctx.retry);
  if (state !== 'missing' && !state.isDraft) return { kind: 'sent', receipt: await settleSent(ctx, rec, state) };
  if (state !== 'missing') {
    updateDraft(ctx.db, ctx.ownerId, rec.tag, { state: 'ready' });
    return { kind: 'reuse', draftId };
  }
  const sent = (await searchByTag(ctx, tag)).find((m) => !m.isDraft);
  if (sent) return { kind: 'sent', receipt: await settleSent(ctx, rec, sent) };
  throw sendUnconfirmed();
}

/** A send whose outcome cannot be seen yet: the engine asks findSent again before anything is resent. */
export function sendUnconfirmed(cause?: unknown): ProviderError {
  return new ProviderError({
    kind: 'transient', code: 'SEND_UNCONFIRMED', outcome: 'unknown', cause,
    message: 'The message may have been sent, but its copy has not appeared yet; it will be checked again before anything is resent.',
  });
}

/** findSent: the record's verdict, or a search by tag when there is no record. */
export async function findSentMessage(ctx: GraphContext, rec: DraftRecord | undefined, tag: MessageTag): Promise<SentReceipt | undefined> {
  if (!rec) {
    const found = await searchByTag(ctx, tag);
    const sent = found.find((m) => !m.isDraft);
    return sent && toReceipt(sent.id, sent.internetMessageId);
  }
  const r = await resolveRecord(ctx, rec, tag);
  if (r.kind === 'sent') return r.receipt;
  if (r.kind === 'rebuild') deleteDraft(ctx.db, ctx.ownerId, formatTag(tag));
  return undefined;
}
