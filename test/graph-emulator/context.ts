import type { DirectoryUser } from "./directory";
import type { Delivery } from "./delivery";
import type { Faults } from "./faults";
import type { Limits } from "./limits";
import type { Mailbox } from "./mailbox";
import type { EmulatorStore } from "./store";
import type { TokenGrant, TokenRegistry } from "./tokens";
import type { UploadSessions } from "./upload-sessions";

/** A request as the pipeline sees it, whether from the socket or from inside a $batch. */
export interface IncomingRequest {
  method: string;
  /** Path after `/v1.0` (or the upload path), percent-decoded per segment by the router. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** What a handler answers: a JSON body, raw bytes, or nothing. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The end of a request: a reply, or a torn connection the client never hears back from. */
export type Outcome = { kind: "reply"; reply: Reply } | { kind: "reset" };

/** Shared services every handler can reach. */
export interface Environment {
  store: EmulatorStore;
  tokens: TokenRegistry;
  limits: Limits;
  faults: Faults;
  delivery: Delivery;
  uploads: UploadSessions;
  /** `http://127.0.0.1:PORT` once listening. */
  origin: string;
  /** `http://127.0.0.1:PORT/v1.0`, the base of every Graph URL the emulator hands out. */
  baseUrl: string;
  /** Runs a request through the whole pipeline (auth, limits, faults, handler). */
  dispatch(request: IncomingRequest): Promise<Outcome>;
}

/** Everything a handler gets for one request. */
export interface RequestContext extends IncomingRequest {
  env: Environment;
  params: Record<string, string>;
  grant: TokenGrant | null;
  /** The mailbox a `/me/...` or `/users/{id}/...` route addresses. */
  mailbox: Mailbox | null;
  /** The signed-in user (the token's), when the request carries a token. */
  user: DirectoryUser | null;
  /** True when the request asked for immutable ids with `Prefer: IdType="ImmutableId"`. */
  immutableIds: boolean;
  /** The request URL without its query, for `@odata.nextLink`. */
  selfUrl: string;
  /** How `@odata.context` names the mailbox owner: `users('{id}')`. */
  ownerSegment: string;
}

/** Which checks a route needs before its handler runs. */
export type RouteScope = "mailbox" | "tenant" | "upload" | "batch";

/** One endpoint. Mailbox routes are written relative to the mailbox (`/messages/:id`) and served under `/me` and `/users/:user`. */
export interface RouteDef {
  method: string;
  path: string | RegExp;
  scope: RouteScope;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

/** A JSON reply with Graph's content type. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}
