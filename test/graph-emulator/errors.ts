/** An error a handler throws; the pipeline turns it into Graph's error body and status. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Graph's innerError.date: UTC, seconds precision, no zone suffix. */
function formatInnerDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The body Graph returns for every error: `{ error: { code, message, innerError } }`. */
export function buildErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
): { error: { code: string; message: string; innerError: Record<string, string> } } {
  return {
    error: {
      code,
      message,
      innerError: {
        date: formatInnerDate(Date.now()),
        "request-id": requestId,
        "client-request-id": clientRequestId,
      },
    },
  };
}

/** 404 for a message, attachment or folder id that does not resolve in the mailbox. */
export function itemNotFound(): GraphError {
  return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

/** 400 for a malformed request body or parameter. */
export function badRequest(message: string, code = "BadRequest"): GraphError {
  return new GraphError(400, code, message);
}

/** 400 for a path segment no route knows, worded as Graph words it. */
export function unknownSegment(segment: string): GraphError {
  return new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
}

/** 401 for a missing, malformed, unknown or expired bearer token. */
export function invalidToken(message: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", message, {
    "WWW-Authenticate":
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** 403 when a delegated token reaches for someone else's mailbox. */
export function accessDenied(): GraphError {
  return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
}

/** 429 with Retry-After, the shape of every Outlook throttling reply. */
export function throttled(message: string, retryAfterSec: number, code = "ApplicationThrottled"): GraphError {
  return new GraphError(429, code, message, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSec))) });
}

/** Reads a JSON request body, failing as Graph does when it is not JSON. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Fall through to the error below: Graph words syntax and shape errors alike.
  }
  throw badRequest(
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
  );
}

/** Thrown to tear the connection down without a reply (used when a $batch inner request resets). */
export class ConnectionReset extends Error {
  constructor() {
    super("connection reset");
  }
}
