import { describe, expect, it } from 'vitest';
import { AudienceSpec } from '../../../shared/api';
import { filterOf, type ConditionInput } from './filterModel';

const row = (id: number, field: string, operator: ConditionInput['operator'], value = ''): ConditionInput => ({ id, field, operator, value });

describe('filter builder model', () => {
  it('leaves incomplete conditions out and sends nothing when none is complete', () => {
    expect(filterOf({ op: 'and', conditions: [] })).toBeUndefined();
    expect(filterOf({ op: 'and', conditions: [row(1, '', 'equals', 'x'), row(2, 'city', 'equals', ' ')] })).toBeUndefined();
  });

  it('builds an AND/OR group with numbers for numeric comparisons and date rules without values', () => {
    const filter = filterOf({
      op: 'or',
      conditions: [row(1, 'city', 'equals', 'İstanbul'), row(2, 'age', 'gt', '35'), row(3, 'birthDate', 'birthdayToday')],
    });
    expect(filter).toEqual({
      type: 'group',
      op: 'or',
      children: [
        { type: 'equals', field: 'city', value: 'İstanbul' },
        { type: 'gt', field: 'age', value: 35 },
        { type: 'birthdayToday', field: 'birthDate' },
      ],
    });
    expect(AudienceSpec.safeParse({ filter }).success).toBe(true);
  });

  it('sends a single condition without a group', () => {
    expect(filterOf({ op: 'and', conditions: [row(1, 'hired', 'workAnniversaryToday')] })).toEqual({ type: 'workAnniversaryToday', field: 'hired' });
  });
});
