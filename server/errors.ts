import type { ErrorCode } from '../shared/api';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IMPORT_FAILED: 422,
  NO_EMAIL_COLUMN: 422,
  TEMPLATE_SYNTAX: 422,
  UNKNOWN_FIELDS: 422,
  FOLDER_NOT_FOUND: 404,
  FOLDER_EXISTS: 409,
  INVALID_ADDRESS: 422,
  PAYLOAD_TOO_LARGE: 413,
  // The mailbox's own limits (rate, day budget) leave no room now; `details.retryAt` says when.
  RATE_LIMITED: 429,
  // This server's mailbox has no Outlook drafts (local mode): the pane reads the draft itself.
  DRAFT_UNAVAILABLE: 409,
  // The saved draft did not show up in the mailbox within the wait (Outlook syncs it later, or the id is not the user's).
  DRAFT_NOT_FOUND: 404,
  // Recipient sources (contacts, directory, groups, a draft's recipients) need a Microsoft 365 mailbox.
  SOURCE_UNAVAILABLE: 409,
  PROVIDER_FAILED: 502,
  INTERNAL: 500,
};

/** An error meant for the user: a stable code, a message that says what to do, and details. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
  }

  /** The HTTP status this error is answered with. */
  get status(): number {
    return STATUS[this.code];
  }
}
