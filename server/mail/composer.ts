import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingAttachment, OutgoingMessage } from '../providers/mailbox';
import { TAG_HEADER, formatTag } from '../providers/mailbox';

/**
 * Builds the full MIME source of a message: multipart/alternative with text and HTML, tag header
 * included. Inline images go with the HTML in multipart/related, each under its Content-ID; other
 * files follow as attachments (multipart/mixed).
 */
export function composeMime(message: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: message.from.name, address: message.from.address },
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${message.messageId}>`,
    date: new Date(),
    headers: { [TAG_HEADER]: formatTag(message.tag) },
    attachments: message.attachments?.map(toMailAttachment),
  } as ConstructorParameters<typeof MailComposer>[0]);
  const root = composer.compile();
  // Bcc must stay in the stored copy so the sender's own record shows who was copied; nodemailer
  // reads this from the compiled node, not from the composer's options.
  root.keepBcc = true;
  return new Promise((resolve, reject) => {
    root.build((err, out) => (err ? reject(err) : resolve(out)));
  });
}

// Nodemailer puts a part with a cid in multipart/related, so only inline files get one: Outlook
// gives every attachment of a draft a Content-ID, and a PDF must not vanish into the body.
function toMailAttachment(a: OutgoingAttachment): Record<string, unknown> {
  const content = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
  return a.inline && a.contentId
    ? { filename: a.name, contentType: a.contentType, content, cid: a.contentId, contentDisposition: 'inline' }
    : { filename: a.name, contentType: a.contentType, content, contentDisposition: 'attachment' };
}
