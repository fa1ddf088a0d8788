/**
 * Request bodies and query strings for Microsoft Graph, built by small pure functions so that what
 * goes over the wire is tested on its own (test/graph/requests.test.ts).
 */
import type { Folder, MessageTag } from '../../../shared/api';
import { formatTag, TAG_HEADER, type OutgoingAttachment, type OutgoingMessage } from '../mailbox';

/** Asks Graph for ids that survive send and move (sent copies keep the draft's id). */
export const PREFER_IMMUTABLE_IDS = 'IdType="ImmutableId"';

/**
 * The named MAPI property that carries `runId:deliveryId`. Graph can `$filter` messages on it
 * across the whole mailbox, which the x- header cannot do. The GUID is Seriatim's own namespace.
 */
export const TAG_PROPERTY_ID = 'String {6d3f1b2a-8c4e-4f0a-9b7d-2e5c1a9f4d83} Name SeriatimTag';

/** Graph refuses a POSTed attachment of 3 MB or more; those go through an upload session. */
export const MAX_SIMPLE_ATTACHMENT_BYTES = 3 * 1024 * 1024;

/** Attachments carried in the draft's own POST while the JSON body stays well under Graph's 4 MB. */
export const MAX_INLINE_BODY_BYTES = 2.5 * 1024 * 1024;

/** Upload chunks: a multiple of 320 KiB (Graph's rule for ranges) and under 4 MB. */
export const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;

/** Fields read when checking where a message is. */
export const MESSAGE_STATE_SELECT = 'id,isDraft,parentFolderId,internetMessageId';

const address = (a: string) => ({ emailAddress: { address: a } });

/** A `#microsoft.graph.fileAttachment` for a POST (bytes as base64). */
export function buildFileAttachment(a: OutgoingAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: a.name,
    contentType: a.contentType,
    contentBytes: Buffer.from(a.content).toString('base64'),
    isInline: Boolean(a.inline || a.contentId),
    ...(a.contentId ? { contentId: a.contentId } : {}),
  };
}

/** Which attachments ride in the draft's POST, which are POSTed alone, which need an upload session. */
export function planAttachments(attachments: readonly OutgoingAttachment[]): {
  inBody: OutgoingAttachment[]; separate: OutgoingAttachment[]; upload: OutgoingAttachment[];
} {
  const plan = { inBody: [] as OutgoingAttachment[], separate: [] as OutgoingAttachment[], upload: [] as OutgoingAttachment[] };
  let budget = MAX_INLINE_BODY_BYTES;
  for (const a of attachments) {
    const encoded = Math.ceil(a.content.byteLength / 3) * 4;
    if (a.content.byteLength >= MAX_SIMPLE_ATTACHMENT_BYTES) plan.upload.push(a);
    else if (encoded <= budget) {
      plan.inBody.push(a);
      budget -= encoded;
    } else plan.separate.push(a);
  }
  return plan;
}

/**
 * The draft for one delivery: recipients, subject, HTML body, the tag twice (as an x- header that
 * travels with the message, and as the filterable property that stays in the mailbox), and the
 * attachments small enough to ride along.
 */
export function buildDraft(message: OutgoingMessage, inBody: readonly OutgoingAttachment[] = []): Record<string, unknown> {
  const tag = formatTag(message.tag);
  const draft: Record<string, unknown> = {
    subject: message.subject,
    body: { contentType: 'HTML', content: message.html },
    toRecipients: message.to.map(address),
    internetMessageHeaders: [{ name: TAG_HEADER, value: tag }],
    singleValueExtendedProperties: [{ id: TAG_PROPERTY_ID, value: tag }],
  };
  if (message.cc?.length) draft.ccRecipients = message.cc.map(address);
  if (message.bcc?.length) draft.bccRecipients = message.bcc.map(address);
  if (message.replyTo) draft.replyTo = [address(message.replyTo)];
  if (inBody.length > 0) draft.attachments = inBody.map(buildFileAttachment);
  return draft;
}

/** An OData string literal: single quotes doubled. */
export function quoteOData(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `$filter` finding the messages that carry a tag, in any folder of the mailbox. */
export function buildTagFilter(tag: MessageTag): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${quoteOData(TAG_PROPERTY_ID)} and ep/value eq ${quoteOData(formatTag(tag))})`;
}

/** A query string with every value percent-encoded (Graph's `$` names stay literal). */
export function buildQuery(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The path that lists a mailbox's messages carrying a tag. */
export function buildTagSearchPath(tag: MessageTag): string {
  return `/me/messages${buildQuery({ $filter: buildTagFilter(tag), $select: MESSAGE_STATE_SELECT, $top: 10 })}`;
}

/** `POST /me/messages/{id}/move` body. */
export function buildMove(folderId: string): { destinationId: string } {
  return { destinationId: folderId };
}

/** `POST .../attachments/createUploadSession` body for one large file. */
export function buildUploadSession(a: OutgoingAttachment): { AttachmentItem: Record<string, unknown> } {
  return {
    AttachmentItem: {
      attachmentType: 'file',
      name: a.name,
      size: a.content.byteLength,
      contentType: a.contentType,
      isInline: Boolean(a.inline || a.contentId),
      ...(a.contentId ? { contentId: a.contentId } : {}),
    },
  };
}

/** Byte ranges of an upload, in order, each with its `Content-Range` header value. */
export function buildUploadRanges(size: number, chunk = UPLOAD_CHUNK_BYTES): Array<{ start: number; end: number; contentRange: string }> {
  const ranges = [];
  for (let start = 0; start < size; start += chunk) {
    const end = Math.min(start + chunk, size) - 1;
    ranges.push({ start, end, contentRange: `bytes ${start}-${end}/${size}` });
  }
  return ranges;
}

/** `POST /me/mailFolders` (or `childFolders`) body. */
export function buildCreateFolder(name: string): { displayName: string } {
  return { displayName: name };
}

/** A Graph mailFolder as Graph returns it (the fields Seriatim reads). */
export interface GraphFolder {
  id: string; displayName: string; parentFolderId?: string | null; childFolderCount?: number; totalItemCount?: number;
}

/** Seriatim's folder from Graph's: top-level folders have no parent; well-known names by id. */
export function toFolder(f: GraphFolder, rootId: string | undefined, wellKnownById: ReadonlyMap<string, string>): Folder {
  const parent = f.parentFolderId ?? null;
  return {
    id: f.id,
    name: f.displayName,
    parentId: parent === null || parent === rootId ? null : parent,
    wellKnownName: wellKnownById.get(f.id) ?? null,
    messageCount: f.totalItemCount ?? 0,
  };
}

/** One inner request of a `$batch`, with the immutable-id preference (inner requests see only their own headers). */
export interface BatchRequest { id: string; method: 'GET'; url: string }

/** `POST /$batch` body: up to 20 requests. */
export function buildBatch(requests: readonly BatchRequest[]): { requests: Array<Record<string, unknown>> } {
  if (requests.length > 20) throw new RangeError('A Graph $batch holds at most 20 requests');
  return {
    requests: requests.map((r) => ({ id: r.id, method: r.method, url: r.url, headers: { Prefer: PREFER_IMMUTABLE_IDS } })),
  };
}

/** A path (relative to the API base) for a link Graph returned, such as `@odata.nextLink`. */
export function toApiPath(link: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return link.startsWith(`${base}/`) ? link.slice(base.length) : link;
}
