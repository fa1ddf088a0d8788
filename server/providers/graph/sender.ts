/**
 * Sending one delivery through Graph, each step written to the store before it is tried, so that
 * a crash or a lost reply at any point is resolved by looking at one id (recovery.ts):
 * record 'creating' → POST /me/messages → record the id ('draft') → attachments ('ready') →
 * 'sending' → POST .../send → 'sent' → wait for the sent copy → move it → 'filed'.
 */
import { ProviderError } from '../../engine/classify';
import { AppError } from '../../errors';
import type { OutgoingMessage, SentReceipt } from '../mailbox';
import { formatTag } from '../mailbox';
import { postAttachment, uploadAttachment } from './attachments';
import type { GraphContext } from './context';
import { beginDraft, deleteDraft, findDraft, listUnfiled, updateDraft } from './draft-ids';
import { toProviderError, type GraphStage } from './errors';
import { discardDraft, resolveRecord, sendUnconfirmed, settleSent } from './recovery';
import { buildDraft, planAttachments } from './requests';
import { signInRequired } from './retry';
import { probeMessage, toReceipt, waitForSentCopy, type MessageState } from './sent-copy';

/** Runs one step of the send path and classifies its failure for the engine. */
export async function step<T>(stage: GraphStage, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = toProviderError(err, stage);
    throw e instanceof AppError ? signInRequired(e) : e;
  }
}

/** Creates the complete draft; returns its immutable id and Internet Message-ID. */
async function createDraft(ctx: GraphContext, message: OutgoingMessage, tag: string, folderId: string): Promise<MessageState> {
  beginDraft(ctx.db, ctx.ownerId, tag, folderId);
  const plan = planAttachments(message.attachments ?? []);
  const draft = await step('create', () => ctx.api.post<MessageState>('/me/messages', buildDraft(message, plan.inBody)));
  updateDraft(ctx.db, ctx.ownerId, tag, { state: 'draft', draftId: draft.id, messageId: draft.internetMessageId ?? null });
  await step('create', async () => {
    for (const a of plan.separate) await postAttachment(ctx.api, draft.id, a);
    for (const a of plan.upload) await uploadAttachment(ctx.api, draft.id, a);
  });
  updateDraft(ctx.db, ctx.ownerId, tag, { state: 'ready' });
  return draft;
}

/**
 * POST .../send, recording 'sending' first; a refusal leaves the draft reusable (or removes it when
 * permanent), unless the draft is no longer an unsent draft: then the outcome is unknown.
 */
async function submit(ctx: GraphContext, tag: string, draftId: string): Promise<void> {
  updateDraft(ctx.db, ctx.ownerId, tag, { state: 'sending' });
  try {
    await step('send', () => ctx.api.post(`/me/messages/${encodeURIComponent(draftId)}/send`));
  } catch (err) {
    if (!(err instanceof ProviderError) || err.outcome !== 'not-sent') throw err;
    if (err.kind === 'permanent') {
      // Left 'sending' for findSent to settle: the refusal may be of a draft already sent. Only a
      // refusal Graph names (recipient, size, send-as, …) of a draft still unsent is certain; a
      // bare 400/404 may be a send already in transit, which can show as a draft for a moment.
      if (!NAMED_REFUSALS.has(err.code) || !(await isUnsentDraft(ctx, draftId))) throw sendUnconfirmed(err);
      // Nothing will make this draft sendable; do not leave it in the user's Drafts.
      await discardDraft(ctx, draftId).catch(() => undefined);
      deleteDraft(ctx.db, ctx.ownerId, tag);
    } else {
      updateDraft(ctx.db, ctx.ownerId, tag, { state: 'ready' });
    }
    throw err;
  }
  updateDraft(ctx.db, ctx.ownerId, tag, { state: 'sent' });
}

/** Codes of refusals Graph names, which are about the message itself and never about a send in flight. */
const NAMED_REFUSALS = new Set(['MAILBOX_FULL', 'SEND_AS_DENIED', 'RECIPIENT_REJECTED', 'MESSAGE_TOO_LARGE', 'TOO_MANY_RECIPIENTS', 'MAILBOX_NOT_ENABLED']);

/**
 * Whether a draft whose send was refused is still an unsent draft. Graph refuses to send a draft
 * that is gone (404, also while a sent copy is in transit) or no longer a draft (400): that happens
 * when the send of a process that died with it in flight was carried out after the next process
 * found the draft unsent and sent it again. Only a draft still there was certainly not sent.
 */
async function isUnsentDraft(ctx: GraphContext, draftId: string): Promise<boolean> {
  const state = await probeMessage(ctx.api, draftId, ctx.retry).catch(() => 'missing' as const);
  return state !== 'missing' && state.isDraft;
}

/**
 * Sends a delivery once. Idempotent by tag: a delivery whose message already went out is
 * answered with it, a complete unsent draft is sent as it is, anything else is rebuilt.
 */
export async function sendMessage(ctx: GraphContext, message: OutgoingMessage, folderId: string): Promise<SentReceipt> {
  const tag = formatTag(message.tag);
  const rec = findDraft(ctx.db, ctx.ownerId, tag);
  let draftId: string | undefined;
  let internetMessageId: string | null | undefined = rec?.messageId;
  if (rec) {
    const r = await step('read', () => resolveRecord(ctx, rec, message.tag));
    if (r.kind === 'sent') return r.receipt;
    if (r.kind === 'reuse') draftId = r.draftId;
  }
  if (!draftId) {
    const draft = await createDraft(ctx, message, tag, folderId);
    draftId = draft.id;
    internetMessageId = draft.internetMessageId;
  }
  await submit(ctx, tag, draftId);
  // From here on the message has gone out: nothing below may turn into a failed delivery.
  try {
    const state = await waitForSentCopy(ctx.api, draftId, ctx.sentCopyDelaysMs, ctx.retry, { justSent: true });
    if (state !== 'missing' && !state.isDraft) return await settleSent(ctx, { tag, folderId, messageId: internetMessageId ?? null }, state);
    ctx.log?.warn({ stage: 'file', tag }, 'sent copy has not appeared yet; it will be filed later');
  } catch (err) {
    ctx.log?.warn({ stage: 'file', tag, err: (err as Error).message }, 'sent copy not filed yet');
  }
  return toReceipt(draftId, internetMessageId);
}

/** Files sent copies that an earlier pass could not (the copy lagged, or the move failed). */
export async function fileLeftovers(ctx: GraphContext, olderThanMs: number, limit: number): Promise<void> {
  const before = new Date(Date.now() - olderThanMs).toISOString();
  for (const rec of listUnfiled(ctx.db, ctx.ownerId, before, limit)) {
    const [runId, deliveryId] = rec.tag.split(':');
    await resolveRecord(ctx, rec, { runId, deliveryId }).catch((err: Error) => {
      ctx.log?.warn({ stage: 'file', tag: rec.tag, err: err.message }, 'sent copy still not filed');
    });
  }
}
