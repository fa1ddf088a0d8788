import { badRequest, GraphError } from "./errors";
import {
  createAttachmentId, createChangeKey, createConversationId, createImmutableId, createInternetMessageId, createRestId, formatGraphTime,
} from "./ids";
import { ExtendedProperty, InternetMessageHeader, Recipient, StoredAttachment, StoredMessage } from "./message-model";

const MB = 1024 * 1024;
const MAX_SIMPLE_ATTACHMENT = 3 * MB;
const MAX_HEADER_BYTES = 5 * 1024;

const WRITABLE = new Set([
  "subject", "body", "importance", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from", "sender",
  "categories", "isRead", "isReadReceiptRequested", "isDeliveryReceiptRequested", "singleValueExtendedProperties",
  "internetMessageHeaders", "attachments", "flag",
]);
// What may still change once a message has been sent.
const WRITABLE_AFTER_SEND = new Set(["isRead", "categories", "singleValueExtendedProperties", "flag"]);

const PROPERTY_ID = /^(Binary|Boolean|Currency|Double|Integer|Long|Short|String|SystemTime|CLSID)\s+(\{[0-9a-f-]{36}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-f]+)|0x[0-9a-f]{1,4})$/i;

function unknownProperty(name: string): GraphError {
  return badRequest(
    `The property '${name}' does not exist on type 'Microsoft.OutlookServices.Message'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    "RequestBodyRead",
  );
}

function readRecipients(value: unknown, field: string): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`Property '${field}' must be a collection of recipients.`, "RequestBodyRead");
  return value.map((entry) => {
    const address = (entry as Recipient | undefined)?.emailAddress?.address;
    if (typeof address !== "string") throw badRequest(`Each recipient in '${field}' needs emailAddress.address.`, "ErrorInvalidRecipients");
    const name = (entry as Recipient).emailAddress.name;
    return { emailAddress: name === undefined ? { address } : { name, address } };
  });
}

function readHeaders(value: unknown): InternetMessageHeader[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("Property 'internetMessageHeaders' must be a collection.", "RequestBodyRead");
  let total = 0;
  const headers = value.map((entry) => {
    const { name, value: text } = (entry ?? {}) as Partial<InternetMessageHeader>;
    if (typeof name !== "string" || typeof text !== "string") throw badRequest("Each internet message header needs a name and a value.");
    if (!/^x-/i.test(name)) {
      throw badRequest(`The internet message header name '${name}' should start with 'x-' or 'X-'.`, "InvalidInternetMessageHeader");
    }
    total += Buffer.byteLength(name) + Buffer.byteLength(text);
    return { name, value: text };
  });
  if (total > MAX_HEADER_BYTES) {
    throw badRequest("Maximum total length of internet message headers exceeded. The limit is 5 KB.", "InvalidInternetMessageHeaderCollection");
  }
  return headers;
}

// Exchange hands property ids back in a normal form: single spaces, lower-case GUID and hex tag.
function normalisePropertyId(id: string): string {
  return id
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\{[0-9a-f-]{36}\}/i, (guid) => guid.toLowerCase())
    .replace(/0x[0-9a-f]+$/i, (tag) => tag.toLowerCase());
}

function readExtendedProperties(value: unknown): ExtendedProperty[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("Property 'singleValueExtendedProperties' must be a collection.", "RequestBodyRead");
  return value.map((entry) => {
    const { id, value: text } = (entry ?? {}) as Partial<ExtendedProperty>;
    if (typeof id !== "string" || !PROPERTY_ID.test(id.trim())) {
      throw badRequest(`The extended property id '${String(id)}' is not valid.`, "ErrorInvalidExtendedPropertyValue");
    }
    if (typeof text !== "string") throw badRequest("An extended property needs a string value.", "ErrorInvalidExtendedPropertyValue");
    return { id: normalisePropertyId(id), value: text };
  });
}

/** Merges extended properties by (normalised) id, as a PATCH does. */
export function mergeExtendedProperties(current: ExtendedProperty[], updates: ExtendedProperty[]): ExtendedProperty[] {
  const merged = [...current];
  for (const update of updates) {
    const index = merged.findIndex((property) => property.id === update.id);
    if (index >= 0) merged[index] = { id: merged[index].id, value: update.value };
    else merged.push(update);
  }
  return merged;
}

const ATTACHMENT_TYPES: Record<string, "file" | "item" | "reference"> = {
  "#microsoft.graph.fileAttachment": "file",
  "#microsoft.graph.itemAttachment": "item",
  "#microsoft.graph.referenceAttachment": "reference",
};

/** The text form of an attached Outlook item, as its `$value` returns it. */
function itemMime(item: Record<string, unknown>): Buffer {
  const subject = typeof item.subject === "string" ? item.subject : "";
  const body = (item.body as { content?: unknown } | undefined)?.content;
  return Buffer.from(`Subject: ${subject}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${typeof body === "string" ? body : ""}`);
}

function readFile(input: Record<string, unknown>): StoredAttachment {
  if (typeof input.name !== "string" || typeof input.contentBytes !== "string") {
    throw badRequest("A file attachment needs a name and contentBytes.", "ErrorInvalidRequest");
  }
  const content = Buffer.from(input.contentBytes, "base64");
  if (content.length >= MAX_SIMPLE_ATTACHMENT) {
    throw new GraphError(413, "BadRequest", "The maximum request length supported is 4MB.");
  }
  return {
    id: createAttachmentId(),
    name: input.name,
    contentType: typeof input.contentType === "string" ? input.contentType : "application/octet-stream",
    size: content.length,
    isInline: input.isInline === true,
    contentId: typeof input.contentId === "string" ? input.contentId : null,
    lastModifiedDateTime: formatGraphTime(Date.now()),
    content,
  };
}

/**
 * Reads an attachment body: a file (larger ones must go through an upload session, as in Graph),
 * an attached Outlook item (`item`), or a link to a cloud file (`sourceUrl`).
 */
export function readAttachment(value: unknown): StoredAttachment {
  const input = (value ?? {}) as Record<string, unknown>;
  const type = String(input["@odata.type"] ?? "");
  const kind = ATTACHMENT_TYPES[type.startsWith("#") ? type : `#${type}`];
  if (!kind) throw badRequest(`The attachment type '${type}' is not supported by this emulator.`, "ErrorInvalidAttachmentType");
  if (kind === "file") return readFile(input);
  if (typeof input.name !== "string") throw badRequest("An attachment needs a name.", "ErrorInvalidRequest");
  const base = { id: createAttachmentId(), name: input.name, isInline: false, contentId: null, lastModifiedDateTime: formatGraphTime(Date.now()) };
  if (kind === "item") {
    if (typeof input.item !== "object" || input.item === null) throw badRequest("An item attachment needs an item.", "ErrorInvalidRequest");
    const content = itemMime(input.item as Record<string, unknown>);
    return { ...base, kind, contentType: "message/rfc822", size: content.length, content };
  }
  if (typeof input.sourceUrl !== "string") throw badRequest("A reference attachment needs a sourceUrl.", "ErrorInvalidRequest");
  return { ...base, kind, sourceUrl: input.sourceUrl, contentType: "application/octet-stream", size: 0, content: Buffer.alloc(0) };
}

function readBody(value: unknown): StoredMessage["body"] {
  if (value === undefined || value === null) return { contentType: "text", content: "" };
  const { contentType, content } = value as { contentType?: string; content?: string };
  const kind = (contentType ?? "text").toLowerCase();
  if (kind !== "text" && kind !== "html") throw badRequest(`Invalid body contentType '${contentType}'.`, "RequestBodyRead");
  return { contentType: kind, content: content ?? "" };
}

/** Applies the writable properties of a request body to a message. */
function assign(message: StoredMessage, input: Record<string, unknown>): void {
  if ("subject" in input) message.subject = String(input.subject ?? "");
  if ("body" in input) message.body = readBody(input.body);
  if ("importance" in input) message.importance = String(input.importance).toLowerCase() as StoredMessage["importance"];
  if ("toRecipients" in input) message.toRecipients = readRecipients(input.toRecipients, "toRecipients");
  if ("ccRecipients" in input) message.ccRecipients = readRecipients(input.ccRecipients, "ccRecipients");
  if ("bccRecipients" in input) message.bccRecipients = readRecipients(input.bccRecipients, "bccRecipients");
  if ("replyTo" in input) message.replyTo = readRecipients(input.replyTo, "replyTo");
  if ("from" in input) message.from = readRecipients(input.from ? [input.from] : [], "from")[0] ?? null;
  if ("sender" in input) message.sender = readRecipients(input.sender ? [input.sender] : [], "sender")[0] ?? null;
  if ("categories" in input) message.categories = (input.categories as string[]) ?? [];
  if ("isRead" in input) message.isRead = input.isRead === true;
  if ("isReadReceiptRequested" in input) message.isReadReceiptRequested = input.isReadReceiptRequested === true;
  if ("isDeliveryReceiptRequested" in input) message.isDeliveryReceiptRequested = input.isDeliveryReceiptRequested === true;
  if ("singleValueExtendedProperties" in input) {
    message.extendedProperties = mergeExtendedProperties(message.extendedProperties, readExtendedProperties(input.singleValueExtendedProperties));
  }
}

function checkKnown(input: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(input)) {
    if (key.startsWith("@odata.")) continue;
    if (!WRITABLE.has(key)) throw unknownProperty(key);
    if (!allowed.has(key)) {
      throw badRequest(`The property '${key}' cannot be changed here.`, "ErrorInvalidPropertyRequest");
    }
  }
}

/** Builds a new draft from a POST body, validating headers, properties and inline attachments. */
export function createDraft(input: Record<string, unknown>, folderId: string): StoredMessage {
  checkKnown(input, WRITABLE);
  const now = formatGraphTime(Date.now());
  const message: StoredMessage = {
    immutableId: createImmutableId(),
    restId: createRestId(),
    folderId,
    isDraft: true,
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    sentDateTime: null,
    changeKey: createChangeKey(),
    internetMessageId: createInternetMessageId(),
    conversationId: createConversationId(),
    subject: "",
    body: { contentType: "text", content: "" },
    importance: "normal",
    from: null,
    sender: null,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    isRead: true,
    isReadReceiptRequested: false,
    isDeliveryReceiptRequested: false,
    categories: [],
    internetMessageHeaders: readHeaders(input.internetMessageHeaders),
    extendedProperties: [],
    attachments: Array.isArray(input.attachments) ? input.attachments.map(readAttachment) : [],
  };
  assign(message, input);
  return message;
}

/** Applies a PATCH body: drafts take any writable property but headers; sent items only flags and properties. */
export function updateMessage(message: StoredMessage, input: Record<string, unknown>): void {
  const allowed = message.isDraft
    ? new Set([...WRITABLE].filter((key) => key !== "internetMessageHeaders" && key !== "attachments"))
    : WRITABLE_AFTER_SEND;
  if (!message.isDraft && Object.keys(input).some((key) => WRITABLE.has(key) && !allowed.has(key))) {
    throw badRequest("Update operation is not allowed on a sent message.", "ErrorInvalidPropertyUpdateSentMessage");
  }
  checkKnown(input, allowed);
  assign(message, input);
}
