import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THROTTLE_MS, MAX_TRANSIENT_ATTEMPTS, ProviderError, RETRY_CAP_MS,
  type ClassifiedError, canRetrySend, classifyError, nextRetryDelay, readRetryAfter,
} from './classify';

const NOW = Date.parse('2025-03-01T09:00:00Z');

/** Builds an Error carrying the extra fields real libraries attach. */
function failure(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

type Row = [string, unknown, Partial<ClassifiedError>];

const rows: Row[] = [
  // Socket and fetch errors
  ['refused before connecting', failure('connect ECONNREFUSED', { code: 'ECONNREFUSED', syscall: 'connect' }),
    { kind: 'transient', code: 'CONNECTION_REFUSED', outcome: 'not-sent' }],
  ['reset after the request was written', failure('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' }),
    { kind: 'transient', code: 'CONNECTION_LOST', outcome: 'unknown' }],
  ['timeout while connecting', failure('connect ETIMEDOUT', { code: 'ETIMEDOUT', syscall: 'connect' }),
    { kind: 'transient', code: 'CONNECT_TIMEOUT', outcome: 'not-sent' }],
  ['timeout waiting for the answer', failure('ETIMEDOUT', { code: 'ETIMEDOUT' }),
    { kind: 'transient', code: 'TIMEOUT', outcome: 'unknown' }],
  ['broken pipe while writing', failure('write EPIPE', { code: 'EPIPE', syscall: 'write' }),
    { kind: 'transient', code: 'CONNECTION_CLOSED', outcome: 'not-sent' }],
  ['DNS failure', failure('getaddrinfo ENOTFOUND x', { code: 'ENOTFOUND', syscall: 'getaddrinfo' }),
    { kind: 'transient', code: 'DNS_FAILURE', outcome: 'not-sent' }],
  ['fetch failed, socket closed', new TypeError('fetch failed', { cause: failure('other side closed', { code: 'UND_ERR_SOCKET' }) }),
    { kind: 'transient', code: 'CONNECTION_LOST', outcome: 'unknown' }],
  ['aborted by us', Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' }),
    { kind: 'transient', code: 'REQUEST_ABORTED', outcome: 'unknown' }],
  ['timed out by AbortSignal.timeout', new DOMException('The operation timed out.', 'TimeoutError'),
    { kind: 'transient', code: 'REQUEST_TIMEOUT', outcome: 'unknown' }],
  // HTTP-like errors (Graph SDK GraphError, fetch wrappers, axios-style)
  ['429 with Retry-After seconds', failure('Too many requests', { statusCode: 429, headers: { 'Retry-After': '17' } }),
    { kind: 'throttled', code: 'RATE_LIMITED', retryAfterMs: 17_000, outcome: 'not-sent', status: 429 }],
  ['429 without Retry-After', failure('Too many requests', { status: 429 }),
    { kind: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS }],
  ['503 with Retry-After is throttling', failure('Unavailable', { status: 503, headers: new Headers({ 'retry-after': '5' }) }),
    { kind: 'throttled', code: 'SERVICE_UNAVAILABLE', retryAfterMs: 5000, outcome: 'unknown' }],
  ['503 without Retry-After', failure('Unavailable', { status: 503 }),
    { kind: 'transient', code: 'SERVICE_UNAVAILABLE', outcome: 'unknown' }],
  ['500 may have been carried out', failure('Internal', { statusCode: 500 }),
    { kind: 'transient', code: 'SERVER_ERROR', outcome: 'unknown' }],
  ['axios-style response', failure('Request failed', { response: { status: 504, headers: {} } }),
    { kind: 'transient', code: 'GATEWAY_TIMEOUT', outcome: 'unknown' }],
  ['401 renews the token', failure('Unauthorized', { statusCode: 401 }),
    { kind: 'transient', code: 'UNAUTHORIZED', outcome: 'not-sent' }],
  ['400 is a refusal', failure('Bad request', { statusCode: 400 }),
    { kind: 'permanent', code: 'REQUEST_REJECTED', outcome: 'not-sent' }],
  ['Graph send-as denied', failure('Send as denied', { statusCode: 403, code: 'ErrorSendAsDenied' }),
    { kind: 'permanent', code: 'SEND_AS_DENIED', outcome: 'not-sent' }],
  ['Graph mailbox full in the body', failure('Quota', { statusCode: 403, body: { error: { code: 'ErrorQuotaExceeded' } } }),
    { kind: 'permanent', code: 'MAILBOX_FULL' }],
  ['Graph submission quota', failure('Quota', { statusCode: 429, code: 'ErrorSubmissionQuotaExceeded' }),
    { kind: 'throttled', code: 'QUOTA_EXCEEDED', retryAfterMs: 3_600_000 }],
  ['HTTP status as responseCode', failure('Throttled', { responseCode: 429, headers: { 'retry-after-ms': '250' } }),
    { kind: 'throttled', code: 'RATE_LIMITED', retryAfterMs: 250 }],
  // SMTP replies as nodemailer reports them
  ['recipient rejected', failure('Can\'t send mail', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 User unknown' }),
    { kind: 'permanent', code: 'RECIPIENT_REJECTED', outcome: 'not-sent', detail: '550 5.1.1 User unknown' }],
  ['greylisted / slow down', failure('Message failed', { code: 'EMESSAGE', responseCode: 451, command: 'DATA', response: '451 4.7.1 Please slow down' }),
    { kind: 'throttled', code: 'SMTP_THROTTLED', outcome: 'not-sent', retryAfterMs: DEFAULT_THROTTLE_MS }],
  ['temporary local problem', failure('Message failed', { code: 'EMESSAGE', responseCode: 451, command: 'DATA', response: '451 4.3.0 Local error' }),
    { kind: 'transient', code: 'SMTP_TEMPORARY_FAILURE', outcome: 'not-sent' }],
  ['Exchange daily recipient limit', failure('Message failed', { responseCode: 550, command: 'DATA', response: '550 5.1.90 Your message can\'t be sent because you\'ve reached your daily limit for message recipients' }),
    { kind: 'throttled', code: 'QUOTA_EXCEEDED', outcome: 'not-sent' }],
  ['message too large', failure('Message failed', { responseCode: 552, command: 'DATA', response: '552 5.3.4 Message too big' }),
    { kind: 'permanent', code: 'MESSAGE_TOO_LARGE' }],
  ['authentication failed', failure('Invalid login', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 5.7.8 Bad credentials' }),
    { kind: 'permanent', code: 'AUTH_FAILED', outcome: 'not-sent' }],
  ['bad sequence', failure('Unexpected', { responseCode: 503, command: 'MAIL FROM', response: '503 5.5.1 Bad sequence' }),
    { kind: 'transient', code: 'SMTP_BAD_SEQUENCE' }],
  // nodemailer network failures
  ['nodemailer: refused', failure('connect ECONNREFUSED', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', syscall: 'connect', command: 'CONN' }),
    { kind: 'transient', code: 'CONNECTION_REFUSED', outcome: 'not-sent' }],
  ['nodemailer: socket timeout mid-message', failure('Timeout', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' }),
    { kind: 'transient', code: 'TIMEOUT', outcome: 'unknown' }],
  ['nodemailer: greeting never came', failure('Greeting never received', { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' }),
    { kind: 'transient', code: 'CONNECT_TIMEOUT', outcome: 'not-sent' }],
  ['nodemailer: closed during RCPT TO', failure('Connection closed', { code: 'ECONNECTION', command: 'RCPT TO' }),
    { kind: 'transient', code: 'CONNECTION_LOST', outcome: 'not-sent' }],
  // Already classified, or not an error at all
  ['a ProviderError passes through', new ProviderError({ kind: 'permanent', code: 'DRAFT_MISSING', message: 'gone', outcome: 'not-sent', status: 404 }),
    { kind: 'permanent', code: 'DRAFT_MISSING', message: 'gone', outcome: 'not-sent', status: 404 }],
  ['a throttled ProviderError gets a wait', new ProviderError({ kind: 'throttled', code: 'RATE_LIMITED', message: 'slow' }),
    { retryAfterMs: DEFAULT_THROTTLE_MS, outcome: 'unknown' }],
  ['a wait that is not load keeps the rate', new ProviderError({ kind: 'throttled', code: 'SIGN_IN_REQUIRED', message: 'sign in', outcome: 'not-sent', retryAfterMs: 300_000, keepRate: true }),
    { kind: 'throttled', code: 'SIGN_IN_REQUIRED', retryAfterMs: 300_000, keepRate: true, outcome: 'not-sent' }],
  ['a programming error', new TypeError('x is not a function'),
    { kind: 'permanent', code: 'UNEXPECTED_ERROR', outcome: 'unknown', detail: 'x is not a function' }],
  ['a thrown string', 'boom', { kind: 'permanent', code: 'UNEXPECTED_ERROR', detail: 'boom' }],
  ['nothing at all', undefined, { kind: 'permanent', code: 'UNEXPECTED_ERROR', outcome: 'unknown' }],
];

describe('classifyError', () => {
  it.each(rows)('%s', (_name, err, expected) => {
    const c = classifyError(err, NOW);
    expect(c).toMatchObject(expected);
    expect(c.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(c.message.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('readRetryAfter', () => {
  it.each([
    ['delta seconds', { 'retry-after': '120' }, 120_000],
    ['fractional seconds', { 'Retry-After': '1.5' }, 1500],
    ['an HTTP-date in the future', { 'retry-after': 'Sat, 01 Mar 2025 09:00:30 GMT' }, 30_000],
    ['an HTTP-date in the past', { 'retry-after': 'Sat, 01 Mar 2025 08:59:00 GMT' }, 0],
    ['a fetch Headers object', new Headers({ 'Retry-After': '3' }), 3000],
    ['a header given as an array', { 'retry-after': ['9'] }, 9000],
    ['Azure milliseconds', { 'x-ms-retry-after-ms': '1200' }, 1200],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['no headers', undefined, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(readRetryAfter(headers, NOW)).toBe(expected);
  });
});

describe('nextRetryDelay', () => {
  it.each([
    [1, 0.5, 500], [2, 0.5, 1000], [3, 0.999, 3996], [10, 0.5, 150_000], [30, 0.5, RETRY_CAP_MS / 2], [1, 0, 0],
  ])('attempt %i with random %d waits %i ms', (attempt, r, expected) => {
    expect(nextRetryDelay(attempt, () => r)).toBe(expected);
  });

  it('stays within the growing ceiling and the cap for any random draw', () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const ceiling = Math.min(RETRY_CAP_MS, 1000 * 2 ** (attempt - 1));
      for (const r of [0, 0.25, 0.9999999, 1, 1.5, -1]) {
        const d = nextRetryDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('canRetrySend', () => {
  const c = (kind: ClassifiedError['kind'], outcome: ClassifiedError['outcome']): ClassifiedError =>
    ({ kind, outcome, code: 'X', message: 'x' });
  it.each([
    ['transient, not sent, attempts left', c('transient', 'not-sent'), 1, true],
    ['transient, not sent, attempts used up', c('transient', 'not-sent'), MAX_TRANSIENT_ATTEMPTS, false],
    ['transient, maybe sent', c('transient', 'unknown'), 1, false],
    ['throttled, not sent, however many attempts', c('throttled', 'not-sent'), 50, true],
    ['throttled, maybe sent', c('throttled', 'unknown'), 1, false],
    ['permanent', c('permanent', 'not-sent'), 1, false],
  ])('%s', (_name, error, attempts, expected) => {
    expect(canRetrySend(error, attempts)).toBe(expected);
  });
});
