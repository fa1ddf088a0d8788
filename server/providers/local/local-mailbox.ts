import type { Folder, MessageDetail, MessageSummary, MessageTag } from '../../../shared/api';
import { AppError } from '../../errors';
import { composeMime } from '../../mail/composer';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../mail/message-size';
import { readMime } from '../../mail/reader';
import type { Db } from '../../store/db';
import { ensureWellKnownFolders, findFolder, insertFolder, listFolders, type FolderRecord } from '../../store/folders';
import { findMessage, findMessageByTag, insertMessage, listMessages, readRaw, type MessageRecord } from '../../store/messages';
import type { Mailbox, MailboxProvider, MessagePage, OutgoingMessage, PageRequest, SentReceipt } from '../mailbox';
import { formatTag, parseTag } from '../mailbox';
import type { PacerLimits } from '../../engine/pacer';
import { ProviderError } from '../../engine/classify';

function presentFolder(f: FolderRecord): Folder {
  return { id: f.id, name: f.name, parentId: f.parentId, wellKnownName: f.wellKnownName, messageCount: f.messageCount };
}

function presentMessage(m: MessageRecord): MessageSummary {
  return {
    id: m.id, folderId: m.folderId, messageId: m.messageId, to: m.to, subject: m.subject, tag: parseTag(m.tag), createdAt: m.createdAt,
  };
}

/**
 * The embedded mailbox: folders and full MIME messages kept in the store, so the whole product runs
 * with no account anywhere. "Sending" files the composed message in the chosen folder; inserting it
 * is one SQLite statement, so a message is either wholly there (with its tag) or not at all.
 */
export class LocalMailbox implements Mailbox {
  readonly provider = 'local' as const;
  readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

  constructor(private readonly db: Db, private readonly ownerId: string) {
    ensureWellKnownFolders(db, ownerId);
  }

  async listFolders(): Promise<Folder[]> {
    return listFolders(this.db, this.ownerId).map(presentFolder);
  }

  async findFolder(idOrName: string): Promise<Folder | undefined> {
    const f = findFolder(this.db, this.ownerId, idOrName);
    return f && presentFolder(f);
  }

  async createFolder(name: string, parentId?: string): Promise<Folder> {
    if (parentId && !findFolder(this.db, this.ownerId, parentId)) {
      throw new AppError('FOLDER_NOT_FOUND', `There is no folder with id "${parentId}" to create "${name}" in.`);
    }
    const f = insertFolder(this.db, this.ownerId, name, parentId ?? null);
    if (!f) throw new AppError('FOLDER_EXISTS', `A folder named "${name}" already exists here; choose it or pick another name.`);
    return presentFolder(f);
  }

  async send(message: OutgoingMessage, options: { folderId: string }): Promise<SentReceipt> {
    // Idempotent by tag: a delivery that was already filed is answered with the existing copy.
    const existing = await this.findSent(message.tag);
    if (existing) return existing;
    if (!findFolder(this.db, this.ownerId, options.folderId)) {
      throw new ProviderError({ code: 'FOLDER_NOT_FOUND', kind: 'permanent', outcome: 'not-sent', message: `The folder ${options.folderId} no longer exists.` });
    }
    const raw = await composeMime(message);
    if (raw.length > this.maxMessageBytes) {
      // As Exchange would: the message is refused whole, and resending it cannot help.
      throw new ProviderError({ code: 'MESSAGE_TOO_LARGE', kind: 'permanent', outcome: 'not-sent', message: `The message is ${raw.length} bytes; the mailbox accepts at most ${this.maxMessageBytes}.` });
    }
    const to = [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])];
    const m = insertMessage(this.db, {
      ownerId: this.ownerId, folderId: options.folderId, messageId: message.messageId, to,
      subject: message.subject, tag: formatTag(message.tag), raw,
    });
    return { messageId: m.messageId, providerId: m.id };
  }

  async findSent(tag: MessageTag): Promise<SentReceipt | undefined> {
    const m = findMessageByTag(this.db, this.ownerId, formatTag(tag));
    return m && { messageId: m.messageId, providerId: m.id };
  }

  async listMessages(folderId: string, page: PageRequest): Promise<MessagePage> {
    if (!findFolder(this.db, this.ownerId, folderId)) throw new AppError('FOLDER_NOT_FOUND', `There is no folder "${folderId}".`);
    const { total, messages } = listMessages(this.db, this.ownerId, folderId, page.offset, page.limit);
    const end = page.offset + messages.length;
    return { total, messages: messages.map(presentMessage), nextOffset: end < total ? end : null };
  }

  async getMessage(id: string): Promise<MessageDetail> {
    const { record, raw } = this.load(id);
    return { ...presentMessage(record), ...(await readMime(raw)), size: raw.length };
  }

  async getRawMessage(id: string): Promise<Buffer> {
    return this.load(id).raw;
  }

  /** A stored message by its id or its Message-ID, with its MIME source. */
  private load(id: string): { record: MessageRecord; raw: Buffer } {
    const record = findMessage(this.db, this.ownerId, id);
    const raw = record && readRaw(this.db, this.ownerId, record.id);
    if (!record || !raw) throw new AppError('NOT_FOUND', `There is no message "${id}" in this mailbox.`);
    return { record, raw };
  }
}

/** The local provider: one LocalMailbox per user, paced like Exchange Online unless told otherwise. */
export function createLocalProvider(db: Db, limits: PacerLimits): MailboxProvider {
  return { name: 'local', limits, open: (user) => new LocalMailbox(db, user.id) };
}
