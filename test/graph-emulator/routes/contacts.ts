import { NewContact, StoredContact } from "../address-book";
import { RequestContext, RouteDef } from "../context";
import { checkSelect } from "../directory-presenter";
import { badRequest, parseJsonBody } from "../errors";
import { compileFilter } from "../filter";
import { Mailbox } from "../mailbox";
import { applySelect, OUTLOOK_PAGES, readSelect } from "../odata";
import { collectionReply, entityReply } from "../replies";

const CONTACT_TYPE = "Microsoft.OutlookServices.Contact";
const OUTLOOK_CODE = "RequestBroker--ParseUri";
const CONTACT_PROPERTIES: ReadonlySet<string> = new Set([
  "id", "parentFolderId", "createdDateTime", "lastModifiedDateTime", "changeKey", "displayName", "givenName", "surname",
  "middleName", "title", "nickName", "companyName", "department", "jobTitle", "officeLocation", "profession", "birthday",
  "emailAddresses", "businessPhones", "homePhones", "mobilePhone", "businessAddress", "homeAddress", "categories", "personalNotes",
]);

function describeContact(contact: StoredContact): Record<string, unknown> {
  return { "@odata.etag": `W/"${contact.changeKey}"`, ...contact };
}

function book(ctx: RequestContext) {
  return (ctx.mailbox as Mailbox).contacts;
}

function listContacts(ctx: RequestContext, folderId: string, contextPath: string) {
  const select = readSelect(ctx.query);
  checkSelect(select, CONTACT_PROPERTIES, CONTACT_TYPE, OUTLOOK_CODE);
  let contacts: readonly StoredContact[] = book(ctx).listContacts(folderId);
  const filter = ctx.query.get("$filter");
  if (filter) {
    const matches = compileFilter(filter, CONTACT_PROPERTIES, CONTACT_TYPE);
    contacts = contacts.filter((contact) => matches(describeContact(contact)));
  }
  return collectionReply(ctx, contextPath, contacts, OUTLOOK_PAGES, (contact) => applySelect(describeContact(contact), select, ["id"]));
}

function createContact(ctx: RequestContext, folderId: string) {
  const input = parseJsonBody(ctx.body) as NewContact;
  const contact = book(ctx).addContact(input, folderId);
  return entityReply(ctx, `${ctx.ownerSegment}/contacts`, describeContact(contact), 201);
}

function describeFolder(folder: { id: string; displayName: string; parentFolderId: string }): Record<string, unknown> {
  return { id: folder.id, displayName: folder.displayName, parentFolderId: folder.parentFolderId };
}

function listFolders(ctx: RequestContext, parentId: string, contextPath: string) {
  let folders = book(ctx).listFolders(parentId).map(describeFolder);
  const filter = ctx.query.get("$filter");
  if (filter) folders = folders.filter(compileFilter(filter, new Set(["id", "displayName", "parentFolderId"]), "Microsoft.OutlookServices.ContactFolder"));
  return collectionReply(ctx, contextPath, folders, OUTLOOK_PAGES, (folder) => applySelect(folder, readSelect(ctx.query), ["id"]));
}

function folderId(ctx: RequestContext): string {
  return book(ctx).requireFolder(ctx.params.folder).id;
}

/** Contacts and contact folders, paged cheaply however many there are. */
export const contactRoutes: RouteDef[] = [
  { method: "GET", path: "/contacts", scope: "mailbox", handle: (ctx) => listContacts(ctx, book(ctx).root.id, `${ctx.ownerSegment}/contacts`) },
  { method: "POST", path: "/contacts", scope: "mailbox", handle: (ctx) => createContact(ctx, book(ctx).root.id) },
  {
    method: "GET",
    path: "/contacts/:id",
    scope: "mailbox",
    handle: (ctx) => {
      const select = readSelect(ctx.query);
      checkSelect(select, CONTACT_PROPERTIES, CONTACT_TYPE, OUTLOOK_CODE);
      const shape = applySelect(describeContact(book(ctx).requireContact(ctx.params.id)), select, ["id"]);
      return entityReply(ctx, `${ctx.ownerSegment}/contacts`, shape);
    },
  },
  { method: "GET", path: "/contactFolders", scope: "mailbox", handle: (ctx) => listFolders(ctx, book(ctx).root.id, `${ctx.ownerSegment}/contactFolders`) },
  {
    method: "POST",
    path: "/contactFolders",
    scope: "mailbox",
    handle: (ctx) => {
      const { displayName } = parseJsonBody(ctx.body);
      if (typeof displayName !== "string" || displayName.trim() === "") throw badRequest("The folder's displayName is required.", "ErrorInvalidRequest");
      return entityReply(ctx, `${ctx.ownerSegment}/contactFolders`, describeFolder(book(ctx).createFolder(displayName)), 201);
    },
  },
  {
    method: "GET",
    path: "/contactFolders/:folder",
    scope: "mailbox",
    handle: (ctx) => entityReply(ctx, `${ctx.ownerSegment}/contactFolders`, describeFolder(book(ctx).requireFolder(ctx.params.folder))),
  },
  {
    method: "GET",
    path: "/contactFolders/:folder/childFolders",
    scope: "mailbox",
    handle: (ctx) => listFolders(ctx, folderId(ctx), `${ctx.ownerSegment}/contactFolders('${folderId(ctx)}')/childFolders`),
  },
  {
    method: "GET",
    path: "/contactFolders/:folder/contacts",
    scope: "mailbox",
    handle: (ctx) => listContacts(ctx, folderId(ctx), `${ctx.ownerSegment}/contactFolders('${folderId(ctx)}')/contacts`),
  },
  { method: "POST", path: "/contactFolders/:folder/contacts", scope: "mailbox", handle: (ctx) => createContact(ctx, folderId(ctx)) },
];
