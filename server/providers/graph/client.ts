import { Client, GraphClientError, ResponseType, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { PREFER_IMMUTABLE_IDS, toApiPath } from './requests';

/** A non-2xx reply from Graph, with its error code and headers (Retry-After). Never holds the token. */
export class GraphHttpError extends Error {
  override readonly name = 'GraphHttpError';

  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Headers) {
    super(message);
  }

  /** Reads Graph's `{ error: { code, message } }` body from a failed response. */
  static async from(res: Response): Promise<GraphHttpError> {
    const text = await res.text().catch(() => '');
    let code = '';
    let message = text.slice(0, 500);
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      code = typeof body.error?.code === 'string' ? body.error.code : '';
      message = typeof body.error?.message === 'string' ? body.error.message : message;
    } catch {
      // Not JSON (a proxy's page): the text itself is the best detail there is.
    }
    return new GraphHttpError(res.status, code, message, res.headers);
  }
}

/** The request never got a reply (reset, refused, timed out); `cause` is the socket's error. */
export class GraphTransportError extends GraphClientError {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    // GraphClientError resets the prototype to its own; restore ours so instanceof works.
    Object.setPrototypeOf(this, GraphTransportError.prototype);
    this.name = 'GraphTransportError';
  }
}

/**
 * The last link of the SDK's middleware chain: our own fetch (so tests reach the emulator), with
 * socket errors kept intact. The SDK would otherwise flatten them into a GraphError without the
 * code that tells a refused connection (not sent) from a reset one (maybe sent).
 */
class FetchHandler implements Middleware {
  constructor(private readonly fetchFn: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetchFn(context.request, context.options as RequestInit);
    } catch (err) {
      throw new GraphTransportError(err);
    }
  }
}

/** A Graph reply. */
export interface GraphReply<T> { status: number; headers: Headers; body: T }

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Microsoft Graph for one user, through `@microsoft/microsoft-graph-client`: every request carries
 * the user's token and `Prefer: IdType="ImmutableId"`. No retries here: the caller decides, since
 * retrying a send is only safe when it certainly did not go out.
 */
export class GraphApi {
  private readonly client: Client;

  constructor(private readonly baseUrl: string, private readonly token: () => Promise<string>, private readonly fetchFn: typeof fetch = fetch) {
    const url = new URL(baseUrl);
    const segments = url.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? 'v1.0';
    const host = `${url.origin}${segments.length ? `/${segments.join('/')}` : ''}`;
    this.client = Client.initWithMiddleware({ baseUrl: host, defaultVersion: version, middleware: new FetchHandler(fetchFn) });
  }

  /** GET, parsed JSON. */
  async get<T>(path: string): Promise<T> {
    return (await this.request<T>('GET', path)).body;
  }

  /** POST a JSON body (or none), parsed JSON reply (undefined for 202/204). */
  async post<T>(path: string, body?: unknown): Promise<T> {
    return (await this.request<T>('POST', path, body)).body;
  }

  /** DELETE. */
  async delete(path: string): Promise<void> {
    await this.request('DELETE', path);
  }

  /** GET raw bytes (an attachment's `$value`). */
  async getBytes(path: string): Promise<Uint8Array> {
    const token = await this.token();
    const res: Response = await this.client
      .api(toApiPath(path, this.baseUrl))
      .header('Authorization', `Bearer ${token}`)
      .header('Prefer', PREFER_IMMUTABLE_IDS)
      .responseType(ResponseType.RAW)
      .get();
    if (!res.ok) throw await GraphHttpError.from(res);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** Any request, with status and headers. */
  async request<T>(method: Method, path: string, body?: unknown): Promise<GraphReply<T>> {
    const token = await this.token();
    const req = this.client
      .api(toApiPath(path, this.baseUrl))
      .header('Authorization', `Bearer ${token}`)
      .header('Prefer', PREFER_IMMUTABLE_IDS)
      .responseType(ResponseType.RAW);
    const res: Response =
      method === 'GET' ? await req.get()
        : method === 'POST' ? await req.post(body ?? '')
          : method === 'PATCH' ? await req.patch(body)
            : await req.delete();
    if (!res.ok) throw await GraphHttpError.from(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /**
   * PUTs bytes to a pre-authenticated upload URL. Graph says not to send the bearer token there
   * (the URL carries its own), so this goes straight to fetch, outside the SDK.
   */
  async putBytes(uploadUrl: string, bytes: Uint8Array, contentRange: string): Promise<GraphReply<unknown>> {
    let res: Response;
    try {
      res = await this.fetchFn(uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': contentRange },
        // A copy typed as ArrayBuffer-backed, as fetch wants; chunks are at most a few MB.
        body: new Uint8Array(bytes),
      });
    } catch (err) {
      throw new GraphTransportError(err);
    }
    if (!res.ok) throw await GraphHttpError.from(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
}
