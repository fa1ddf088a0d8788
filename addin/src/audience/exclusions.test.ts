import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { invalidExclusions, parseExclusions } from './exclusions';

describe('the exclusions as typed', () => {
  it('takes one entry per line, or entries separated by ; or ,, trimmed, blanks dropped', () => {
    expect(parseExclusions('ayse@example.com\n  rakip.com.tr ;@şirket.com.tr,\r\n\n, ;')).toEqual(['ayse@example.com', 'rakip.com.tr', '@şirket.com.tr']);
    expect(parseExclusions('')).toEqual([]);
    expect(parseExclusions(' \n ; ')).toEqual([]);
  });

  it('gives a repeated entry once, whatever its case, keeping the first spelling', () => {
    expect(parseExclusions('Ayse@Example.com; ayse@example.com\nexample.org, EXAMPLE.ORG')).toEqual(['Ayse@Example.com', 'example.org']);
  });
});

describe('entries the server refuses', () => {
  const sent = ['ayse@example.com', 'not an address', 'example.org', 'x@'];
  const refusal = (issues: unknown) => new ApiError('VALIDATION_FAILED', 'Invalid body', 400, { issues });

  it('names each refused entry from the issue paths, in the order sent', () => {
    const error = refusal([
      { path: 'audience.exclusions.3', message: 'must be an address (ayse@example.com) or a domain (example.com)' },
      { path: 'audience.exclusions.1', message: 'must be an address (ayse@example.com) or a domain (example.com)' },
    ]);
    expect(invalidExclusions(error, sent)).toEqual([
      { entry: 'not an address', message: 'must be an address (ayse@example.com) or a domain (example.com)' },
      { entry: 'x@', message: 'must be an address (ayse@example.com) or a domain (example.com)' },
    ]);
  });

  it('ignores other fields, out-of-range indexes and other errors', () => {
    expect(invalidExclusions(refusal([{ path: 'audience.addressColumns.0', message: 'x' }, { path: 'audience.exclusions.9', message: 'x' }]), sent)).toEqual([]);
    expect(invalidExclusions(refusal(undefined), sent)).toEqual([]);
    expect(invalidExclusions(new ApiError('NOT_FOUND', 'no list', 404), sent)).toEqual([]);
    expect(invalidExclusions(new Error('boom'), sent)).toEqual([]);
  });
});
