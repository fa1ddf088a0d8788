import { describe, expect, it } from 'vitest';
import { parseWhole, runOptionsOf } from './mailing';

describe('run options from the form', () => {
  it('parses whole numbers within bounds, empty as absent', () => {
    expect(parseWhole('', 1, 10)).toBeUndefined();
    expect(parseWhole(' 7 ', 1, 10)).toBe(7);
    expect(parseWhole('0', 1, 10)).toBeNull();
    expect(parseWhole('2.5', 1, 10)).toBeNull();
    expect(parseWhole('-1', 0, 10)).toBeNull();
  });

  it('leaves empty options out so the server uses the provider limits', () => {
    expect(runOptionsOf({ maxErrors: '', batchSize: '', batchInterval: '', perMinute: '' }, false)).toEqual({
      maxErrors: 0,
      acceptUnknownFields: false,
    });
    expect(runOptionsOf({ maxErrors: '3', batchSize: '10', batchInterval: '60', perMinute: '20' }, true)).toEqual({
      maxErrors: 3,
      acceptUnknownFields: true,
      batchSize: 10,
      batchIntervalSeconds: 60,
      perMinute: 20,
    });
    expect(runOptionsOf({ maxErrors: 'x', batchSize: '', batchInterval: '', perMinute: '' }, false)).toBeNull();
  });
});
