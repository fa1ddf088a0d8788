import { RequestContext, RouteDef } from "../context";
import { checkSelect } from "../directory-presenter";
import { badRequest, parseJsonBody } from "../errors";
import { compileFilter } from "../filter";
import { Mailbox } from "../mailbox";
import { MailFolder } from "../message-model";
import { applySelect, OUTLOOK_PAGES, readSelect } from "../odata";
import { collectionReply, entityReply } from "../replies";

const FOLDER_TYPE = "Microsoft.OutlookServices.MailFolder";
const OUTLOOK_CODE = "RequestBroker--ParseUri";
const FOLDER_PROPERTIES: ReadonlySet<string> = new Set([
  "id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden",
]);

function describeFolder(mailbox: Mailbox, folder: MailFolder): Record<string, unknown> {
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: mailbox.childFolders(folder.id).length,
    unreadItemCount: mailbox.countMessages(folder.id, true),
    totalItemCount: mailbox.countMessages(folder.id),
    isHidden: folder.isHidden,
  };
}

function listFolders(ctx: RequestContext, parentId: string, contextPath: string) {
  const mailbox = ctx.mailbox as Mailbox;
  const select = readSelect(ctx.query);
  checkSelect(select, FOLDER_PROPERTIES, FOLDER_TYPE, OUTLOOK_CODE);
  let folders = mailbox.childFolders(parentId).map((folder) => describeFolder(mailbox, folder));
  const filter = ctx.query.get("$filter");
  if (filter) folders = folders.filter(compileFilter(filter, FOLDER_PROPERTIES, FOLDER_TYPE));
  return collectionReply(ctx, contextPath, folders, OUTLOOK_PAGES, (folder) => applySelect(folder, select, ["id"]));
}

function createFolder(ctx: RequestContext, parentId: string) {
  const mailbox = ctx.mailbox as Mailbox;
  const input = parseJsonBody(ctx.body);
  if (typeof input.displayName !== "string" || input.displayName.trim() === "") {
    throw badRequest("The folder's displayName is required.", "ErrorInvalidRequest");
  }
  const folder = mailbox.createFolder(parentId, input.displayName);
  folder.isHidden = input.isHidden === true;
  return entityReply(ctx, `${ctx.ownerSegment}/mailFolders`, describeFolder(mailbox, folder), 201);
}

function rootId(ctx: RequestContext): string {
  return (ctx.mailbox as Mailbox).wellKnownId("msgfolderroot");
}

function folderOf(ctx: RequestContext): MailFolder {
  return (ctx.mailbox as Mailbox).requireFolder(ctx.params.folder);
}

/** Mail folders: list, get, create, child folders. Well-known names resolve as ids. */
export const mailFolderRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/mailFolders",
    scope: "mailbox",
    handle: (ctx) => listFolders(ctx, rootId(ctx), `${ctx.ownerSegment}/mailFolders`),
  },
  { method: "POST", path: "/mailFolders", scope: "mailbox", handle: (ctx) => createFolder(ctx, rootId(ctx)) },
  {
    method: "GET",
    path: "/mailFolders/:folder",
    scope: "mailbox",
    handle: (ctx) => {
      const select = readSelect(ctx.query);
      checkSelect(select, FOLDER_PROPERTIES, FOLDER_TYPE, OUTLOOK_CODE);
      const shape = applySelect(describeFolder(ctx.mailbox as Mailbox, folderOf(ctx)), select, ["id"]);
      return entityReply(ctx, `${ctx.ownerSegment}/mailFolders`, shape);
    },
  },
  {
    method: "GET",
    path: "/mailFolders/:folder/childFolders",
    scope: "mailbox",
    handle: (ctx) => {
      const folder = folderOf(ctx);
      return listFolders(ctx, folder.id, `${ctx.ownerSegment}/mailFolders('${folder.id}')/childFolders`);
    },
  },
  { method: "POST", path: "/mailFolders/:folder/childFolders", scope: "mailbox", handle: (ctx) => createFolder(ctx, folderOf(ctx).id) },
];
