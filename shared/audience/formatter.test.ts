import { describe, expect, it } from 'vitest';
import { parseFilterExpression } from './expression';
import { formatField, formatFilterExpression, formatValue, simplifyFilter } from './formatter';
import type { FilterNode } from './schema';
import { checkFilter } from './validation';

const leaves: FilterNode[] = [
  { type: 'equals', field: 'department', value: 'Sales' },
  { type: 'notEquals', field: 'code', value: '35' },
  { type: 'equals', field: 'vip', value: 'true' },
  { type: 'equals', field: 'vip', value: false },
  { type: 'equals', field: 'note', value: '' },
  { type: 'contains', field: 'Job Title', value: 'say "hi" \\ bye' },
  { type: 'startsWith', field: 'şehir', value: 'İst' },
  { type: 'in', field: 'city', values: ['İstanbul', 6, true, '2026-01-01'] },
  { type: 'empty', field: 'email' },
  { type: 'notEmpty', field: 'e-mail' },
  { type: 'lt', field: 'age', value: -1.5 },
  { type: 'lte', field: 'start', value: '2026-01-31' },
  { type: 'gt', field: 'name', value: 'M' },
  { type: 'gte', field: 'score', value: 1e21 },
  { type: 'between', field: 'hired', from: '2020-01-01', to: '2020-12-31' },
  { type: 'between', field: 'surname', from: 'A', to: 'K' },
  { type: 'birthdayToday', field: 'Doğum Tarihi' },
  { type: 'workAnniversaryToday', field: 'hireDate' },
  { type: 'workAnniversaryToday', field: 'hireDate', minYears: 10 },
  { type: 'dateWithin', field: 'contractEnd', direction: 'last', days: 30 },
  { type: 'dateEquals', field: 'changed', date: '2026-07-01' },
  { type: 'changedOn', date: '2026-07-01' },
  { type: 'changedOn', date: '2026-07-01', reason: 'maaş artışı' },
  { type: 'ageOver', field: 'birthDate', years: 35 },
  { type: 'ageUnder', field: '2nd birth date', years: 18 },
  { type: 'equals', field: 'or', value: 1 },
  { type: 'equals', field: 'odd`name\\', value: 1 },
];

describe('formatFilterExpression round-trips', () => {
  it.each(leaves.map((leaf) => [formatFilterExpression(leaf), leaf] as const))('%s', (text, leaf) => {
    expect(parseFilterExpression(text)).toEqual(leaf);
  });

  it('keeps nesting, negation and group order through a round trip', () => {
    const tree: FilterNode = {
      type: 'group',
      op: 'or',
      children: [
        { type: 'group', op: 'and', children: [leaves[0], { type: 'group', op: 'and', children: [leaves[8], leaves[14]] }] },
        { type: 'not', child: { type: 'group', op: 'or', children: [leaves[6], leaves[22]] } },
        { type: 'not', child: { type: 'not', child: leaves[9] } },
        { type: 'not', child: leaves[15] },
        leaves[17],
      ],
    };
    const text = formatFilterExpression(tree);
    expect(text).toBe(
      '(department = "Sales" and (email empty and hired between 2020-01-01 and 2020-12-31)) or ' +
        'not (şehir startswith "İst" or changed on 2026-07-01 reason "maaş artışı") or not not e-mail not empty or ' +
        'not surname between "A" and "K" or anniversary today(hireDate)',
    );
    expect(parseFilterExpression(text)).toEqual(tree);
  });

  it('drops empty groups and unwraps single-child ones', () => {
    const tree: FilterNode = {
      type: 'group',
      op: 'and',
      children: [{ type: 'group', op: 'or', children: [] }, { type: 'group', op: 'or', children: [leaves[0]] }, leaves[8]],
    };
    expect(formatFilterExpression(tree)).toBe('department = "Sales" and email empty');
    expect(simplifyFilter({ type: 'not', child: { type: 'group', op: 'and', children: [] } })).toBeNull();
    expect(formatFilterExpression({ type: 'group', op: 'or', children: [] })).toBe('');
    expect(formatFilterExpression(undefined)).toBe('');
  });

  it('produces only trees the schema accepts, even at the nesting limit', () => {
    const text = `x = 1 and ${'('.repeat(30)}a = 1 and b = 2${')'.repeat(30)}`;
    const tree = parseFilterExpression(text);
    expect(checkFilter(tree).ok).toBe(true);
    expect(parseFilterExpression(formatFilterExpression(tree))).toEqual(tree);
  });
});

describe('formatField and formatValue', () => {
  it('backticks fields that are not plain words or are reserved', () => {
    expect(formatField('hireDate')).toBe('hireDate');
    expect(formatField('Doğum Tarihi')).toBe('`Doğum Tarihi`');
    expect(formatField('NOT')).toBe('`NOT`');
    expect(formatField('a`b')).toBe('`a\\`b`');
  });

  it('writes dates and numbers bare and text quoted', () => {
    expect(formatValue('2026-07-01')).toBe('2026-07-01');
    expect(formatValue('2026-07-01T10:00')).toBe('"2026-07-01T10:00"');
    expect(formatValue(42)).toBe('42');
    expect(formatValue('42')).toBe('"42"');
    expect(formatValue('a "b"')).toBe('"a \\"b\\""');
  });
});
