import { GraphError, invalidToken, itemNotFound } from "./errors";
import { createSecret } from "./ids";
import { TokenGrant } from "./tokens";

/** What `createUploadSession` was told about the file. */
export interface UploadItem {
  name: string;
  size: number;
  contentType: string;
  isInline: boolean;
  contentId: string | null;
}

/** A large-attachment upload in progress. */
export interface UploadSession {
  id: string;
  secret: string;
  userId: string;
  appId: string;
  /** The target message's immutable id, so a session survives the message's REST id changing. */
  messageId: string;
  item: UploadItem;
  chunks: Buffer[];
  received: number;
  expiresAt: number;
}

const SESSION_LIFETIME_MS = 15 * 60_000;

/** The path of an upload URL, shaped like Outlook's pre-authenticated AttachmentSessions URL. */
export const UPLOAD_PATH = /^\/api\/v2\.0\/Users\('(?<user>[^']+)'\)\/Messages\('(?<message>[^']+)'\)\/AttachmentSessions\('(?<session>[^']+)'\)$/i;

/** Open upload sessions, keyed by id; each URL carries its own token instead of a bearer header. */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  /** Opens a session and returns it with its upload URL (relative to the emulator's origin). */
  open(userId: string, appId: string, messageId: string, visibleMessageId: string, item: UploadItem): { session: UploadSession; path: string } {
    const session: UploadSession = {
      id: createSecret(),
      secret: createSecret(),
      userId,
      appId,
      messageId,
      item,
      chunks: [],
      received: 0,
      expiresAt: Date.now() + SESSION_LIFETIME_MS,
    };
    this.sessions.set(session.id, session);
    const path = `/api/v2.0/Users('${userId}')/Messages('${visibleMessageId}')/AttachmentSessions('${session.id}')?authtoken=${session.secret}`;
    return { session, path };
  }

  /** Checks the URL's token; an upload needs no Authorization header, as in Outlook. */
  authorize(sessionId: string | undefined, authtoken: string | null): TokenGrant {
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!session || session.expiresAt <= Date.now()) throw itemNotFound();
    if (authtoken !== session.secret) throw invalidToken("Access token validation failure.");
    return { userId: session.userId, appId: session.appId, expiresAt: session.expiresAt };
  }

  /** The session, or Graph's 404. */
  require(sessionId: string): UploadSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw itemNotFound();
    return session;
  }

  /** Ends a session (completed or cancelled). */
  close(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** Sessions still open, for tests that check nothing was left behind. */
  count(): number {
    return this.sessions.size;
  }
}

/** Parses `Content-Range: bytes start-end/total`, failing as an invalid range. */
export function parseContentRange(header: string | undefined): { start: number; end: number; total: number } {
  const match = header ? /^bytes\s+(\d+)-(\d+)\/(\d+)$/.exec(header.trim()) : null;
  if (!match) throw new GraphError(400, "InvalidRange", "The Content-Range header is missing or malformed.");
  const [start, end, total] = match.slice(1).map(Number);
  if (end < start || end >= total) throw new GraphError(400, "InvalidRange", "The Content-Range header is not a valid range.");
  return { start, end, total };
}
