import { RequestContext, RouteDef } from "../context";
import { badRequest, itemNotFound, parseJsonBody } from "../errors";
import { Mailbox } from "../mailbox";
import { readAttachment } from "../message-input";
import { measureMessage, StoredAttachment, StoredMessage } from "../message-model";
import { presentAttachment, visibleId } from "../message-presenter";
import { applySelect, OUTLOOK_PAGES, readSelect } from "../odata";
import { collectionReply, entityReply, noContent } from "../replies";

const MB = 1024 * 1024;

function messageOf(ctx: RequestContext): StoredMessage {
  return (ctx.mailbox as Mailbox).requireMessage(ctx.params.id);
}

function attachmentOf(ctx: RequestContext): { message: StoredMessage; attachment: StoredAttachment } {
  const message = messageOf(ctx);
  const attachment = message.attachments.find((candidate) => candidate.id === ctx.params.attachment);
  if (!attachment) throw itemNotFound();
  return { message, attachment };
}

function contextPath(ctx: RequestContext, message: StoredMessage): string {
  return `${ctx.ownerSegment}/messages('${visibleId(message, ctx.immutableIds)}')/attachments`;
}

/** Fails as Exchange does when a message would outgrow the allowed size. */
export function checkMessageRoom(ctx: RequestContext, message: StoredMessage, extraBytes: number): void {
  if (measureMessage(message) + extraBytes > ctx.env.limits.settings.maxMessageBytes) {
    throw badRequest("The message exceeds the maximum supported size.", "ErrorMessageSizeExceeded");
  }
}

function addAttachment(ctx: RequestContext) {
  const message = messageOf(ctx);
  const attachment = readAttachment(parseJsonBody(ctx.body));
  checkMessageRoom(ctx, message, attachment.size);
  message.attachments.push(attachment);
  (ctx.mailbox as Mailbox).touch(message);
  return entityReply(ctx, contextPath(ctx, message), presentAttachment(attachment), 201);
}

function createUploadSession(ctx: RequestContext) {
  const message = messageOf(ctx);
  const item = (parseJsonBody(ctx.body).AttachmentItem ?? {}) as Record<string, unknown>;
  if (item.attachmentType !== "file" || typeof item.name !== "string" || typeof item.size !== "number") {
    throw badRequest("AttachmentItem needs attachmentType 'file', a name and a size.", "ErrorInvalidRequest");
  }
  if (item.size < 3 * MB) {
    throw badRequest("The attachment size is less than the minimum size for an upload session.", "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
  }
  checkMessageRoom(ctx, message, item.size);
  const { session, path } = ctx.env.uploads.open(ctx.mailbox!.userId, ctx.grant!.appId, message.immutableId, visibleId(message, ctx.immutableIds), {
    name: item.name,
    size: item.size,
    contentType: typeof item.contentType === "string" ? item.contentType : "application/octet-stream",
    isInline: item.isInline === true,
    contentId: typeof item.contentId === "string" ? item.contentId : null,
  });
  return {
    status: 201,
    body: {
      "@odata.context": `${ctx.env.baseUrl}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: ctx.env.origin + path,
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: ["0-"],
    },
  };
}

/** Attachments of a message: list, add (< 3 MB), get, raw bytes, delete, and upload sessions for 3–150 MB. */
export const attachmentRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/messages/:id/attachments",
    scope: "mailbox",
    handle: (ctx) => {
      const message = messageOf(ctx);
      const select = readSelect(ctx.query);
      return collectionReply(ctx, contextPath(ctx, message), message.attachments, OUTLOOK_PAGES, (attachment) =>
        applySelect(presentAttachment(attachment, !select || select.includes("contentBytes")), select, ["id"]),
      );
    },
  },
  { method: "POST", path: "/messages/:id/attachments", scope: "mailbox", handle: addAttachment },
  { method: "POST", path: "/messages/:id/attachments/createUploadSession", scope: "mailbox", handle: createUploadSession },
  {
    method: "GET",
    path: "/messages/:id/attachments/:attachment",
    scope: "mailbox",
    handle: (ctx) => {
      const { message, attachment } = attachmentOf(ctx);
      return entityReply(ctx, contextPath(ctx, message), presentAttachment(attachment));
    },
  },
  {
    method: "GET",
    path: "/messages/:id/attachments/:attachment/$value",
    scope: "mailbox",
    handle: (ctx) => {
      const { attachment } = attachmentOf(ctx);
      // An attached item comes back as its MIME; a cloud link has no bytes here.
      if (attachment.kind === "reference") throw badRequest("The raw content of a reference attachment is not available.", "ErrorInvalidRequest");
      return { status: 200, headers: { "Content-Type": attachment.contentType }, body: attachment.content };
    },
  },
  {
    method: "DELETE",
    path: "/messages/:id/attachments/:attachment",
    scope: "mailbox",
    handle: (ctx) => {
      const { message, attachment } = attachmentOf(ctx);
      message.attachments = message.attachments.filter((candidate) => candidate !== attachment);
      (ctx.mailbox as Mailbox).touch(message);
      return noContent();
    },
  },
];

