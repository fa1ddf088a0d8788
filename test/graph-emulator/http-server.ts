import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { IncomingRequest, Outcome } from "./context";
import { buildErrorBody } from "./errors";
import { createRequestId } from "./ids";

const MAX_BODY_BYTES = 160 * 1024 * 1024;
const JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

type Dispatch = (request: IncomingRequest) => Promise<Outcome>;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

// Graph lives under /v1.0; upload URLs imitate Outlook's /api/v2.0 AttachmentSessions.
function routePath(pathname: string): string | null {
  if (pathname === "/v1.0" || pathname.startsWith("/v1.0/")) return pathname.slice("/v1.0".length) || "/";
  if (pathname.startsWith("/api/v2.0/")) return pathname;
  return null;
}

function writeError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = createRequestId();
  res.writeHead(status, { "Content-Type": JSON_TYPE, "request-id": id });
  res.end(JSON.stringify(buildErrorBody(code, message, id, id)));
}

function writeOutcome(req: IncomingMessage, res: ServerResponse, outcome: Outcome): void {
  if (outcome.kind === "reset") {
    // An RST rather than a FIN: the client sees ECONNRESET, as when a proxy drops the connection.
    const socket = req.socket as Socket & { resetAndDestroy?: () => void };
    if (socket.resetAndDestroy) socket.resetAndDestroy();
    else socket.destroy();
    return;
  }
  const { reply } = outcome;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(reply.body)) {
    payload = reply.body;
  } else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers["Content-Type"] = JSON_TYPE;
  }
  headers["Content-Length"] = String(payload?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

async function handle(dispatch: Dispatch, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = routePath(url.pathname);
  if (path === null) {
    writeError(res, 400, "BadRequest", `Invalid version: ${url.pathname.split("/")[1] ?? ""}`);
    return;
  }
  const body = await readBody(req);
  if (body === null) {
    writeError(res, 413, "BadRequest", "The maximum request length supported is exceeded.");
    return;
  }
  const outcome = await dispatch({
    method: (req.method ?? "GET").toUpperCase(),
    path,
    query: url.searchParams,
    headers: flattenHeaders(req),
    body,
  });
  writeOutcome(req, res, outcome);
}

/** An HTTP server that feeds every request to the dispatcher, and can drop all connections on close. */
export function createHttpServer(dispatch: Dispatch): { server: Server; closeAll(): Promise<void> } {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(dispatch, req, res).catch((error: Error) => {
      if (!res.headersSent) writeError(res, 500, "InternalServerError", error.message);
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const closeAll = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { server, closeAll };
}
