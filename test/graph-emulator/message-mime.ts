import MailComposer from "nodemailer/lib/mail-composer";
import { Recipient, StoredAttachment, StoredMessage } from "./message-model";

const mailAddress = (recipient: Recipient) => ({ name: recipient.emailAddress.name ?? "", address: recipient.emailAddress.address });

// Exchange sends an HTML body with a plain-text alternative it derives; a rough one is enough here.
function textOf(html: string): string {
  return html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>/gi, "\n\n").replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim();
}

function toPart(attachment: StoredAttachment): Record<string, unknown> | null {
  // A cloud link has no bytes to carry; an attached item travels as a message of its own.
  if (attachment.kind === "reference") return null;
  if (attachment.kind === "item") return { filename: `${attachment.name}.eml`, contentType: "message/rfc822", content: attachment.content };
  return attachment.isInline && attachment.contentId
    ? { filename: attachment.name, contentType: attachment.contentType, content: attachment.content, cid: attachment.contentId, contentDisposition: "inline" }
    : { filename: attachment.name, contentType: attachment.contentType, content: attachment.content, contentDisposition: "attachment" };
}

/**
 * A message as MIME, the body of `GET /messages/{id}/$value`: addresses, subject, date,
 * Message-ID, the `x-` headers from `internetMessageHeaders`, the body (HTML with a text
 * alternative) and the attachments. Bcc stays in: the sender's own copy records who was copied.
 */
export function buildMessageMime(message: StoredMessage): Promise<Buffer> {
  const html = message.body.contentType === "html" ? message.body.content : undefined;
  const composer = new MailComposer({
    from: message.from ? mailAddress(message.from) : undefined,
    sender: message.sender && message.sender.emailAddress.address !== message.from?.emailAddress.address ? mailAddress(message.sender) : undefined,
    to: message.toRecipients.map(mailAddress),
    cc: message.ccRecipients.map(mailAddress),
    bcc: message.bccRecipients.map(mailAddress),
    replyTo: message.replyTo.map(mailAddress),
    subject: message.subject,
    date: new Date(message.sentDateTime ?? message.createdDateTime),
    messageId: message.internetMessageId,
    headers: message.internetMessageHeaders.map((header) => ({ key: header.name, value: header.value })),
    text: html === undefined ? message.body.content : textOf(html),
    html,
    attachments: message.attachments.map(toPart).filter((part): part is Record<string, unknown> => part !== null),
  } as ConstructorParameters<typeof MailComposer>[0]);
  const root = composer.compile();
  root.keepBcc = true;
  return new Promise((resolve, reject) => root.build((error, out) => (error ? reject(error) : resolve(out))));
}
