import type { Logger } from 'pino';
import type { Folder, MessageDetail, MessageTag } from '../../../shared/api';
import { EXCHANGE_ONLINE_LIMITS, type PacerLimits } from '../../engine/pacer';
import type { Db } from '../../store/db';
import type { Mailbox, MailboxProvider, MessagePage, OutgoingMessage, PageRequest, SavedDraft, SentReceipt } from '../mailbox';
import { formatTag } from '../mailbox';
import { GraphApi } from './client';
import type { GraphContext } from './context';
import { DRAFT_VISIBLE_DELAYS_MS, readSavedDraft } from './draft';
import { findDraft } from './draft-ids';
import { toAppError } from './errors';
import { GraphFolders } from './folders';
import { GraphMessages } from './messages';
import { findSentMessage } from './recovery';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { fileLeftovers, sendMessage, step } from './sender';

/** The person whose mailbox is opened. */
export interface GraphUser { id: string; name: string; email: string }

/** Gives a Graph access token for a user (on behalf of the signed-in user, or from their background grant). */
export interface TokenSource {
  getToken(user: GraphUser): Promise<string>;
}

/** How the Graph provider is built; tests point `graphUrl` at the emulator and shorten the waits. */
export interface GraphProviderOptions {
  db: Db;
  tokens: TokenSource;
  /** Base URL of the API, e.g. https://graph.microsoft.com/v1.0. */
  graphUrl: string;
  limits?: PacerLimits;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Polling schedule while a sent copy lags behind its send. */
  sentCopyDelaysMs?: number[];
  /** Polling schedule while a draft the add-in just saved is not yet visible (404). */
  draftVisibleDelaysMs?: number[];
  /** How often (and after how long) sent copies that could not be filed are tried again. */
  leftoverAfterMs?: number;
  log?: Logger;
}

/** About 15 s in all: Exchange usually files a sent copy within seconds. */
const DEFAULT_SENT_COPY_DELAYS_MS = [250, 500, 1000, 1000, 2000, 2000, 3000, 5000];

/** One user's mailbox in Microsoft 365. */
export class GraphMailbox implements Mailbox {
  readonly provider = 'graph' as const;

  private readonly messages: GraphMessages;

  constructor(
    private readonly ctx: GraphContext,
    private readonly folders: GraphFolders,
    private readonly beforeSend: () => Promise<void>,
    private readonly draftDelaysMs: readonly number[] = DRAFT_VISIBLE_DELAYS_MS,
  ) {
    this.messages = new GraphMessages(ctx.api, ctx.retry);
  }

  /** Graph for this user, for the recipient sources and draft reading (sources/, draft.ts). */
  graph(): { api: GraphApi; retry: RetryPolicy; draftDelaysMs: readonly number[] } {
    return { api: this.ctx.api, retry: this.ctx.retry, draftDelaysMs: this.draftDelaysMs };
  }

  listFolders(): Promise<Folder[]> {
    return this.folders.list();
  }

  findFolder(idOrName: string): Promise<Folder | undefined> {
    return this.folders.find(idOrName);
  }

  createFolder(name: string, parentId?: string): Promise<Folder> {
    return this.folders.create(name, parentId);
  }

  async send(message: OutgoingMessage, options: { folderId: string }): Promise<SentReceipt> {
    await this.beforeSend();
    return sendMessage(this.ctx, message, options.folderId);
  }

  findSent(tag: MessageTag): Promise<SentReceipt | undefined> {
    return step('read', () => findSentMessage(this.ctx, findDraft(this.ctx.db, this.ctx.ownerId, formatTag(tag)), tag));
  }

  async listMessages(folderId: string, page: PageRequest): Promise<MessagePage> {
    const { total, messages, nextOffset } = await this.messages.list(folderId, page);
    if (total !== undefined) return { total, messages, nextOffset };
    // Graph did not count: the folder's own item count is the next best answer.
    const folder = await this.folders.find(folderId);
    return { total: folder?.messageCount ?? page.offset + messages.length, messages, nextOffset };
  }

  getMessage(id: string): Promise<MessageDetail> {
    return this.messages.get(id);
  }

  getRawMessage(id: string): Promise<Buffer> {
    return this.messages.raw(id);
  }

  async readDraft(itemId: string): Promise<SavedDraft> {
    try {
      return await readSavedDraft(this.ctx.api, this.ctx.retry, itemId, this.draftDelaysMs);
    } catch (err) {
      // An interactive call: the user gets a coded error (DRAFT_NOT_FOUND, sign-in, PROVIDER_FAILED), never a 500.
      throw toAppError(err);
    }
  }
}

/** The Microsoft Graph provider: mailboxes of signed-in users, paced like Exchange Online unless told otherwise. */
export function createGraphProvider(options: GraphProviderOptions): MailboxProvider {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const wellKnown = new Map<string, Map<string, string>>();
  const lastSweep = new Map<string, number>();
  const leftoverAfterMs = options.leftoverAfterMs ?? 60_000;
  return {
    name: 'graph',
    limits: options.limits ?? EXCHANGE_ONLINE_LIMITS,
    open(user) {
      const api = new GraphApi(options.graphUrl, () => options.tokens.getToken(user), options.fetch);
      const ctx: GraphContext = {
        db: options.db, ownerId: user.id, api, retry,
        sentCopyDelaysMs: options.sentCopyDelaysMs ?? DEFAULT_SENT_COPY_DELAYS_MS,
        log: options.log?.child({ provider: 'graph' }),
      };
      if (!wellKnown.has(user.id)) wellKnown.set(user.id, new Map());
      const beforeSend = async () => {
        // Now and then, file the copies an earlier send could not; never in the way of this send.
        if (Date.now() - (lastSweep.get(user.id) ?? 0) < leftoverAfterMs) return;
        lastSweep.set(user.id, Date.now());
        await fileLeftovers(ctx, leftoverAfterMs, 5).catch(() => undefined);
      };
      const folders = new GraphFolders(api, retry, wellKnown.get(user.id) as Map<string, string>);
      return new GraphMailbox(ctx, folders, beforeSend, options.draftVisibleDelaysMs);
    },
  };
}
