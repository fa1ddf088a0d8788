import { describe, expect, it } from 'vitest';
import { parseEventBlock } from './events';

describe('server-sent event parsing', () => {
  it('reads the event name and joins data lines', () => {
    expect(parseEventBlock('event: progress\ndata: {"a":1}')).toEqual({ event: 'progress', data: '{"a":1}' });
    expect(parseEventBlock('data: a\ndata: b')).toEqual({ event: 'message', data: 'a\nb' });
    expect(parseEventBlock(': keep-alive')).toBeNull();
  });
});
