import { RequestContext, RouteDef } from "../context";
import { GraphError } from "../errors";
import { createAttachmentId, formatGraphTime } from "../ids";
import { Mailbox } from "../mailbox";
import { StoredAttachment } from "../message-model";
import { parseContentRange, UPLOAD_PATH, UploadSession } from "../upload-sessions";
import { checkMessageRoom } from "./attachments";

const KIB = 1024;
const MAX_CHUNK = 4 * KIB * KIB;
// The 320 KiB rule is OneDrive's; Outlook does not document one, but a client that keeps to it
// works against both, so the emulator holds clients to it.
const CHUNK_MULTIPLE = 320 * KIB;

function rangeError(status: number, message: string): GraphError {
  return new GraphError(status, "InvalidRange", message);
}

function sessionUrl(ctx: RequestContext): string {
  return `${ctx.env.origin}/api/v2.0/Users('${ctx.params.user}')/Messages('${ctx.params.message}')`;
}

function acceptChunk(ctx: RequestContext, session: UploadSession): boolean {
  const range = parseContentRange(ctx.headers["content-range"]);
  if (range.total !== session.item.size) {
    throw rangeError(400, `The Content-Range total ${range.total} does not match the session size ${session.item.size}.`);
  }
  if (range.start !== session.received) {
    throw rangeError(416, `The range must start at byte ${session.received}, the next expected range.`);
  }
  const length = range.end - range.start + 1;
  if (ctx.body.length !== length) throw rangeError(400, "The request body length does not match the Content-Range.");
  if (length > MAX_CHUNK) throw new GraphError(413, "BadRequest", "The maximum request length supported is 4MB.");
  const last = range.end === range.total - 1;
  if (!last && length % CHUNK_MULTIPLE !== 0) {
    throw rangeError(400, "Every range but the last must be a multiple of 320 KiB (327,680 bytes).");
  }
  session.chunks.push(Buffer.from(ctx.body));
  session.received += length;
  return last;
}

function complete(ctx: RequestContext, session: UploadSession) {
  const mailbox = ctx.mailbox as Mailbox;
  ctx.env.uploads.close(session.id);
  const message = mailbox.requireMessage(session.messageId);
  const content = Buffer.concat(session.chunks);
  checkMessageRoom(ctx, message, content.length);
  const attachment: StoredAttachment = {
    id: createAttachmentId(),
    name: session.item.name,
    contentType: session.item.contentType,
    size: content.length,
    isInline: session.item.isInline,
    contentId: session.item.contentId,
    lastModifiedDateTime: formatGraphTime(Date.now()),
    content,
  };
  message.attachments.push(attachment);
  mailbox.touch(message);
  return { status: 201, headers: { Location: `${sessionUrl(ctx)}/Attachments('${attachment.id}')` } };
}

function upload(ctx: RequestContext) {
  const session = ctx.env.uploads.require(ctx.params.session);
  if (acceptChunk(ctx, session)) return complete(ctx, session);
  return {
    status: 200,
    body: {
      "@odata.context": `${ctx.env.origin}/api/v2.0/$metadata#Users('${ctx.params.user}')/Messages('${ctx.params.message}')/AttachmentSessions/$entity`,
      ExpirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: [String(session.received)],
    },
  };
}

/** The pre-authenticated upload URL: `PUT` a byte range, `DELETE` to cancel. */
export const uploadRoutes: RouteDef[] = [
  { method: "PUT", path: UPLOAD_PATH, scope: "upload", handle: upload },
  {
    method: "DELETE",
    path: UPLOAD_PATH,
    scope: "upload",
    handle: (ctx) => {
      ctx.env.uploads.close(ctx.env.uploads.require(ctx.params.session).id);
      return { status: 204 };
    },
  },
];
