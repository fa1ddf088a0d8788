/** An email address as Graph nests it in recipients. */
export interface Recipient {
  emailAddress: { name?: string; address: string };
}

/** A header from `internetMessageHeaders`. */
export interface InternetMessageHeader {
  name: string;
  value: string;
}

/** One `singleValueExtendedProperties` entry. */
export interface ExtendedProperty {
  id: string;
  value: string;
}

/** What an attachment is: a file, an attached Outlook item, or a link to a cloud file. */
export type AttachmentKind = "file" | "item" | "reference";

/** An attachment: a file with its bytes, or (with `kind`) an attached item or a cloud link. */
export interface StoredAttachment {
  /** Absent for files. */
  kind?: AttachmentKind;
  /** A reference attachment's link. */
  sourceUrl?: string;
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId: string | null;
  lastModifiedDateTime: string;
  content: Buffer;
}

/**
 * A message in a mailbox. It carries both id kinds: `restId` changes whenever Exchange moves the
 * item (send, move), `immutableId` never does. `folderId` is null while a sent message is in
 * transit, before its copy lands in Sent Items.
 */
export interface StoredMessage {
  immutableId: string;
  restId: string;
  folderId: string | null;
  isDraft: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string | null;
  changeKey: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  body: { contentType: "text" | "html"; content: string };
  importance: "low" | "normal" | "high";
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  isRead: boolean;
  isReadReceiptRequested: boolean;
  isDeliveryReceiptRequested: boolean;
  categories: string[];
  internetMessageHeaders: InternetMessageHeader[];
  extendedProperties: ExtendedProperty[];
  attachments: StoredAttachment[];
  /**
   * Set on a draft saved by the Outlook client (`saveOutlookDraft`) until the draft has synced to
   * the server: before this time (epoch ms) Graph does not see the item at all.
   */
  visibleFrom?: number;
}

/** A mail folder; its id never changes. */
export interface MailFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName: string | null;
  isHidden: boolean;
}

/** All recipients of a message (to, cc, bcc), as Exchange counts them against its limits. */
export function listRecipients(message: StoredMessage): Recipient[] {
  return [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
}

/** The size Exchange would count for the message: body plus attachments, in bytes. */
export function measureMessage(message: StoredMessage): number {
  const attachments = message.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  return Buffer.byteLength(message.body.content) + Buffer.byteLength(message.subject) + attachments;
}
