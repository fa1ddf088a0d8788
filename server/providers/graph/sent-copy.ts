import type { SentReceipt } from '../mailbox';
import type { GraphApi } from './client';
import { isNotFound } from './errors';
import { buildMove, buildQuery, MESSAGE_STATE_SELECT } from './requests';
import { sleep, withRetry, type RetryPolicy } from './retry';

/** Where a message is, as Graph reports it. */
export interface MessageState { id: string; isDraft: boolean; parentFolderId: string; internetMessageId?: string }

const path = (id: string) => `/me/messages/${encodeURIComponent(id)}`;

/** The message's state now, or 'missing' (a 404: deleted, or a sent copy not yet in Sent Items). */
export async function probeMessage(api: GraphApi, id: string, retry: RetryPolicy): Promise<MessageState | 'missing'> {
  try {
    return await withRetry(retry, () => api.get<MessageState>(`${path(id)}${buildQuery({ $select: MESSAGE_STATE_SELECT })}`));
  } catch (err) {
    if (isNotFound(err)) return 'missing';
    throw err;
  }
}

/**
 * Waits out the sent-copy lag. Exchange files the Sent Items copy only once the message has gone
 * out, which takes time; meanwhile the immutable id answers 404 (or, briefly, still the draft).
 * Polls on the given schedule, so the wait is bounded; returns the last state seen.
 */
export async function waitForSentCopy(
  api: GraphApi, id: string, delaysMs: readonly number[], retry: RetryPolicy, options: { justSent?: boolean } = {},
): Promise<MessageState | 'missing'> {
  // Right after a send the copy is never there yet: the first look would be a wasted request.
  if (options.justSent && delaysMs.length > 0) await sleep(delaysMs[0]);
  let state = await probeMessage(api, id, retry);
  for (const delay of options.justSent ? delaysMs.slice(1) : delaysMs) {
    if (state !== 'missing' && !state.isDraft) return state;
    await sleep(delay);
    state = await probeMessage(api, id, retry);
  }
  return state;
}

/**
 * Moves a sent copy into the chosen folder unless it is there already. Safe to repeat: a lost
 * reply is retried, and the immutable id survives the move, so the same id is moved again at worst.
 */
export async function fileSentCopy(api: GraphApi, state: MessageState, folderId: string, retry: RetryPolicy): Promise<MessageState> {
  if (state.parentFolderId === folderId) return state;
  const moved = await withRetry(retry, () => api.post<MessageState>(`${path(state.id)}/move`, buildMove(folderId)));
  return { ...state, id: moved?.id ?? state.id, parentFolderId: moved?.parentFolderId ?? folderId };
}

/** The Internet Message-ID without its angle brackets. */
export function bareMessageId(id: string | null | undefined): string {
  return (id ?? '').replace(/^<|>$/g, '');
}

/** What the engine records for a sent message. */
export function toReceipt(id: string, internetMessageId: string | null | undefined): SentReceipt {
  return { messageId: bareMessageId(internetMessageId), providerId: id };
}
