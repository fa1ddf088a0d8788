import { AddressInfo } from "node:net";
import { NewContact, StoredContact } from "./address-book";
import { Environment } from "./context";
import { Delivery, SentRecord } from "./delivery";
import { DirectoryGroup, DirectoryUser, NewGroup, NewUser } from "./directory";
import { Faults } from "./faults";
import { createHttpServer } from "./http-server";
import { formatGraphTime } from "./ids";
import { Limits, LimitSettings } from "./limits";
import { Mailbox } from "./mailbox";
import { createDraft } from "./message-input";
import { InternetMessageHeader, StoredMessage } from "./message-model";
import { createDispatcher } from "./pipeline";
import { allRoutes } from "./routes";
import { createSyntheticContacts } from "./seed-data";
import { EmulatorStore } from "./store";
import { IssueTokenOptions, TokenRegistry } from "./tokens";
import { UploadSessions } from "./upload-sessions";

/** How to start the emulator. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Delay before a sent message's copy appears in Sent Items (default 300 ms). */
  sentCopyLagMs?: number;
  /** Limit overrides; the rest keep Graph's and Exchange Online's documented defaults. */
  limits?: Partial<LimitSettings>;
  /** Seed of the generator behind probabilistic faults (default 1). */
  faultSeed?: number;
  /**
   * Delay before a draft saved by the Outlook client (`saveOutlookDraft`) is visible to Graph, as
   * when classic Outlook in cached mode syncs it later (default 0: at once).
   */
  draftSyncLagMs?: number;
}

/** An incoming message for `receiveMessage` (bounces, replies); headers are not restricted to `x-`. */
export type IncomingMessageInput = Record<string, unknown> & { internetMessageHeaders?: InternetMessageHeader[] };

/** A running Microsoft Graph v1.0 emulator and the handles tests use to arrange and inspect it. */
export class GraphEmulator {
  private constructor(
    /** Base URL of the API, e.g. `http://127.0.0.1:PORT/v1.0`. */
    readonly url: string,
    private readonly env: Environment,
    private readonly closeServer: () => Promise<void>,
  ) {}

  /** Starts listening; use `startGraphEmulator`. */
  static async start(options: EmulatorOptions = {}): Promise<GraphEmulator> {
    const store = new EmulatorStore();
    const limits = new Limits(options.limits);
    const env: Environment = {
      store,
      limits,
      tokens: new TokenRegistry(),
      faults: new Faults(options.faultSeed ?? 1),
      delivery: new Delivery(store, limits, options.sentCopyLagMs ?? 300),
      uploads: new UploadSessions(),
      origin: "",
      baseUrl: "",
      dispatch: async () => ({ kind: "reset" }),
    };
    env.dispatch = createDispatcher(env, allRoutes);
    const { server, closeAll } = createHttpServer(env.dispatch);
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
    const { address, port } = server.address() as AddressInfo;
    env.origin = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
    env.baseUrl = `${env.origin}/v1.0`;
    const emulator = new GraphEmulator(env.baseUrl, env, async () => {
      env.delivery.stop();
      env.faults.clear();
      await closeAll();
    });
    emulator.draftSyncLagMs = options.draftSyncLagMs ?? 0;
    return emulator;
  }

  /** Delay before a draft saved by the Outlook client becomes visible to Graph. */
  draftSyncLagMs = 0;

  /** The tenant's state, for direct assertions. */
  get store(): EmulatorStore {
    return this.env.store;
  }

  /** Limits in force and how often each turned a request away. */
  get limits(): Limits {
    return this.env.limits;
  }

  /** Injected failures, changeable per test. */
  get faults(): Faults {
    return this.env.faults;
  }

  /** Every message that actually left a mailbox, in order. */
  get sentLog(): readonly SentRecord[] {
    return this.env.delivery.sentLog;
  }

  /** Delay before a sent copy appears in Sent Items. */
  get sentCopyLagMs(): number {
    return this.env.delivery.sentCopyLagMs;
  }

  set sentCopyLagMs(value: number) {
    this.env.delivery.sentCopyLagMs = value;
  }

  /** Issues an opaque bearer token for a user (id or UPN); `/me` is that user. */
  issueToken(user: string, options: IssueTokenOptions = {}): string {
    return this.env.tokens.issue(this.requireUser(user).id, options);
  }

  /** Adds a directory user with an empty mailbox. */
  addUser(input: NewUser): DirectoryUser {
    return this.env.store.addUser(input);
  }

  /** Adds a group; members are user or group ids, so nesting is built bottom-up. */
  addGroup(input: NewGroup): DirectoryGroup {
    return this.env.store.directory.addGroup(input);
  }

  /**
   * Adds contacts to a user's default Contacts folder, or to the named contact folder (created if
   * missing). A number creates that many deterministic synthetic contacts.
   */
  addContacts(user: string, contacts: number | NewContact[], folder?: string): StoredContact[] {
    const book = this.mailbox(user).contacts;
    const target = folder ? (book.findFolderByName(folder) ?? book.createFolder(folder)) : book.root;
    const inputs = typeof contacts === "number" ? createSyntheticContacts(contacts, book.listContacts(target.id).length + 1) : contacts;
    return inputs.map((input) => book.addContact(input, target.id));
  }

  /** Puts a received message (a reply, a non-delivery report) into a user's Inbox. */
  receiveMessage(user: string, input: IncomingMessageInput): StoredMessage {
    const mailbox = this.mailbox(user);
    const { internetMessageHeaders, ...rest } = input;
    const message = createDraft(rest, mailbox.wellKnownId("inbox"));
    const now = formatGraphTime(Date.now());
    Object.assign(message, { isDraft: false, isRead: false, sentDateTime: now, receivedDateTime: now });
    message.internetMessageHeaders = internetMessageHeaders ?? [];
    mailbox.addMessage(message);
    return message;
  }

  /**
   * Saves a draft in a user's Drafts as the Outlook client does (`item.saveAsync`), not through
   * Graph: the same body as `POST /messages` (file, item and reference attachments included). Until
   * `syncLagMs` (default `draftSyncLagMs`) has passed, Graph answers 404 ErrorItemNotFound for it.
   * The returned message's `restId` is what `convertToRestId` gives the add-in.
   */
  saveOutlookDraft(user: string, input: Record<string, unknown>, options: { syncLagMs?: number } = {}): StoredMessage {
    const mailbox = this.mailbox(user);
    const message = createDraft(input, mailbox.wellKnownId("drafts"));
    const lag = options.syncLagMs ?? this.draftSyncLagMs;
    if (lag > 0) message.visibleFrom = Date.now() + lag;
    mailbox.addMessage(message);
    return message;
  }

  /** A user's mailbox (by id or UPN). */
  mailbox(user: string): Mailbox {
    return this.env.store.requireMailbox(user);
  }

  /** Messages now in a folder (id or well-known name such as "drafts" or "sentitems"), newest first. */
  messagesIn(user: string, folder: string): StoredMessage[] {
    const mailbox = this.mailbox(user);
    return mailbox.listMessages(mailbox.requireFolder(folder).id);
  }

  /** Looks a message up by either id kind, as the API would (in-transit and retired ids miss). */
  findMessage(user: string, id: string): StoredMessage | undefined {
    return this.mailbox(user).findMessage(id);
  }

  /** Files every sent copy still in transit now. */
  flushSentCopies(): void {
    this.env.delivery.flush();
  }

  /** Stops listening, drops open connections and cancels pending sent copies. */
  close(): Promise<void> {
    return this.closeServer();
  }

  private requireUser(user: string): DirectoryUser {
    const found = this.env.store.directory.findUser(user);
    if (!found) throw new Error(`No user ${user} in the emulated directory.`);
    return found;
  }
}

/** Starts a Microsoft Graph v1.0 emulator on a real HTTP port (0 by default). */
export function startGraphEmulator(options: EmulatorOptions = {}): Promise<GraphEmulator> {
  return GraphEmulator.start(options);
}
