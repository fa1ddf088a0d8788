import { RequestContext, RouteDef } from "../context";
import { badRequest, itemNotFound, parseJsonBody } from "../errors";
import { compileFilter } from "../filter";
import { Mailbox } from "../mailbox";
import { createDraft, updateMessage } from "../message-input";
import { measureMessage, StoredMessage } from "../message-model";
import { buildMessageMime } from "../message-mime";
import { checkMessageSelect, describeMessage, MESSAGE_PROPERTIES, presentMessage } from "../message-presenter";
import { applyOrderBy, OUTLOOK_PAGES, readExpand, readSelect } from "../odata";
import { collectionReply, entityReply, noContent } from "../replies";

function mailboxOf(ctx: RequestContext): Mailbox {
  return ctx.mailbox as Mailbox;
}

/** Presents a message for this request's $select, $expand and id preference. */
export function showMessage(ctx: RequestContext, message: StoredMessage, status = 200) {
  const select = readSelect(ctx.query);
  checkMessageSelect(select);
  const shape = presentMessage(message, ctx.immutableIds, select, readExpand(ctx.query));
  return entityReply(ctx, `${ctx.ownerSegment}/messages`, shape, status);
}

function listMessages(ctx: RequestContext, folderId: string | undefined, contextPath: string) {
  const select = readSelect(ctx.query);
  checkMessageSelect(select);
  const expand = readExpand(ctx.query);
  const filter = ctx.query.get("$filter");
  const matches = filter ? compileFilter(filter, MESSAGE_PROPERTIES, "Microsoft.OutlookServices.Message") : null;
  const described = mailboxOf(ctx)
    .listMessages(folderId)
    .map((message) => ({ message, view: describeMessage(message, ctx.immutableIds) }))
    .filter((entry) => !matches || matches(entry.view));
  const ordered = ctx.query.has("$orderby")
    ? applyOrderBy(described.map((entry) => ({ ...entry.view, entry })), ctx.query).map((row) => row.entry)
    : described;
  return collectionReply(ctx, contextPath, ordered, OUTLOOK_PAGES, ({ message }) =>
    presentMessage(message, ctx.immutableIds, select, expand),
  );
}

function createMessage(ctx: RequestContext, folderId: string) {
  const mailbox = mailboxOf(ctx);
  const message = createDraft(parseJsonBody(ctx.body), folderId);
  if (measureMessage(message) > ctx.env.limits.settings.maxMessageBytes) {
    throw badRequest("The message exceeds the maximum supported size.", "ErrorMessageSizeExceeded");
  }
  mailbox.addMessage(message);
  return showMessage(ctx, message, 201);
}

function messageOf(ctx: RequestContext): StoredMessage {
  return mailboxOf(ctx).requireMessage(ctx.params.id);
}

/** `$value`: the message as MIME, served as `text/plain` as the Graph docs show it. */
async function mimeOf(message: StoredMessage) {
  return { status: 200, headers: { "Content-Type": "text/plain" }, body: await buildMessageMime(message) };
}

function messageInFolder(ctx: RequestContext): StoredMessage {
  const folder = mailboxOf(ctx).requireFolder(ctx.params.folder);
  const message = messageOf(ctx);
  if (message.folderId !== folder.id) throw itemNotFound();
  return message;
}

/** Messages: list (with $filter, $count, paging), create drafts, get, get as MIME (`$value`), update, delete. */
export const messageRoutes: RouteDef[] = [
  { method: "GET", path: "/messages", scope: "mailbox", handle: (ctx) => listMessages(ctx, undefined, `${ctx.ownerSegment}/messages`) },
  {
    method: "GET",
    path: "/mailFolders/:folder/messages",
    scope: "mailbox",
    handle: (ctx) => {
      const folder = mailboxOf(ctx).requireFolder(ctx.params.folder);
      return listMessages(ctx, folder.id, `${ctx.ownerSegment}/mailFolders('${folder.id}')/messages`);
    },
  },
  { method: "POST", path: "/messages", scope: "mailbox", handle: (ctx) => createMessage(ctx, mailboxOf(ctx).wellKnownId("drafts")) },
  {
    method: "POST",
    path: "/mailFolders/:folder/messages",
    scope: "mailbox",
    handle: (ctx) => createMessage(ctx, mailboxOf(ctx).requireFolder(ctx.params.folder).id),
  },
  { method: "GET", path: "/messages/:id", scope: "mailbox", handle: (ctx) => showMessage(ctx, messageOf(ctx)) },
  { method: "GET", path: "/mailFolders/:folder/messages/:id", scope: "mailbox", handle: (ctx) => showMessage(ctx, messageInFolder(ctx)) },
  { method: "GET", path: "/messages/:id/$value", scope: "mailbox", handle: (ctx) => mimeOf(messageOf(ctx)) },
  { method: "GET", path: "/mailFolders/:folder/messages/:id/$value", scope: "mailbox", handle: (ctx) => mimeOf(messageInFolder(ctx)) },
  {
    method: "PATCH",
    path: "/messages/:id",
    scope: "mailbox",
    handle: (ctx) => {
      const message = messageOf(ctx);
      updateMessage(message, parseJsonBody(ctx.body));
      mailboxOf(ctx).touch(message);
      return showMessage(ctx, message);
    },
  },
  {
    method: "DELETE",
    path: "/messages/:id",
    scope: "mailbox",
    handle: (ctx) => {
      mailboxOf(ctx).deleteMessage(messageOf(ctx));
      return noContent();
    },
  },
];
