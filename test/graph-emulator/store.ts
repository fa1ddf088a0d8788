import { Directory, DirectoryUser, NewUser } from "./directory";
import { Mailbox } from "./mailbox";

/** The emulated tenant: its directory and one mailbox per user. */
export class EmulatorStore {
  readonly directory = new Directory();
  private readonly mailboxes = new Map<string, Mailbox>();

  /** Adds a directory user together with an empty mailbox. */
  addUser(input: NewUser): DirectoryUser {
    const user = this.directory.addUser(input);
    this.mailboxes.set(user.id, new Mailbox(user.id, user.mail ?? user.userPrincipalName));
    return user;
  }

  /** The mailbox of a user given by id or UPN, if the user exists. */
  findMailbox(idOrUpn: string): Mailbox | undefined {
    const user = this.directory.findUser(idOrUpn);
    return user ? this.mailboxes.get(user.id) : undefined;
  }

  /** The mailbox of a user, failing loudly for a test that names an unknown user. */
  requireMailbox(idOrUpn: string): Mailbox {
    const mailbox = this.findMailbox(idOrUpn);
    if (!mailbox) throw new Error(`No user ${idOrUpn} in the emulated directory.`);
    return mailbox;
  }
}
