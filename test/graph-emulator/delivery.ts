import { DirectoryUser } from "./directory";
import { badRequest } from "./errors";
import { createImmutableId, createRestId, formatGraphTime } from "./ids";
import { Limits } from "./limits";
import { Mailbox } from "./mailbox";
import { InternetMessageHeader, listRecipients, measureMessage, StoredMessage } from "./message-model";
import { EmulatorStore } from "./store";

/** One message that actually left a mailbox: what tests count and inspect. */
export interface SentRecord {
  /** User id of the sending mailbox. */
  mailbox: string;
  mailboxAddress: string;
  /** The message's immutable id (its REST id changes on the way to Sent Items). */
  messageId: string;
  internetMessageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: { contentType: string; content: string };
  /** `singleValueExtendedProperties` by id. */
  extendedProperties: Record<string, string>;
  headers: InternetMessageHeader[];
  attachments: Array<{ name: string; size: number; contentType: string; isInline: boolean; contentId: string | null }>;
  sentAt: Date;
}

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

function addresses(list: StoredMessage["toRecipients"]): string[] {
  return list.map((recipient) => recipient.emailAddress.address);
}

/** Sends drafts as Exchange does: checks, counts against limits, logs, and files the sent copy after a lag. */
export class Delivery {
  readonly sentLog: SentRecord[] = [];
  private readonly pending = new Map<ReturnType<typeof setTimeout>, () => void>();

  constructor(
    private readonly store: EmulatorStore,
    private readonly limits: Limits,
    /** How long the sent copy takes to appear in Sent Items. */
    public sentCopyLagMs: number,
  ) {}

  /** Sends a draft; throws Graph's error when Exchange would refuse, leaving the draft where it was. */
  send(mailbox: Mailbox, owner: DirectoryUser, message: StoredMessage): void {
    if (!message.isDraft) throw badRequest("Only a draft can be sent.", "ErrorInvalidOperation");
    this.check(message);
    const refusal = this.limits.admitSend(mailbox.userId, listRecipients(message).length);
    if (refusal) throw refusal;
    const now = Date.now();
    const self = { emailAddress: { name: owner.displayName, address: mailbox.address } };
    message.from = message.from ?? self;
    message.sender = message.sender ?? self;
    message.isDraft = false;
    message.sentDateTime = formatGraphTime(now);
    message.receivedDateTime = formatGraphTime(now);
    this.sentLog.push(this.record(mailbox, message, now));
    // The draft leaves Drafts at once; its copy lands in Sent Items only after the lag.
    mailbox.relocate(message, null);
    const land = () => {
      mailbox.relocate(message, mailbox.wellKnownId("sentitems"));
      this.deliverLocally(message);
    };
    if (this.sentCopyLagMs <= 0) {
      land();
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      land();
    }, this.sentCopyLagMs);
    timer.unref();
    this.pending.set(timer, land);
  }

  /** Files every sent copy still in transit now, so a test need not wait out the lag. */
  flush(): void {
    for (const [timer, land] of [...this.pending]) {
      clearTimeout(timer);
      this.pending.delete(timer);
      land();
    }
  }

  /** Cancels pending filings (on close). */
  stop(): void {
    for (const timer of this.pending.keys()) clearTimeout(timer);
    this.pending.clear();
  }

  private check(message: StoredMessage): void {
    const recipients = listRecipients(message);
    if (recipients.length === 0) {
      throw badRequest("At least one recipient is not valid., A message can't be sent because it contains no recipients.", "ErrorInvalidRecipients");
    }
    const bad = recipients.find((recipient) => !ADDRESS.test(recipient.emailAddress.address));
    if (bad) {
      throw badRequest(
        `At least one recipient is not valid., Recipient '${bad.emailAddress.address}' is not resolved. All recipients must be resolved before a message can be submitted.`,
        "ErrorInvalidRecipients",
      );
    }
    if (recipients.length > this.limits.settings.maxRecipientsPerMessage) {
      throw badRequest("The message exceeds the maximum number of recipients.", "ErrorExceededMaxRecipientLimit");
    }
    if (measureMessage(message) > this.limits.settings.maxMessageBytes) {
      throw badRequest("The message exceeds the maximum supported size.", "ErrorMessageSizeExceeded");
    }
  }

  private record(mailbox: Mailbox, message: StoredMessage, now: number): SentRecord {
    return {
      mailbox: mailbox.userId,
      mailboxAddress: mailbox.address,
      messageId: message.immutableId,
      internetMessageId: message.internetMessageId,
      from: message.from?.emailAddress.address ?? mailbox.address,
      to: addresses(message.toRecipients),
      cc: addresses(message.ccRecipients),
      bcc: addresses(message.bccRecipients),
      subject: message.subject,
      body: { ...message.body },
      extendedProperties: Object.fromEntries(message.extendedProperties.map((property) => [property.id, property.value])),
      headers: message.internetMessageHeaders.map((header) => ({ ...header })),
      attachments: message.attachments.map(({ name, size, contentType, isInline, contentId }) => ({ name, size, contentType, isInline, contentId })),
      sentAt: new Date(now),
    };
  }

  // A recipient who is a user of the emulated tenant finds the message in their Inbox.
  private deliverLocally(message: StoredMessage): void {
    for (const address of addresses(listRecipients(message))) {
      const inbox = this.store.findMailbox(address);
      if (!inbox) continue;
      inbox.addMessage({
        ...structuredClone({ ...message, attachments: [] }),
        attachments: message.attachments.map((attachment) => ({ ...attachment, content: Buffer.from(attachment.content) })),
        immutableId: createImmutableId(),
        restId: createRestId(),
        folderId: inbox.wellKnownId("inbox"),
        isRead: false,
        extendedProperties: [],
        bccRecipients: [],
      });
    }
  }
}
