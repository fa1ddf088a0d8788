import { RequestContext, RouteDef } from "../context";
import { DirectoryUser } from "../directory";
import { badRequest, parseJsonBody } from "../errors";
import { Mailbox } from "../mailbox";
import { showMessage } from "./messages";

function send(ctx: RequestContext) {
  const mailbox = ctx.mailbox as Mailbox;
  const message = mailbox.requireMessage(ctx.params.id);
  ctx.env.delivery.send(mailbox, ctx.user as DirectoryUser, message);
  return { status: 202 };
}

function move(ctx: RequestContext) {
  const mailbox = ctx.mailbox as Mailbox;
  const message = mailbox.requireMessage(ctx.params.id);
  const { destinationId } = parseJsonBody(ctx.body);
  if (typeof destinationId !== "string" || destinationId === "") {
    throw badRequest("The destinationId parameter is required.", "ErrorInvalidRequest");
  }
  const folder = mailbox.requireFolder(destinationId);
  // Exchange re-creates a moved item: without ImmutableId the client gets a new id back.
  mailbox.relocate(message, folder.id);
  return showMessage(ctx, message, 201);
}

/** `POST /messages/{id}/send` (202, sent copy after a lag) and `POST /messages/{id}/move` (201). */
export const messageActionRoutes: RouteDef[] = [
  { method: "POST", path: "/messages/:id/send", scope: "mailbox", handle: send },
  { method: "POST", path: "/mailFolders/:folder/messages/:id/send", scope: "mailbox", handle: send },
  { method: "POST", path: "/messages/:id/move", scope: "mailbox", handle: move },
  { method: "POST", path: "/mailFolders/:folder/messages/:id/move", scope: "mailbox", handle: move },
];
