import { IncomingRequest, Reply, RequestContext, RouteDef } from "../context";
import { badRequest, buildErrorBody, ConnectionReset, parseJsonBody } from "../errors";
import { createRequestId } from "../ids";

const MAX_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function readItems(input: Record<string, unknown>): BatchItem[] {
  const requests = input.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest("Invalid batch payload format.");
  if (requests.length > MAX_REQUESTS) {
    throw badRequest(`Number of requests in the batch exceeds the limit of ${MAX_REQUESTS}.`);
  }
  const items = requests.map((raw) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    if (typeof entry.id !== "string" || typeof entry.method !== "string" || typeof entry.url !== "string") {
      throw badRequest("Each batch request needs an id, a method and a url.");
    }
    if (entry.body !== undefined && !entry.headers) throw badRequest("Content-Type header is required when a body is given.");
    const headers = Object.fromEntries(
      Object.entries((entry.headers ?? {}) as Record<string, string>).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    return { id: entry.id, method: entry.method.toUpperCase(), url: entry.url, headers, body: entry.body, dependsOn: (entry.dependsOn as string[]) ?? [] };
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id.toLowerCase())) throw badRequest(`Batch request ids must be unique; '${item.id}' appears twice.`);
    ids.add(item.id.toLowerCase());
  }
  for (const item of items) {
    const unknown = item.dependsOn.find((id) => !ids.has(id.toLowerCase()));
    if (unknown !== undefined) throw badRequest(`Batch request '${item.id}' depends on unknown request '${unknown}'.`);
  }
  checkAcyclic(items);
  return items;
}

function checkAcyclic(items: BatchItem[]): void {
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const done = new Set<string>();
  const visit = (item: BatchItem, path: Set<string>): void => {
    const key = item.id.toLowerCase();
    if (done.has(key)) return;
    if (path.has(key)) throw badRequest(`Batch request '${item.id}' depends on itself through dependsOn.`);
    path.add(key);
    item.dependsOn.forEach((id) => visit(byId.get(id.toLowerCase()) as BatchItem, path));
    path.delete(key);
    done.add(key);
  };
  items.forEach((item) => visit(item, new Set()));
}

function toIncoming(ctx: RequestContext, item: BatchItem): IncomingRequest {
  const url = new URL(item.url.startsWith("/") ? item.url : `/${item.url}`, "http://batch.invalid");
  // Only the inner request's own headers apply, plus the outer request's credentials.
  const headers = { authorization: ctx.headers.authorization ?? "", ...item.headers };
  const body = item.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof item.body === "string" ? item.body : JSON.stringify(item.body));
  return { method: item.method, path: url.pathname, query: url.searchParams, headers, body };
}

function toResponse(id: string, reply: Reply): BatchResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    if (name !== "request-id" && name !== "client-request-id") headers[name] = value;
  }
  if (reply.body === undefined) return { id, status: reply.status, headers };
  if (Buffer.isBuffer(reply.body)) return { id, status: reply.status, headers, body: reply.body.toString("base64") };
  headers["Content-Type"] = "application/json";
  return { id, status: reply.status, headers, body: reply.body };
}

function createGate(parallelism: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= parallelism) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

async function runBatch(ctx: RequestContext): Promise<Reply> {
  const items = readItems(parseJsonBody(ctx.body));
  const gate = createGate(Math.max(1, ctx.env.limits.settings.batchParallelism));
  const started = new Map<string, Promise<BatchResponse>>();
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const run = (item: BatchItem): Promise<BatchResponse> => {
    const key = item.id.toLowerCase();
    if (!started.has(key)) {
      started.set(key, (async () => {
        const dependencies = await Promise.all(item.dependsOn.map((id) => run(byId.get(id.toLowerCase()) as BatchItem)));
        if (dependencies.some((response) => response.status >= 400)) {
          const failed = buildErrorBody("FailedDependency", "A request this request depends on failed.", createRequestId(), createRequestId());
          return { id: item.id, status: 424, headers: { "Content-Type": "application/json" }, body: failed };
        }
        const outcome = await gate(() => ctx.env.dispatch(toIncoming(ctx, item)));
        if (outcome.kind === "reset") throw new ConnectionReset();
        return toResponse(item.id, outcome.reply);
      })());
    }
    return started.get(key) as Promise<BatchResponse>;
  };
  const responses = await Promise.all(items.map(run));
  return { status: 200, body: { responses } };
}

/** `POST /$batch`: up to 20 inner requests, each with its own status, headers and body inside a 200. */
export const batchRoutes: RouteDef[] = [{ method: "POST", path: "/$batch", scope: "batch", handle: runBatch }];
