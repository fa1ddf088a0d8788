import { describe, expect, it } from 'vitest';
import { GraphHttpError, GraphTransportError } from '../../server/providers/graph/client';
import { toProviderError } from '../../server/providers/graph/errors';
import {
  buildBatch, buildDraft, buildFileAttachment, buildQuery, buildTagFilter, buildUploadRanges, buildUploadSession, planAttachments,
  TAG_PROPERTY_ID, toApiPath, toFolder, UPLOAD_CHUNK_BYTES,
} from '../../server/providers/graph/requests';
import type { OutgoingMessage } from '../../server/providers/mailbox';

const MB = 1024 * 1024;
const message: OutgoingMessage = {
  from: { name: 'Adele', address: 'adele@contoso.test' }, to: ['a@example.test'], cc: ['c@example.test'], replyTo: 'r@example.test',
  subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', tag: { runId: 'run-1', deliveryId: 'del-9' }, messageId: 'del-9@contoso.test',
};
const file = (name: string, bytes: number) => ({ name, contentType: 'application/pdf', content: new Uint8Array(bytes) });

describe('Graph request builders', () => {
  it('builds the draft with the tag as x- header and as the named property, and no sender', () => {
    expect(buildDraft(message)).toEqual({
      subject: 'Hi',
      body: { contentType: 'HTML', content: '<p>Hi</p>' },
      toRecipients: [{ emailAddress: { address: 'a@example.test' } }],
      ccRecipients: [{ emailAddress: { address: 'c@example.test' } }],
      replyTo: [{ emailAddress: { address: 'r@example.test' } }],
      internetMessageHeaders: [{ name: 'X-Seriatim-Tag', value: 'run-1:del-9' }],
      singleValueExtendedProperties: [{ id: TAG_PROPERTY_ID, value: 'run-1:del-9' }],
    });
    expect(TAG_PROPERTY_ID).toMatch(/^String \{[0-9a-f-]{36}\} Name SeriatimTag$/);
  });

  it('filters by the tag property with quotes escaped', () => {
    expect(buildTagFilter({ runId: "o'run", deliveryId: 'd' })).toBe(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${TAG_PROPERTY_ID}' and ep/value eq 'o''run:d')`,
    );
    expect(buildQuery({ $filter: "a eq 'b c'", $top: 10, $skip: undefined })).toBe("?$filter=a%20eq%20'b%20c'&$top=10");
  });

  it('puts small files in the draft, files that do not fit separately, 3 MB and more through upload sessions', () => {
    const plan = planAttachments([file('a', 1 * MB), file('b', 1.5 * MB), file('c', 3 * MB), file('d', 2.9 * MB)]);
    expect(plan.inBody.map((f) => f.name)).toEqual(['a']);
    expect(plan.separate.map((f) => f.name)).toEqual(['b', 'd']);
    expect(plan.upload.map((f) => f.name)).toEqual(['c']);
  });

  it('marks inline images by contentId', () => {
    const a = buildFileAttachment({ name: 'logo.png', contentType: 'image/png', content: new Uint8Array([1, 2]), contentId: 'logo' });
    expect(a).toEqual({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'logo.png', contentType: 'image/png', contentBytes: 'AQI=', isInline: true, contentId: 'logo' });
    expect(buildUploadSession(file('big.pdf', 5 * MB))).toEqual({
      AttachmentItem: { attachmentType: 'file', name: 'big.pdf', size: 5 * MB, contentType: 'application/pdf', isInline: false },
    });
  });

  it('cuts uploads into ranges that are multiples of 320 KiB under 4 MB, the last one short', () => {
    const ranges = buildUploadRanges(5 * MB);
    expect(UPLOAD_CHUNK_BYTES % (320 * 1024)).toBe(0);
    expect(UPLOAD_CHUNK_BYTES).toBeLessThan(4 * MB);
    expect(ranges.map((r) => r.contentRange)).toEqual([`bytes 0-3276799/${5 * MB}`, `bytes 3276800-${5 * MB - 1}/${5 * MB}`]);
  });

  it('asks for immutable ids on each inner batch request and refuses more than 20', () => {
    expect(buildBatch([{ id: '1', method: 'GET', url: '/users/x' }])).toEqual({
      requests: [{ id: '1', method: 'GET', url: '/users/x', headers: { Prefer: 'IdType="ImmutableId"' } }],
    });
    expect(() => buildBatch(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: '/me' })))).toThrow(RangeError);
  });

  it('turns next links into API paths and folders into Seriatim folders', () => {
    expect(toApiPath('http://127.0.0.1:9/v1.0/me/contacts?$skip=10', 'http://127.0.0.1:9/v1.0')).toBe('/me/contacts?$skip=10');
    expect(toApiPath('https://graph.microsoft.com/beta/x', 'https://graph.microsoft.com/v1.0')).toBe('https://graph.microsoft.com/beta/x');
    const known = new Map([['S', 'sentitems']]);
    expect(toFolder({ id: 'S', displayName: 'Sent Items', parentFolderId: 'ROOT', totalItemCount: 4 }, 'ROOT', known))
      .toEqual({ id: 'S', name: 'Sent Items', parentId: null, wellKnownName: 'sentitems', messageCount: 4 });
    expect(toFolder({ id: 'C', displayName: 'Child', parentFolderId: 'S' }, 'ROOT', known).parentId).toBe('S');
  });
});

describe('Graph error classification', () => {
  const graphError = (status: number, code: string, headers: Record<string, string> = {}) => new GraphHttpError(status, code, 'm', new Headers(headers));

  it('reads 429 as throttled with its Retry-After, at every stage', () => {
    expect(toProviderError(graphError(429, 'ApplicationThrottled', { 'Retry-After': '12' }), 'send')).toMatchObject({ kind: 'throttled', retryAfterMs: 12_000, outcome: 'not-sent' });
  });

  it('calls a 503 or 504 on send unknown, on draft creation not-sent', () => {
    expect(toProviderError(graphError(503, 'ServiceUnavailable'), 'send')).toMatchObject({ kind: 'transient', outcome: 'unknown' });
    expect(toProviderError(graphError(504, 'UnknownError'), 'send')).toMatchObject({ kind: 'transient', outcome: 'unknown' });
    expect(toProviderError(graphError(503, 'ServiceUnavailable'), 'create')).toMatchObject({ kind: 'transient', outcome: 'not-sent' });
  });

  it('calls quota, send-as, recipient and size refusals permanent', () => {
    for (const [status, code, ours] of [
      [507, 'ErrorQuotaExceeded', 'MAILBOX_FULL'], [403, 'ErrorSendAsDenied', 'SEND_AS_DENIED'],
      [400, 'ErrorInvalidRecipients', 'RECIPIENT_REJECTED'], [400, 'ErrorMessageSizeExceeded', 'MESSAGE_TOO_LARGE'], [413, 'BadRequest', 'MESSAGE_TOO_LARGE'],
    ] as const) {
      expect(toProviderError(graphError(status, code), 'send')).toMatchObject({ kind: 'permanent', code: ours, outcome: 'not-sent' });
    }
  });

  it('tells Exchange\'s per-minute limit (wait) from its daily one (wait long)', () => {
    expect(toProviderError(graphError(429, 'ErrorExceededMessageLimit', { 'Retry-After': '3' }), 'send')).toMatchObject({ kind: 'throttled', code: 'SEND_RATE_EXCEEDED', retryAfterMs: 3000 });
    expect(toProviderError(graphError(403, 'ErrorExceededMessageLimit'), 'send')).toMatchObject({ kind: 'throttled', code: 'QUOTA_EXCEEDED', retryAfterMs: 3_600_000 });
  });

  it('calls a reset send unknown and a refused connection not-sent', () => {
    const socket = (code: string, syscall?: string) => new GraphTransportError(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code, syscall }) }));
    expect(toProviderError(socket('ECONNRESET'), 'send')).toMatchObject({ kind: 'transient', code: 'CONNECTION_LOST', outcome: 'unknown' });
    expect(toProviderError(socket('ECONNREFUSED', 'connect'), 'send')).toMatchObject({ kind: 'transient', outcome: 'not-sent' });
    expect(toProviderError(socket('ECONNRESET'), 'create')).toMatchObject({ outcome: 'not-sent' });
  });
});
