import { describe, expect, it } from 'vitest';
import { warningNeighbours } from './warnings';

describe('warningNeighbours', () => {
  it('finds the nearest rows with warnings on either side, skipping the row shown', () => {
    expect(warningNeighbours([2, 5, 9], 5)).toEqual({ previous: 2, next: 9 });
    expect(warningNeighbours([2, 5, 9], 0)).toEqual({ previous: null, next: 2 });
    expect(warningNeighbours([2, 5, 9], 7)).toEqual({ previous: 5, next: 9 });
    expect(warningNeighbours([2, 5, 9], 9)).toEqual({ previous: 5, next: null });
    expect(warningNeighbours([], 3)).toEqual({ previous: null, next: null });
  });
});
