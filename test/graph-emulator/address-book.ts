import { GraphError, itemNotFound } from "./errors";
import { createChangeKey, createContactId, createFolderId, formatGraphTime } from "./ids";

/** A contact in Graph's shape (the properties Seriatim reads; the rest default to empty). */
export interface StoredContact {
  id: string;
  parentFolderId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  middleName: string | null;
  title: string | null;
  nickName: string | null;
  companyName: string | null;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  profession: string | null;
  birthday: string | null;
  emailAddresses: Array<{ name?: string; address: string }>;
  businessPhones: string[];
  homePhones: string[];
  mobilePhone: string | null;
  businessAddress: Record<string, string>;
  homeAddress: Record<string, string>;
  categories: string[];
  personalNotes: string | null;
}

/** What a test gives to create a contact. */
export type NewContact = Partial<Omit<StoredContact, "id" | "parentFolderId" | "changeKey">>;

/** A contact folder; the mailbox's default "Contacts" folder is the root of the others. */
export interface ContactFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
}

/** Contacts and contact folders of one mailbox, kept per folder in insertion order for cheap paging. */
export class AddressBook {
  readonly root: ContactFolder = { id: createFolderId(), displayName: "Contacts", parentFolderId: createFolderId() };
  private readonly folders = new Map<string, ContactFolder>([[this.root.id, this.root]]);
  private readonly byFolder = new Map<string, StoredContact[]>([[this.root.id, []]]);
  private readonly byId = new Map<string, StoredContact>();

  /** Child folders of the default Contacts folder, as `/contactFolders` lists them. */
  listFolders(parentId = this.root.id): ContactFolder[] {
    return [...this.folders.values()].filter((folder) => folder.parentFolderId === parentId);
  }

  /** Resolves a folder id, or "contacts" for the default folder. */
  requireFolder(id: string): ContactFolder {
    const folder = id.toLowerCase() === "contacts" ? this.root : this.folders.get(id);
    if (!folder) throw itemNotFound();
    return folder;
  }

  /** Finds a child folder of the root by display name (any case). */
  findFolderByName(displayName: string): ContactFolder | undefined {
    return this.listFolders().find((folder) => folder.displayName.toLowerCase() === displayName.toLowerCase());
  }

  /** Creates a contact folder; a duplicate name is Graph's ErrorFolderExists. */
  createFolder(displayName: string, parentId = this.root.id): ContactFolder {
    if (this.listFolders(parentId).some((folder) => folder.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
    }
    const folder: ContactFolder = { id: createFolderId(), displayName, parentFolderId: parentId };
    this.folders.set(folder.id, folder);
    this.byFolder.set(folder.id, []);
    return folder;
  }

  /** Adds a contact to a folder (the default one unless given). */
  addContact(input: NewContact, folderId = this.root.id): StoredContact {
    const now = formatGraphTime(Date.now());
    const contact: StoredContact = {
      id: createContactId(),
      parentFolderId: folderId,
      createdDateTime: input.createdDateTime ?? now,
      lastModifiedDateTime: input.lastModifiedDateTime ?? now,
      changeKey: createChangeKey(),
      displayName: input.displayName ?? [input.givenName, input.surname].filter(Boolean).join(" "),
      givenName: input.givenName ?? null,
      surname: input.surname ?? null,
      middleName: input.middleName ?? null,
      title: input.title ?? null,
      nickName: input.nickName ?? null,
      companyName: input.companyName ?? null,
      department: input.department ?? null,
      jobTitle: input.jobTitle ?? null,
      officeLocation: input.officeLocation ?? null,
      profession: input.profession ?? null,
      birthday: input.birthday ?? null,
      emailAddresses: input.emailAddresses ?? [],
      businessPhones: input.businessPhones ?? [],
      homePhones: input.homePhones ?? [],
      mobilePhone: input.mobilePhone ?? null,
      businessAddress: input.businessAddress ?? {},
      homeAddress: input.homeAddress ?? {},
      categories: input.categories ?? [],
      personalNotes: input.personalNotes ?? null,
    };
    (this.byFolder.get(folderId) as StoredContact[]).push(contact);
    this.byId.set(contact.id, contact);
    return contact;
  }

  /** Contacts of one folder in insertion order (the array itself: callers must not mutate it). */
  listContacts(folderId = this.root.id): readonly StoredContact[] {
    return this.byFolder.get(folderId) ?? [];
  }

  /** Finds a contact by id or fails with Graph's 404. */
  requireContact(id: string): StoredContact {
    const contact = this.byId.get(id);
    if (!contact) throw itemNotFound();
    return contact;
  }
}
