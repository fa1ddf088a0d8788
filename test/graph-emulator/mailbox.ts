import { AddressBook } from "./address-book";
import { GraphError, itemNotFound } from "./errors";
import { createChangeKey, createFolderId, createRestId, formatGraphTime } from "./ids";
import { MailFolder, StoredMessage } from "./message-model";

const ROOT = "msgfolderroot";

// The top-level folders every Exchange Online mailbox starts with, keyed by well-known name.
const DEFAULT_FOLDERS: Array<[string, string]> = [
  ["archive", "Archive"],
  ["deleteditems", "Deleted Items"],
  ["drafts", "Drafts"],
  ["inbox", "Inbox"],
  ["junkemail", "Junk Email"],
  ["outbox", "Outbox"],
  ["sentitems", "Sent Items"],
];

/** Whether Graph sees a message: not while a sent copy is in transit, nor before a client-saved draft has synced. */
function isVisible(message: StoredMessage): boolean {
  return message.folderId !== null && (message.visibleFrom === undefined || Date.now() >= message.visibleFrom);
}

/** One user's mailbox: mail folders, messages and the address book. */
export class Mailbox {
  readonly contacts = new AddressBook();
  private readonly folders = new Map<string, MailFolder>();
  private readonly wellKnown = new Map<string, string>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly restIndex = new Map<string, string>();
  private sequence = 0;
  private readonly order = new Map<string, number>();

  constructor(
    readonly userId: string,
    readonly address: string,
  ) {
    const root: MailFolder = {
      id: createFolderId(),
      displayName: "Top of Information Store",
      parentFolderId: createFolderId(),
      wellKnownName: ROOT,
      isHidden: false,
    };
    this.folders.set(root.id, root);
    this.wellKnown.set(ROOT, root.id);
    for (const [name, displayName] of DEFAULT_FOLDERS) {
      const folder = this.createFolder(root.id, displayName);
      folder.wellKnownName = name;
      this.wellKnown.set(name, folder.id);
    }
  }

  /** Resolves a folder id or a well-known name (inbox, drafts, sentitems, deleteditems, ...). */
  resolveFolder(idOrName: string): MailFolder | undefined {
    return this.folders.get(idOrName) ?? this.folders.get(this.wellKnown.get(idOrName.toLowerCase()) ?? "");
  }

  /** Resolves a folder or fails with Graph's 404. */
  requireFolder(idOrName: string): MailFolder {
    const folder = this.resolveFolder(idOrName);
    if (!folder) throw itemNotFound();
    return folder;
  }

  /** The id of a well-known folder. */
  wellKnownId(name: string): string {
    return this.wellKnown.get(name) as string;
  }

  /** Child folders in creation order; `/mailFolders` is the children of the root. */
  childFolders(parentId: string): MailFolder[] {
    return [...this.folders.values()].filter((folder) => folder.parentFolderId === parentId);
  }

  /** Creates a child folder; a sibling of the same name (any case) is Graph's ErrorFolderExists. */
  createFolder(parentId: string, displayName: string): MailFolder {
    const clash = this.childFolders(parentId).some(
      (folder) => folder.displayName.toLowerCase() === displayName.toLowerCase(),
    );
    if (clash) throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
    const folder: MailFolder = { id: createFolderId(), displayName, parentFolderId: parentId, wellKnownName: null, isHidden: false };
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** Stores a new message. */
  addMessage(message: StoredMessage): void {
    this.messages.set(message.immutableId, message);
    this.restIndex.set(message.restId, message.immutableId);
    this.order.set(message.immutableId, this.sequence++);
  }

  /**
   * Finds a message by either id kind. A retired REST id and an item in transit both miss, as in
   * Exchange: the old id of a moved item is simply gone.
   */
  findMessage(id: string): StoredMessage | undefined {
    const message = this.messages.get(id) ?? this.messages.get(this.restIndex.get(id) ?? "");
    return message && isVisible(message) ? message : undefined;
  }

  /** Finds a message or fails with Graph's 404. */
  requireMessage(id: string): StoredMessage {
    const message = this.findMessage(id);
    if (!message) throw itemNotFound();
    return message;
  }

  /** Messages in one folder (or all folders), newest first, as Outlook lists them. */
  listMessages(folderId?: string): StoredMessage[] {
    const visible = [...this.messages.values()].filter(
      (message) => isVisible(message) && (folderId === undefined || message.folderId === folderId),
    );
    return visible.sort((a, b) => {
      const byTime = Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime);
      return byTime !== 0 ? byTime : (this.order.get(b.immutableId) as number) - (this.order.get(a.immutableId) as number);
    });
  }

  /** Number of visible messages in a folder, for `totalItemCount`. */
  countMessages(folderId: string, unreadOnly = false): number {
    let count = 0;
    for (const message of this.messages.values()) {
      if (message.folderId === folderId && isVisible(message) && (!unreadOnly || !message.isRead)) count++;
    }
    return count;
  }

  /**
   * Moves a message to a folder, or into transit with `null`. Exchange re-creates a moved item,
   * so the REST id is retired and a new one issued; the immutable id stays.
   */
  relocate(message: StoredMessage, folderId: string | null): void {
    this.restIndex.delete(message.restId);
    message.restId = createRestId();
    this.restIndex.set(message.restId, message.immutableId);
    message.folderId = folderId;
    this.touch(message);
  }

  /** Records a write: a new change key and modification time. */
  touch(message: StoredMessage): void {
    message.changeKey = createChangeKey();
    message.lastModifiedDateTime = formatGraphTime(Date.now());
  }

  /** Removes a message for good. */
  deleteMessage(message: StoredMessage): void {
    this.messages.delete(message.immutableId);
    this.restIndex.delete(message.restId);
    this.order.delete(message.immutableId);
  }
}
