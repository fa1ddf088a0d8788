import { describe, expect, it } from 'vitest';
import { base64Size, DEFAULT_MAX_MESSAGE_BYTES, estimateMessageBytes } from './message-size';

describe('message size', () => {
  it('counts attachments base64-encoded in 76-character lines, as MIME sends them', () => {
    expect(base64Size(3)).toBe(4 + 2);
    expect(base64Size(57)).toBe(76 + 2);
    expect(base64Size(58)).toBe(80 + 4);
  });

  it('puts a 27 MB attachment over Exchange\'s 35 MB limit once encoded, and 25 MB under it', () => {
    expect(estimateMessageBytes(20_000, [27 * 1024 * 1024])).toBeGreaterThan(DEFAULT_MAX_MESSAGE_BYTES);
    expect(estimateMessageBytes(20_000, [25 * 1024 * 1024])).toBeLessThan(DEFAULT_MAX_MESSAGE_BYTES);
  });
});
