import type { Folder, MessageDetail, MessageSummary, MessageTag } from '../../shared/api';
import type { PacerLimits } from '../engine/pacer';

/** A file sent with a message; an inline one is shown where the HTML says `cid:<contentId>`. */
export interface OutgoingAttachment {
  name: string;
  contentType: string;
  content: Uint8Array;
  /** Set for inline images referenced from the HTML body. */
  contentId?: string;
  inline?: boolean;
}

/** A complete message ready to send: merged, addressed and tagged with its run and delivery. */
export interface OutgoingMessage {
  from: { name: string; address: string };
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Correlates the message with its delivery: recovery after a crash and bounce matching use it. */
  tag: MessageTag;
  /** The RFC 5322 Message-ID, without angle brackets; derived from the delivery so it is stable. */
  messageId: string;
  /** Files sent with the message (the template's, or this recipient's own). */
  attachments?: OutgoingAttachment[];
}

/** A draft the author saved in Outlook, read back from their mailbox. */
export interface SavedDraft {
  subject: string;
  /** The body as HTML (a plain-text draft is converted); inline images stay `cid:` references. */
  html: string;
  to: string[];
  cc: string[];
  /** File attachments with their bytes, inline images (with `contentId`) included. */
  attachments: OutgoingAttachment[];
  /** Attachments that are not files (attached Outlook items, cloud links), which cannot be sent with each message. */
  skipped: Array<{ name: string; kind: string }>;
}

/** What a provider reports about a message it sent (or found already sent). */
export interface SentReceipt { messageId: string; providerId: string }

/** Which slice of a folder to list: `limit` messages after the first `offset`, newest first. */
export interface PageRequest { offset: number; limit: number }

/** One slice of a folder's messages, how many the folder holds in all, and where the next slice starts (null: none). */
export interface MessagePage { total: number; messages: MessageSummary[]; nextOffset: number | null }

/**
 * A person's mailbox as the engine and the HTTP layer see it. Implementations: local (embedded),
 * graph, smtp. Failures are thrown as `ProviderError` (engine/classify) so they are classified once.
 */
export interface Mailbox {
  readonly provider: 'local' | 'graph' | 'smtp';
  /** The largest message (encoded, attachments included) it accepts; absent: Exchange's default 35 MB. */
  readonly maxMessageBytes?: number;
  listFolders(): Promise<Folder[]>;
  /** A folder by id, well-known name (`sentitems`) or top-level display name. */
  findFolder(idOrName: string): Promise<Folder | undefined>;
  /** Creates a folder; throws AppError FOLDER_EXISTS when the name is taken. */
  createFolder(name: string, parentId?: string): Promise<Folder>;
  /** Sends one message and files its sent copy in `folderId`. */
  send(message: OutgoingMessage, options: { folderId: string }): Promise<SentReceipt>;
  /** Asks whether a message with this tag already went out: the exactly-once check after a crash. */
  findSent(tag: MessageTag): Promise<SentReceipt | undefined>;
  /** A page of a folder's messages, newest first; throws AppError FOLDER_NOT_FOUND for an unknown folder. */
  listMessages(folderId: string, page: PageRequest): Promise<MessagePage>;
  /** One message with its headers, decoded bodies and attachment list; throws AppError NOT_FOUND when it is not there. */
  getMessage(id: string): Promise<MessageDetail>;
  /** One message's full MIME source; throws AppError NOT_FOUND when it is not there. */
  getRawMessage(id: string): Promise<Buffer>;
  /**
   * Reads a draft the author saved in Outlook, by its REST or immutable id, waiting (bounded) until
   * the saved copy is visible; throws AppError DRAFT_NOT_FOUND when it never shows up. Absent on
   * providers whose mailbox has no Outlook drafts (local, SMTP).
   */
  readDraft?(itemId: string): Promise<SavedDraft>;
}

/** Opens mailboxes of one kind and states the sending limits that kind must be kept under. */
export interface MailboxProvider {
  readonly name: 'local' | 'graph' | 'smtp';
  readonly limits: PacerLimits;
  open(user: { id: string; name: string; email: string }): Mailbox;
}

/** The value of the `X-Seriatim-Tag` header carried by every message. */
export function formatTag(tag: MessageTag): string {
  return `${tag.runId}:${tag.deliveryId}`;
}

/**
 * The run and delivery named by a tag value (`runId:deliveryId`), or null when it is not one.
 * Every provider reads tags through this, so a message shows the same tag whichever holds it.
 */
export function parseTag(value: string | null | undefined): MessageTag | null {
  const [runId, deliveryId] = value?.split(':') ?? [];
  return runId && deliveryId ? { runId, deliveryId } : null;
}

/** Name of the header that carries the tag. */
export const TAG_HEADER = 'X-Seriatim-Tag';
