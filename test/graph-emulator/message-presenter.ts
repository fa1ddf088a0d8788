import { badRequest } from "./errors";
import { compileFilter } from "./filter";
import { ExpandOption, applySelect } from "./odata";
import { StoredAttachment, StoredMessage } from "./message-model";

const DEFAULT_PROPERTIES = [
  "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
  "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
  "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification",
  "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
];

/** Properties a message has; `internetMessageHeaders` only comes back when selected. */
export const MESSAGE_PROPERTIES: ReadonlySet<string> = new Set([
  ...DEFAULT_PROPERTIES, "internetMessageHeaders", "uniqueBody", "singleValueExtendedProperties", "attachments",
]);

const MESSAGE_TYPE = "Microsoft.OutlookServices.Message";
const EXTENDED_PROPERTY_FIELDS: ReadonlySet<string> = new Set(["id", "value"]);

/** Fails as Outlook does for a $select naming a property a message does not have. */
export function checkMessageSelect(select: string[] | undefined): void {
  for (const property of select ?? []) {
    if (!MESSAGE_PROPERTIES.has(property)) {
      throw badRequest(`Could not find a property named '${property}' on type '${MESSAGE_TYPE}'.`, "RequestBroker--ParseUri");
    }
  }
}

/** The id a client sees: immutable when it asked for immutable ids, the current REST id otherwise. */
export function visibleId(message: StoredMessage, immutableIds: boolean): string {
  return immutableIds ? message.immutableId : message.restId;
}

const ATTACHMENT_ODATA_TYPES = {
  file: "#microsoft.graph.fileAttachment",
  item: "#microsoft.graph.itemAttachment",
  reference: "#microsoft.graph.referenceAttachment",
} as const;

/** An attachment in Graph's shape; a file's `contentBytes` only when the bytes are wanted. */
export function presentAttachment(attachment: StoredAttachment, withBytes = true): Record<string, unknown> {
  const kind = attachment.kind ?? "file";
  const common = {
    "@odata.type": ATTACHMENT_ODATA_TYPES[kind],
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
  };
  // Items and links have no bytes or Content-ID of their own; a link says where the file is.
  if (kind === "item") return common;
  if (kind === "reference") return { ...common, sourceUrl: attachment.sourceUrl ?? null, providerType: "oneDriveBusiness", permission: "view", isFolder: false };
  const shape: Record<string, unknown> = {
    ...common,
    "@odata.mediaContentType": attachment.contentType,
    contentId: attachment.contentId,
    contentLocation: null,
  };
  if (withBytes) shape.contentBytes = attachment.content.toString("base64");
  return shape;
}

function preview(message: StoredMessage): string {
  const text = message.body.contentType === "html" ? message.body.content.replace(/<[^>]*>/g, " ") : message.body.content;
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}

/** Every property of a message, including the ones Graph hides by default; the basis of $filter. */
export function describeMessage(message: StoredMessage, immutableIds: boolean): Record<string, unknown> {
  return {
    "@odata.etag": `W/"${message.changeKey}"`,
    id: visibleId(message, immutableIds),
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: message.changeKey,
    categories: message.categories,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    // Exchange does not count inline images as attachments for this flag.
    hasAttachments: message.attachments.some((attachment) => !attachment.isInline),
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: preview(message),
    importance: message.importance,
    parentFolderId: message.folderId,
    conversationId: message.conversationId,
    isDeliveryReceiptRequested: message.isDeliveryReceiptRequested,
    isReadReceiptRequested: message.isReadReceiptRequested,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.restId)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: "focused",
    body: message.body,
    sender: message.sender,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: message.replyTo,
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: message.internetMessageHeaders,
    singleValueExtendedProperties: message.extendedProperties,
  };
}

/** A message as a GET returns it, honouring $select and $expand (attachments, singleValueExtendedProperties). */
export function presentMessage(
  message: StoredMessage,
  immutableIds: boolean,
  select: string[] | undefined,
  expand: ExpandOption[],
): Record<string, unknown> {
  const full = describeMessage(message, immutableIds);
  const { internetMessageHeaders, singleValueExtendedProperties, ...defaults } = full;
  let shape = applySelect(defaults, select, ["id"]);
  if (select?.includes("internetMessageHeaders")) shape.internetMessageHeaders = internetMessageHeaders;
  for (const option of expand) {
    if (option.property === "attachments") {
      shape = { ...shape, attachments: message.attachments.map((attachment) => presentAttachment(attachment)) };
    } else if (option.property === "singleValueExtendedProperties") {
      const keep = option.filter
        ? compileFilter(option.filter, EXTENDED_PROPERTY_FIELDS, "microsoft.graph.singleValueLegacyExtendedProperty")
        : () => true;
      const properties = (singleValueExtendedProperties as StoredMessage["extendedProperties"]).filter((property) => keep({ ...property }));
      // Graph leaves the collection out entirely when no property matches.
      if (properties.length > 0) shape = { ...shape, singleValueExtendedProperties: properties };
    } else {
      throw badRequest(`Could not find a property named '${option.property}' on type '${MESSAGE_TYPE}'.`, "RequestBroker--ParseUri");
    }
  }
  return shape;
}
