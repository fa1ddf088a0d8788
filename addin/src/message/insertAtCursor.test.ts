import { describe, expect, it } from 'vitest';
import { insertAt, mergeTag } from './insertAtCursor';

describe('inserting a field at the cursor', () => {
  it('inserts at the caret or replaces the selection, and puts the caret after it', () => {
    expect(insertAt('Merhaba ', 8, 8, mergeTag('firstName'))).toEqual({ value: 'Merhaba {{firstName}}', caret: 21 });
    expect(insertAt('Dear X!', 5, 6, '{{a}}')).toEqual({ value: 'Dear {{a}}!', caret: 10 });
    expect(insertAt('abc', 99, 99, '{{a}}')).toEqual({ value: 'abc{{a}}', caret: 8 });
  });
});
