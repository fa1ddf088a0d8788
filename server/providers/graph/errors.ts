/**
 * Graph failures become ProviderErrors here, and only here. The stage decides the outcome: nothing
 * before `POST .../send` can have sent anything ('not-sent'); a send that got no clear answer (a
 * 5xx, a reset, a timeout) may have gone out ('unknown'), and the engine asks findSent before
 * deciding. Refusals (4xx) are refusals at every stage.
 */
import { AppError } from '../../errors';
import { classifyError, ProviderError, readRetryAfter, type ErrorKind, type SendOutcome } from '../../engine/classify';
import { GraphHttpError, GraphTransportError } from './client';

/** Where in the send path a request was made. */
export type GraphStage = 'create' | 'send' | 'read';

interface Rule { kind: ErrorKind; code: string; message: string; retryAfterMs?: number }

const HOUR_MS = 3_600_000;

/** Graph `error.code` values that say more than the status. */
const BY_CODE: Record<string, Rule> = {
  ErrorQuotaExceeded: { kind: 'permanent', code: 'MAILBOX_FULL', message: 'The mailbox is full; free some space, then retry the failed deliveries.' },
  ErrorSendAsDenied: { kind: 'permanent', code: 'SEND_AS_DENIED', message: 'This mailbox may not send as the chosen sender.' },
  ErrorInvalidRecipients: { kind: 'permanent', code: 'RECIPIENT_REJECTED', message: 'The recipient address was rejected.' },
  ErrorInvalidRecipient: { kind: 'permanent', code: 'RECIPIENT_REJECTED', message: 'The recipient address was rejected.' },
  ErrorMessageSizeExceeded: { kind: 'permanent', code: 'MESSAGE_TOO_LARGE', message: 'The message is larger than the mailbox may send.' },
  ErrorExceededMaxRecipientLimit: { kind: 'permanent', code: 'TOO_MANY_RECIPIENTS', message: 'The message has more recipients than Exchange allows.' },
  MailboxNotEnabledForRESTAPI: { kind: 'permanent', code: 'MAILBOX_NOT_ENABLED', message: 'The mailbox cannot be used through Microsoft Graph.' },
  ErrorSubmissionQuotaExceeded: { kind: 'throttled', code: 'QUOTA_EXCEEDED', message: 'The mailbox reached its sending quota; sending continues later.', retryAfterMs: HOUR_MS },
};

/** By status, when the code says nothing more. */
const BY_STATUS: Record<number, Rule> = {
  401: { kind: 'transient', code: 'UNAUTHORIZED', message: 'Microsoft Graph rejected the token; a new one will be used.' },
  403: { kind: 'permanent', code: 'FORBIDDEN', message: 'Microsoft Graph does not allow this; check the app\'s permissions and admin consent.' },
  404: { kind: 'permanent', code: 'NOT_FOUND', message: 'The message or folder was not found in the mailbox.' },
  409: { kind: 'transient', code: 'CONFLICT', message: 'The mailbox reported a conflicting change.' },
  413: { kind: 'permanent', code: 'MESSAGE_TOO_LARGE', message: 'The message or an attachment is larger than Microsoft Graph accepts.' },
  429: { kind: 'throttled', code: 'RATE_LIMITED', message: 'Microsoft Graph asked to slow down.' },
  500: { kind: 'transient', code: 'SERVER_ERROR', message: 'Microsoft Graph had an internal error.' },
  502: { kind: 'transient', code: 'BAD_GATEWAY', message: 'Microsoft Graph had a gateway error.' },
  503: { kind: 'transient', code: 'SERVICE_UNAVAILABLE', message: 'Microsoft Graph is unavailable for now.' },
  504: { kind: 'transient', code: 'GATEWAY_TIMEOUT', message: 'Microsoft Graph timed out.' },
};

function ruleFor(e: GraphHttpError): Rule {
  // Exchange's sending limits: per minute is a 429 (wait), the rolling day budget a 403 (wait long).
  if (e.code === 'ErrorExceededMessageLimit') {
    return e.status === 429
      ? { kind: 'throttled', code: 'SEND_RATE_EXCEEDED', message: 'The mailbox is sending faster than Exchange allows; it slows down.' }
      : { kind: 'throttled', code: 'QUOTA_EXCEEDED', message: 'The mailbox reached its daily recipient limit; sending continues later.', retryAfterMs: HOUR_MS };
  }
  return BY_CODE[e.code] ?? BY_STATUS[e.status]
    ?? (e.status < 500
      ? { kind: 'permanent', code: 'REQUEST_REJECTED', message: 'Microsoft Graph rejected the request.' }
      : { kind: 'transient', code: 'SERVER_ERROR', message: 'Microsoft Graph had an internal error.' });
}

function outcomeFor(stage: GraphStage, status: number | undefined, fallback: SendOutcome): SendOutcome {
  if (stage !== 'send') return 'not-sent';
  if (status !== undefined) return status >= 500 ? 'unknown' : 'not-sent';
  return fallback;
}

/** Turns whatever a Graph call threw into a classified ProviderError (ProviderErrors and AppErrors pass through). */
export function toProviderError(err: unknown, stage: GraphStage, now = Date.now()): ProviderError | AppError {
  if (err instanceof ProviderError || err instanceof AppError) return err;
  if (err instanceof GraphHttpError) {
    const rule = ruleFor(err);
    const retryAfterMs = rule.kind === 'permanent' ? undefined : readRetryAfter(err.headers, now) ?? rule.retryAfterMs;
    return new ProviderError({
      kind: rule.kind, code: rule.code, message: rule.message, status: err.status, retryAfterMs,
      // A refusal Graph names (quota, send-as, ...) is a refusal whatever the status.
      outcome: BY_CODE[err.code] ? 'not-sent' : outcomeFor(stage, err.status, 'unknown'),
      detail: `${err.status} ${err.code}: ${err.message}`.slice(0, 500),
    });
  }
  // No reply: the engine's table knows socket codes (a refused connection sent nothing, a reset may have).
  const cause = err instanceof GraphTransportError ? err.original : err;
  const c = classifyError(cause, now);
  return new ProviderError({ ...c, outcome: outcomeFor(stage, undefined, c.outcome), cause });
}

/** Whether an error is Graph's "no such item" (a deleted draft, or a sent copy still in transit). */
export function isNotFound(err: unknown): boolean {
  return err instanceof GraphHttpError && err.status === 404;
}

/**
 * For interactive calls (folders, drafts): the user gets an AppError naming what went wrong,
 * not a 500. Sign-in problems (AppErrors from the token source) pass through unchanged.
 */
export function toAppError(err: unknown): AppError {
  const e = toProviderError(err, 'read');
  if (e instanceof AppError) return e;
  if (e.cause instanceof AppError) return e.cause;
  return new AppError('PROVIDER_FAILED', `${e.message} (${e.code})`, {
    providerCode: e.code, kind: e.kind, retryAfterMs: e.retryAfterMs, status: e.status,
  });
}
