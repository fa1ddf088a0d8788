import { DirectoryUser } from "./directory";
import { EmulatorOptions, GraphEmulator, startGraphEmulator } from "./emulator";

/** A reply as the emulator's tests read it. */
export interface GraphReply {
  status: number;
  headers: Headers;
  body: any;
}

/** Per-call options: a body to send as JSON, extra headers, immutable ids. */
export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  immutable?: boolean;
  token?: string | null;
}

/** Calls the emulator with plain fetch, the way any Graph client would. */
export type GraphCall = (method: string, pathOrUrl: string, options?: CallOptions) => Promise<GraphReply>;

/** Builds a caller bound to a base URL and a default token. */
export function createGraphCall(baseUrl: string, token: string): GraphCall {
  return async (method, pathOrUrl, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
    if (options.immutable) headers.Prefer = 'IdType="ImmutableId"';
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** A started emulator with one signed-in user and a caller holding that user's token. */
export interface TestTenant {
  emulator: GraphEmulator;
  owner: DirectoryUser;
  token: string;
  graph: GraphCall;
}

/** Starts an emulator on port 0 with a mailbox owner signed in. */
export async function startTestTenant(options: EmulatorOptions = {}): Promise<TestTenant> {
  const emulator = await startGraphEmulator(options);
  const owner = emulator.addUser({ userPrincipalName: "owner@contoso.test", displayName: "Owner", givenName: "Olga", surname: "Owner" });
  const token = emulator.issueToken(owner.id);
  return { emulator, owner, token, graph: createGraphCall(emulator.url, token) };
}

/** A draft body with one recipient and the tag Seriatim puts on every message. */
export function draftBody(tag: string, recipients: string[] = ["alice@example.test"]): Record<string, unknown> {
  return {
    subject: `Hello ${tag}`,
    body: { contentType: "HTML", content: `<p>Hi ${tag}</p>` },
    toRecipients: recipients.map((address) => ({ emailAddress: { address } })),
    internetMessageHeaders: [{ name: "x-seriatim-delivery", value: tag }],
    singleValueExtendedProperties: [{ id: TAG_PROPERTY, value: tag }],
  };
}

/** The named extended property the provider tags messages with. */
export const TAG_PROPERTY = "String {8d4a3e1c-5b2f-4c7a-9e6d-1f0b2a3c4d5e} Name seriatimTag";

/** Collects every page of a collection by following `@odata.nextLink`. */
export async function collectPages(graph: GraphCall, firstPath: string, options: CallOptions = {}): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let next: string | undefined = firstPath;
  let pages = 0;
  while (next) {
    const reply = await graph("GET", next, options);
    if (reply.status !== 200) throw new Error(`Paging failed with ${reply.status}: ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.value);
    next = reply.body["@odata.nextLink"];
    pages++;
  }
  return { items, pages };
}
