import { randomBytes, randomUUID } from "node:crypto";

// Outlook REST ids are URL-safe base64 with "=" padding; immutable ids share the alphabet but a
// different prefix, so a reader of a log can tell which kind a client stored.
const REST_PREFIX = "AAMkAGE1";
const IMMUTABLE_PREFIX = "AAkALgAA";

function encodeId(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString("base64url") + "=";
}

/** A default (REST) message id; a new one is issued whenever Exchange moves the item. */
export function createRestId(): string {
  return encodeId(REST_PREFIX, 33);
}

/** An immutable message id, valid for the item's whole life in its mailbox. */
export function createImmutableId(): string {
  return encodeId(IMMUTABLE_PREFIX, 33);
}

/** A mail or contact folder id; container ids never change, with or without ImmutableId. */
export function createFolderId(): string {
  return encodeId("AAMkAGE1AC4", 24);
}

/** A contact id. */
export function createContactId(): string {
  return encodeId("AAMkAGE1AEY", 30);
}

/** An attachment id. */
export function createAttachmentId(): string {
  return encodeId("AAMkAGE1AEg", 36);
}

/** A directory object id (users, groups), a GUID as Entra ID issues. */
export function createObjectId(): string {
  return randomUUID();
}

/** A request id for the request-id header and innerError. */
export function createRequestId(): string {
  return randomUUID();
}

/** A change key, as Exchange bumps on every write; also the basis of @odata.etag. */
export function createChangeKey(): string {
  return "CQAAABYAAA" + randomBytes(12).toString("base64url");
}

/** An RFC 5322 Message-ID in the form Exchange Online assigns to drafts. */
export function createInternetMessageId(): string {
  const local = randomBytes(18).toString("hex").toUpperCase();
  return `<${local}@EMULATOR.PROD.OUTLOOK.COM>`;
}

/** A conversation id shared by a message and its replies. */
export function createConversationId(): string {
  return encodeId("AAQkAGE1", 24);
}

/** A secret for tokens and upload-session URLs. */
export function createSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** The ISO timestamp Graph uses for Outlook items: seconds precision, UTC "Z". */
export function formatGraphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
