/**
 * Errors are classified once, here. Whatever a provider throws becomes a kind (transient: retry
 * with backoff; throttled: wait Retry-After and slow down; permanent: fail this delivery and
 * count it toward the error threshold) plus an outcome: 'not-sent' only when the message
 * certainly did not go out. A send is retried only then; 'unknown' makes the engine ask the
 * provider whether the tagged message exists before it does anything else.
 */
/** What kind of failure: decides between retry, wait, and fail. */
export type ErrorKind = 'transient' | 'throttled' | 'permanent';

/** Whether the message certainly did not go out ('not-sent') or might have ('unknown'). */
export type SendOutcome = 'not-sent' | 'unknown';

/** A classified failure, ready for the engine and for the delivery report. */
export interface ClassifiedError {
  kind: ErrorKind;
  /** Stable UPPER_SNAKE code. */
  code: string;
  message: string;
  retryAfterMs?: number;
  /**
   * A wait that is not about load (the user's sign-in is missing): the mailbox waits out
   * `retryAfterMs` but keeps its rate, which a real throttling reply halves.
   */
  keepRate?: boolean;
  outcome: SendOutcome;
  /** The raw server reply or underlying error text, for the report. */
  detail?: string;
  status?: number;
}

/** An error a provider raises once it already knows what went wrong. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryAfterMs?: number;
  readonly keepRate?: boolean;
  readonly outcome: SendOutcome;
  readonly detail?: string;
  readonly status?: number;

  constructor(init: Omit<ClassifiedError, 'outcome'> & { outcome?: SendOutcome; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.kind = init.kind;
    this.retryAfterMs = init.retryAfterMs;
    this.keepRate = init.keepRate;
    this.outcome = init.outcome ?? 'unknown';
    this.detail = init.detail;
    this.status = init.status;
  }
}

/** Attempts of one send for transient failures before the delivery fails. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/** Wait after a throttling reply that names no Retry-After. */
export const DEFAULT_THROTTLE_MS = 60_000;
/** Ceiling of the first backoff; it doubles with each attempt. */
export const RETRY_BASE_MS = 1000;
/** No backoff is longer than this. */
export const RETRY_CAP_MS = 300_000;

type Loose = Record<string, unknown>;
type Classification = Omit<ClassifiedError, 'detail'>;

/** Turns anything thrown by a provider, a socket, fetch or nodemailer into a ClassifiedError. */
export function classifyError(err: unknown, now: number = Date.now()): ClassifiedError {
  if (err instanceof ProviderError) {
    const { kind, code, message, outcome, detail, status, keepRate } = err;
    const retryAfterMs = kind === 'throttled' ? err.retryAfterMs ?? DEFAULT_THROTTLE_MS : err.retryAfterMs;
    return prune({ kind, code, message, retryAfterMs, keepRate, outcome, detail, status });
  }
  const e: Loose = typeof err === 'object' && err !== null ? (err as Loose) : { message: String(err) };
  const text = typeof e.message === 'string' ? e.message : undefined;
  const response = typeof e.response === 'object' && e.response !== null ? (e.response as Loose) : {};
  let c: Classification | undefined;
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR' || e.code === 'EABORT') {
    // We gave up waiting; the request may already have reached the provider.
    c = e.name === 'TimeoutError'
      ? { kind: 'transient', code: 'REQUEST_TIMEOUT', outcome: 'unknown', message: 'The provider did not answer in time.' }
      : { kind: 'transient', code: 'REQUEST_ABORTED', outcome: 'unknown', message: 'The request was aborted.' };
  }
  const smtpCode = typeof e.responseCode === 'number' && (typeof e.command === 'string' || typeof e.response === 'string')
    ? e.responseCode : undefined;
  if (!c && smtpCode !== undefined && smtpCode >= 400) c = classifySmtp(smtpCode, String(e.response ?? text ?? ''), e.command);
  const status = firstNumber(e.status, e.statusCode, smtpCode === undefined ? e.responseCode : undefined, response.status);
  if (!c && status !== undefined && status >= 400) {
    const body = (e.body ?? response.data ?? response.body) as Loose | undefined;
    const bodyCode = (body?.error as Loose | undefined)?.code;
    c = classifyHttp(status, String((typeof e.code === 'string' ? e.code : bodyCode) ?? ''));
    c.status = status;
    if (c.kind !== 'permanent') c.retryAfterMs = readRetryAfter(e.headers ?? response.headers, now) ?? c.retryAfterMs;
    if (c.retryAfterMs !== undefined && c.kind === 'transient' && status === 503) c.kind = 'throttled';
  }
  if (!c) c = classifyNetwork(findNetworkCause(e));
  if (!c) c = { kind: 'permanent', code: 'UNEXPECTED_ERROR', outcome: 'unknown', message: 'An unexpected error occurred.' };
  if (c.kind === 'throttled' && c.retryAfterMs === undefined) c.retryAfterMs = DEFAULT_THROTTLE_MS;
  const detail = typeof e.response === 'string' ? e.response : text;
  return prune({ ...c, detail: detail === c.message ? undefined : detail });
}

/**
 * Delay before retry number `attempt` (1 = first retry): full jitter over an exponentially
 * growing ceiling, so that many deliveries failing together do not retry together.
 */
export function nextRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** Whether a failed send may be tried again after `attempts` attempts: only if it certainly did not go out. */
export function canRetrySend(error: ClassifiedError, attempts: number): boolean {
  if (error.outcome !== 'not-sent') return false;
  return error.kind === 'throttled' || (error.kind === 'transient' && attempts < MAX_TRANSIENT_ATTEMPTS);
}

/** How long to wait after "daily quota exceeded": the provider's own budget, not ours, ran out. */
const QUOTA_WAIT_MS = 3_600_000;

const rule = (kind: ErrorKind, code: string, outcome: SendOutcome, message: string): Classification =>
  ({ kind, code, outcome, message });

/** A negative SMTP reply is a refusal of what was sent, so the message certainly did not go out. */
function classifySmtp(reply: number, text: string, command: unknown): Classification {
  const enhanced = /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(text)?.[0] ?? '';
  if (/5\.1\.90|SubmissionQuotaExceeded|RecipientRateLimit|daily (sending|recipient) (limit|quota)/i.test(text)) {
    return { ...rule('throttled', 'QUOTA_EXCEEDED', 'not-sent', 'The mailbox reached its sending quota; sending continues later.'), retryAfterMs: QUOTA_WAIT_MS };
  }
  if (reply < 500) {
    const throttled = enhanced.startsWith('4.7.') || enhanced === '4.3.2' || /throttl|rate limit|too many|thread limit/i.test(text);
    return throttled
      ? rule('throttled', 'SMTP_THROTTLED', 'not-sent', 'The mail server asked to slow down.')
      : rule('transient', 'SMTP_TEMPORARY_FAILURE', 'not-sent', 'The mail server refused the message for now; it will be retried.');
  }
  if (reply === 503) return rule('transient', 'SMTP_BAD_SEQUENCE', 'not-sent', 'The mail server lost track of the session; it will be retried.');
  if ([530, 534, 535, 538].includes(reply)) return rule('permanent', 'AUTH_FAILED', 'not-sent', 'The mail server rejected the sign-in; check the account settings.');
  if (reply === 552 || enhanced === '5.3.4') return rule('permanent', 'MESSAGE_TOO_LARGE', 'not-sent', 'The message is larger than the mail server accepts.');
  if (command === 'RCPT TO') return rule('permanent', 'RECIPIENT_REJECTED', 'not-sent', 'The mail server rejected the recipient address.');
  if (command === 'MAIL FROM') return rule('permanent', 'SENDER_REJECTED', 'not-sent', 'The mail server rejected the sender address.');
  return rule('permanent', 'MESSAGE_REJECTED', 'not-sent', 'The mail server rejected the message.');
}

/** Provider error codes (Graph's `error.code`) that say more than the status. */
const GRAPH_CODES: Record<string, Classification> = {
  ErrorQuotaExceeded: rule('permanent', 'MAILBOX_FULL', 'not-sent', 'The mailbox is full; free some space, then retry the failed deliveries.'),
  ErrorMessageSizeExceeded: rule('permanent', 'MESSAGE_TOO_LARGE', 'not-sent', 'The message is larger than the mailbox may send.'),
  ErrorSendAsDenied: rule('permanent', 'SEND_AS_DENIED', 'not-sent', 'This mailbox may not send as the chosen sender.'),
  MailboxNotEnabledForRESTAPI: rule('permanent', 'MAILBOX_NOT_ENABLED', 'not-sent', 'The mailbox cannot be used through Microsoft Graph.'),
  ErrorExceededMessageLimit: rule('permanent', 'TOO_MANY_RECIPIENTS', 'not-sent', 'The message has more recipients than allowed.'),
  ErrorInvalidRecipients: rule('permanent', 'RECIPIENT_REJECTED', 'not-sent', 'The recipient address was rejected.'),
  ErrorSubmissionQuotaExceeded: { ...rule('throttled', 'QUOTA_EXCEEDED', 'not-sent', 'The mailbox reached its sending quota; sending continues later.'), retryAfterMs: QUOTA_WAIT_MS },
};

/** 4xx: the request was refused before anything happened. 5xx: it may have been carried out. */
const HTTP_STATUSES: Record<number, Classification> = {
  401: rule('transient', 'UNAUTHORIZED', 'not-sent', 'The mailbox token was rejected; a new one will be used.'),
  403: rule('permanent', 'FORBIDDEN', 'not-sent', 'The mailbox does not allow this; check its permissions.'),
  404: rule('permanent', 'NOT_FOUND', 'not-sent', 'The mailbox or message was not found.'),
  408: rule('transient', 'REQUEST_TIMEOUT', 'not-sent', 'The provider timed out reading the request.'),
  409: rule('transient', 'CONFLICT', 'not-sent', 'The provider reported a conflicting change.'),
  412: rule('transient', 'CONFLICT', 'not-sent', 'The provider reported a conflicting change.'),
  413: rule('permanent', 'MESSAGE_TOO_LARGE', 'not-sent', 'The message is larger than the provider accepts.'),
  423: rule('transient', 'LOCKED', 'not-sent', 'The mailbox is busy.'),
  429: rule('throttled', 'RATE_LIMITED', 'not-sent', 'The provider asked to slow down.'),
  502: rule('transient', 'BAD_GATEWAY', 'unknown', 'The provider had a gateway error.'),
  503: rule('transient', 'SERVICE_UNAVAILABLE', 'unknown', 'The provider is unavailable.'),
  504: rule('transient', 'GATEWAY_TIMEOUT', 'unknown', 'The provider timed out.'),
};

function classifyHttp(status: number, providerCode: string): Classification {
  const known = GRAPH_CODES[providerCode] ?? HTTP_STATUSES[status];
  if (known) return { ...known };
  return status < 500
    ? rule('permanent', 'REQUEST_REJECTED', 'not-sent', 'The provider rejected the request.')
    : rule('transient', 'SERVER_ERROR', 'unknown', 'The provider had an internal error.');
}

const LOST = 'The connection was lost; whether the message went out will be checked.';
/** Socket, fetch (undici) and nodemailer codes. Failing to connect means nothing was sent. */
const NETWORK_CODES: Record<string, Classification> = {
  ECONNREFUSED: rule('transient', 'CONNECTION_REFUSED', 'not-sent', 'The server refused the connection.'),
  ENOTFOUND: rule('transient', 'DNS_FAILURE', 'not-sent', 'The server name could not be resolved.'),
  EAI_AGAIN: rule('transient', 'DNS_FAILURE', 'not-sent', 'The server name could not be resolved.'),
  EDNS: rule('transient', 'DNS_FAILURE', 'not-sent', 'The server name could not be resolved.'),
  EHOSTUNREACH: rule('transient', 'NETWORK_UNREACHABLE', 'not-sent', 'The server cannot be reached.'),
  ENETUNREACH: rule('transient', 'NETWORK_UNREACHABLE', 'not-sent', 'The server cannot be reached.'),
  ENETDOWN: rule('transient', 'NETWORK_UNREACHABLE', 'not-sent', 'The network is down.'),
  UND_ERR_CONNECT_TIMEOUT: rule('transient', 'CONNECT_TIMEOUT', 'not-sent', 'Connecting to the server timed out.'),
  // A peer that closed before our write could not have received the whole request or message.
  EPIPE: rule('transient', 'CONNECTION_CLOSED', 'not-sent', 'The server closed the connection while the message was being sent.'),
  ECONNRESET: rule('transient', 'CONNECTION_LOST', 'unknown', LOST),
  ECONNABORTED: rule('transient', 'CONNECTION_LOST', 'unknown', LOST),
  UND_ERR_SOCKET: rule('transient', 'CONNECTION_LOST', 'unknown', LOST),
  ECONNECTION: rule('transient', 'CONNECTION_LOST', 'unknown', LOST),
  ESOCKET: rule('transient', 'CONNECTION_LOST', 'unknown', LOST),
  ETIMEDOUT: rule('transient', 'TIMEOUT', 'unknown', 'The server stopped answering; whether the message went out will be checked.'),
  UND_ERR_HEADERS_TIMEOUT: rule('transient', 'TIMEOUT', 'unknown', 'The server stopped answering; whether the message went out will be checked.'),
  UND_ERR_BODY_TIMEOUT: rule('transient', 'TIMEOUT', 'unknown', 'The server stopped answering; whether the message went out will be checked.'),
  EPROTOCOL: rule('transient', 'PROTOCOL_ERROR', 'unknown', 'The mail server answered unexpectedly.'),
  ETLS: rule('transient', 'TLS_FAILED', 'not-sent', 'The secure connection could not be set up.'),
  EREQUIRETLS: rule('permanent', 'TLS_REQUIRED', 'not-sent', 'The mail server cannot guarantee TLS as required.'),
  EAUTH: rule('permanent', 'AUTH_FAILED', 'not-sent', 'The mail server rejected the sign-in; check the account settings.'),
  ENOAUTH: rule('permanent', 'AUTH_FAILED', 'not-sent', 'The mail server needs a sign-in; check the account settings.'),
  EOAUTH2: rule('permanent', 'AUTH_FAILED', 'not-sent', 'The mailbox token could not be obtained; sign in again.'),
  EENVELOPE: rule('permanent', 'ENVELOPE_REJECTED', 'not-sent', 'The sender or recipient addresses were rejected.'),
  EMESSAGE: rule('permanent', 'MESSAGE_REJECTED', 'not-sent', 'The message was rejected.'),
  EMAXRECIPIENTS: rule('permanent', 'TOO_MANY_RECIPIENTS', 'not-sent', 'The message has more recipients than allowed.'),
  ESTREAM: rule('permanent', 'MESSAGE_UNREADABLE', 'not-sent', 'The message content could not be read.'),
};

/** SMTP commands before the message body: a failure during them cannot have sent anything. */
const BEFORE_BODY = /^(EHLO|HELO|LHLO|STARTTLS|AUTH\b|MAIL FROM|RCPT TO)/;
/** nodemailer's timeouts before a session exists (its socket timeout is reported as 'CONN' too). */
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

function classifyNetwork(e: Loose): Classification | undefined {
  const system = typeof e.originalCode === 'string' ? e.originalCode : undefined;
  const known = (system && NETWORK_CODES[system]) || NETWORK_CODES[String(e.code)];
  if (!known) return undefined;
  const c = { ...known };
  const connecting = e.syscall === 'connect' || e.syscall === 'getaddrinfo' || SETUP_TIMEOUTS.has(String(e.timeoutType));
  if (c.outcome === 'unknown' && (connecting || BEFORE_BODY.test(String(e.command ?? '')))) c.outcome = 'not-sent';
  if (c.code === 'TIMEOUT' && connecting) c.code = 'CONNECT_TIMEOUT';
  return c;
}

/** Reads a header from a fetch Headers, a Map-like or a plain object, ignoring case. */
function readHeader(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const v: unknown = getter.call(headers, name);
    return v === null || v === undefined ? undefined : String(v);
  }
  for (const [key, v] of Object.entries(headers)) {
    if (key.toLowerCase() === name && v !== null && v !== undefined) return String(Array.isArray(v) ? v[0] : v);
  }
  return undefined;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110), or the ms variants. */
export function readRetryAfter(headers: unknown, now: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(readHeader(headers, name));
    if (readHeader(headers, name) !== undefined && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  }
  const value = readHeader(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Follows `cause` links (fetch wraps socket errors in "fetch failed") to the first error with a code. */
function findNetworkCause(e: Loose): Loose {
  let current: Loose = e;
  for (let depth = 0; depth < 4; depth++) {
    if (typeof current.code === 'string' || typeof current.originalCode === 'string') return current;
    if (typeof current.cause !== 'object' || current.cause === null) break;
    current = current.cause as Loose;
  }
  return e;
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** Leaves out absent optional fields so that results compare and serialise cleanly. */
function prune(c: ClassifiedError): ClassifiedError {
  const out = { ...c } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as ClassifiedError;
}
