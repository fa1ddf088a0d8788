import { Environment, IncomingRequest, Outcome, Reply, RequestContext, RouteDef } from "./context";
import { accessDenied, buildErrorBody, ConnectionReset, GraphError, invalidToken, unknownSegment } from "./errors";
import { FaultAction, FiredFault } from "./faults";
import { createRequestId } from "./ids";
import { Mailbox } from "./mailbox";
import { Router } from "./router";
import { TokenGrant } from "./tokens";

const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const IMMUTABLE_PREFERENCE = /IdType\s*=\s*"?ImmutableId"?/i;

function faultError(action: Extract<FaultAction, { type: "status" }>): GraphError {
  const retry: Record<string, string> = action.retryAfterSec !== undefined ? { "Retry-After": String(action.retryAfterSec) } : {};
  if (action.status === 429) {
    return new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", { "Retry-After": "1", ...retry });
  }
  if (action.status === 503) {
    return new GraphError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.", { "Retry-After": "1", ...retry });
  }
  if (action.status === 504) return new GraphError(504, "UnknownError", "", retry);
  return new GraphError(action.status, action.status >= 500 ? "InternalServerError" : "BadRequest", "Injected fault.", retry);
}

function authenticate(env: Environment, route: RouteDef, request: IncomingRequest, params: Record<string, string>): TokenGrant {
  if (route.scope === "upload") return env.uploads.authorize(params.session, request.query.get("authtoken"));
  const verdict = env.tokens.verify(request.headers.authorization);
  if (verdict instanceof GraphError) throw verdict;
  return verdict;
}

function resolveMailbox(env: Environment, route: RouteDef, grant: TokenGrant, params: Record<string, string>): Mailbox | null {
  if (route.scope === "upload") return env.store.findMailbox(grant.userId) ?? null;
  if (route.scope !== "mailbox") return null;
  const target = params.user ?? grant.userId;
  const mailbox = env.store.findMailbox(target);
  if (!mailbox) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${target}' is invalid.`);
  if (mailbox.userId !== grant.userId) throw accessDenied();
  return mailbox;
}

async function applyFault(fault: FiredFault, reply: () => Promise<Reply>): Promise<Outcome> {
  const { action } = fault;
  if (action.type === "delay") await new Promise((resolve) => setTimeout(resolve, action.ms));
  if (action.type === "hold" && fault.wait) await fault.wait();
  if (action.type === "reset") {
    if (fault.phase === "after") await reply();
    return { kind: "reset" };
  }
  if (action.type === "status") {
    if (fault.phase === "after") await reply();
    throw faultError(action);
  }
  return { kind: "reply", reply: await reply() };
}

/** Runs one request through auth, limits, faults and its handler: Graph's front door. */
export function createDispatcher(env: Environment, routes: RouteDef[]): (request: IncomingRequest) => Promise<Outcome> {
  const router = new Router(routes);
  return async (request) => {
    const requestId = createRequestId();
    const clientRequestId = request.headers["client-request-id"] ?? requestId;
    const immutableIds = IMMUTABLE_PREFERENCE.test(request.headers.prefer ?? "");
    let outcome: Outcome;
    try {
      outcome = await run(env, router, request, immutableIds);
    } catch (error) {
      if (error instanceof ConnectionReset) return { kind: "reset" };
      const graphError =
        error instanceof GraphError ? error : new GraphError(500, "InternalServerError", (error as Error).message);
      outcome = {
        kind: "reply",
        reply: {
          status: graphError.status,
          headers: graphError.headers,
          body: buildErrorBody(graphError.code, graphError.message, requestId, clientRequestId),
        },
      };
    }
    if (outcome.kind === "reply") {
      outcome.reply.headers = { ...outcome.reply.headers, "request-id": requestId, "client-request-id": clientRequestId };
      if (immutableIds) outcome.reply.headers["Preference-Applied"] = 'IdType="ImmutableId"';
    }
    return outcome;
  };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function run(env: Environment, router: Router, request: IncomingRequest, immutableIds: boolean): Promise<Outcome> {
  // Outlook ids are URL-safe base64, so decoding the whole path cannot split an id.
  const found = router.match(request.method, decodePath(request.path));
  if (found === null) {
    const segments = request.path.split("/").filter(Boolean);
    throw unknownSegment(segments[segments.length - 1] ?? "");
  }
  if (found === "method-not-allowed") {
    throw new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  }
  const { route, params } = found;
  const grant = authenticate(env, route, request, params);
  const user = env.store.directory.findUser(grant.userId) ?? null;
  if (!user) throw invalidToken("Access token validation failure. The user no longer exists.");
  const mailbox = resolveMailbox(env, route, grant, params);
  if (route.scope !== "upload" && request.body.length > MAX_REQUEST_BYTES) {
    throw new GraphError(413, "BadRequest", "The maximum request length supported is 4MB.");
  }
  let release: (() => void) | null = null;
  try {
    if (mailbox) {
      const slot = env.limits.acquire(grant.appId, mailbox.userId);
      if (slot instanceof GraphError) throw slot;
      release = slot;
      const writes = request.method === "GET" || request.method === "DELETE" ? 0 : request.body.length;
      const refusal = env.limits.admitRequest(grant.appId, mailbox.userId, writes);
      if (refusal) throw refusal;
    }
    const ctx: RequestContext = {
      ...request,
      env,
      params,
      grant,
      mailbox,
      user,
      immutableIds,
      selfUrl: env.baseUrl + request.path,
      ownerSegment: `users('${mailbox?.userId ?? user.id}')`,
    };
    const reply = async () => route.handle(ctx);
    const fault = env.faults.pick({ method: request.method, path: request.path, mailbox: mailbox?.userId ?? null });
    if (!fault) return { kind: "reply", reply: await reply() };
    if (fault.phase === "after" && (fault.action.type === "delay" || fault.action.type === "hold")) {
      const done = await reply();
      return await applyFault(fault, async () => done);
    }
    // Awaited here so the concurrency slot is held until the fault has played out.
    return await applyFault(fault, reply);
  } finally {
    release?.();
  }
}
