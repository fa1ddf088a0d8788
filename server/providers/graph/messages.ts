/**
 * Browsing a mailbox through Graph: a folder's messages a page at a time, one message decoded,
 * one message's MIME. Reads only, so each request is retried on throttling and transient failures
 * within the policy; what is left becomes an AppError for the user (never a 500).
 */
import type { MessageDetail, MessageSummary } from '../../../shared/api';
import { AppError } from '../../errors';
import { readMime } from '../../mail/reader';
import type { PageRequest } from '../mailbox';
import { parseTag } from '../mailbox';
import { GraphHttpError, type GraphApi } from './client';
import { toAppError } from './errors';
import { buildQuery, quoteOData, TAG_PROPERTY_ID } from './requests';
import { withRetry, type RetryPolicy } from './retry';
import { bareMessageId } from './sent-copy';

/** The fields a listing shows; Graph returns no headers in lists, so the tag comes from its property. */
export const MESSAGE_SUMMARY_SELECT =
  'id,parentFolderId,subject,toRecipients,ccRecipients,bccRecipients,internetMessageId,createdDateTime,sentDateTime';

/** Expands only Seriatim's tag property (absent from the reply when a message has none). */
export const TAG_EXPAND = `singleValueExtendedProperties($filter=id eq ${quoteOData(TAG_PROPERTY_ID)})`;

type Recipients = Array<{ emailAddress?: { address?: string } }>;

/** A message as Graph returns it for MESSAGE_SUMMARY_SELECT and TAG_EXPAND. */
export interface GraphMessage {
  id: string;
  parentFolderId?: string;
  subject?: string | null;
  toRecipients?: Recipients;
  ccRecipients?: Recipients;
  bccRecipients?: Recipients;
  internetMessageId?: string | null;
  createdDateTime?: string;
  sentDateTime?: string | null;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

/** One page of a message listing, with the count when `$count=true` was asked. */
interface MessageListPage { value: GraphMessage[]; '@odata.nextLink'?: string; '@odata.count'?: number }

/** `GET /me/mailFolders/{id}/messages`: one page, newest first, with the folder's total. */
export function buildFolderMessagesPath(folderId: string, page: PageRequest): string {
  return `/me/mailFolders/${encodeURIComponent(folderId)}/messages${buildQuery({
    $select: MESSAGE_SUMMARY_SELECT,
    $expand: TAG_EXPAND,
    // Graph's own default order, stated so that $skip pages stay in step.
    $orderby: 'receivedDateTime desc',
    $top: page.limit,
    $skip: page.offset > 0 ? page.offset : undefined,
    $count: 'true',
  })}`;
}

/** `GET /me/messages/{id}` with the listing's fields and the tag. */
export function buildMessagePath(id: string): string {
  return `/me/messages/${encodeURIComponent(id)}${buildQuery({ $select: MESSAGE_SUMMARY_SELECT, $expand: TAG_EXPAND })}`;
}

/** `GET /me/messages/{id}/$value`: the message as MIME. */
export function buildRawMessagePath(id: string): string {
  return `/me/messages/${encodeURIComponent(id)}/$value`;
}

const addresses = (list: Recipients | undefined) =>
  (list ?? []).map((r) => r.emailAddress?.address).filter((a): a is string => Boolean(a));

/** Seriatim's summary of a Graph message: recipients as the local mailbox lists them (To, Cc, Bcc). */
export function toMessageSummary(m: GraphMessage): MessageSummary {
  const properties = m.singleValueExtendedProperties ?? [];
  const tag = properties.find((p) => p.id.toLowerCase() === TAG_PROPERTY_ID.toLowerCase()) ?? properties[0];
  return {
    id: m.id,
    folderId: m.parentFolderId ?? '',
    messageId: bareMessageId(m.internetMessageId),
    to: [...addresses(m.toRecipients), ...addresses(m.ccRecipients), ...addresses(m.bccRecipients)],
    subject: m.subject ?? '',
    tag: parseTag(tag?.value),
    // A sent message's time is when it went out; a draft has only its creation time.
    createdAt: m.sentDateTime ?? m.createdDateTime ?? '',
  };
}

/** Graph's "no such item": 404, or 400 for an id that cannot be one (ErrorInvalidIdMalformed). */
function isMissing(err: unknown): boolean {
  return err instanceof GraphHttpError && (err.status === 404 || err.code === 'ErrorInvalidIdMalformed');
}

/** Reads messages of one user's mailbox. */
export class GraphMessages {
  constructor(private readonly api: GraphApi, private readonly retry: RetryPolicy) {}

  /**
   * A page of a folder, in Graph's own `$skip` numbering: Graph may return fewer than `$top`
   * messages while more remain (it counts items that are not messages), so the next page starts at
   * `offset + limit` whenever Graph links one, never at the number of messages shown. `total` is
   * undefined when Graph did not count.
   */
  async list(folderId: string, page: PageRequest): Promise<{ total: number | undefined; messages: MessageSummary[]; nextOffset: number | null }> {
    const folderMissing = () => new AppError('FOLDER_NOT_FOUND', `There is no folder "${folderId}" in the mailbox.`);
    const reply = await this.read(() => this.api.get<MessageListPage>(buildFolderMessagesPath(folderId, page)), folderMissing);
    const total = reply['@odata.count'];
    return {
      total: typeof total === 'number' ? total : undefined,
      messages: reply.value.slice(0, page.limit).map(toMessageSummary),
      nextOffset: reply['@odata.nextLink'] ? page.offset + page.limit : null,
    };
  }

  /** One message: its summary from Graph, headers, bodies and attachments from its MIME (as the local mailbox reads them). */
  async get(id: string): Promise<MessageDetail> {
    const [message, raw] = await Promise.all([
      this.read(() => this.api.get<GraphMessage>(buildMessagePath(id)), () => messageMissing(id)),
      this.raw(id),
    ]);
    return { ...toMessageSummary(message), ...(await readMime(raw)), size: raw.length };
  }

  /** The message's MIME source. */
  async raw(id: string): Promise<Buffer> {
    const bytes = await this.read(() => this.api.getBytes(buildRawMessagePath(id)), () => messageMissing(id));
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private async read<T>(run: () => Promise<T>, missing: () => AppError): Promise<T> {
    try {
      return await withRetry(this.retry, run);
    } catch (err) {
      if (isMissing(err)) throw missing();
      throw toAppError(err);
    }
  }
}

function messageMissing(id: string): AppError {
  return new AppError('NOT_FOUND', `There is no message "${id}" in the mailbox; it may have been deleted.`);
}
