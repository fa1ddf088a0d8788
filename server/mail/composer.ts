import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMessage } from '../providers/mailbox';
import { TAG_HEADER, formatTag } from '../providers/mailbox';

/** Builds the full MIME source of a message: multipart/alternative with text and HTML, tag header included. */
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
    // Bcc must stay in the stored copy so the sender's own record shows who was copied.
    keepBcc: true,
  } as ConstructorParameters<typeof MailComposer>[0]);
  return new Promise((resolve, reject) => {
    composer.compile().build((err, out) => (err ? reject(err) : resolve(out)));
  });
}
