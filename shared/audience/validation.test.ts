import { describe, expect, it } from 'vitest';
import { FilterValidationError, checkAudience, checkFilter, formatIssuePath, parseFilter } from './validation';

function issuesOf(input: unknown) {
  const result = checkFilter(input);
  if (result.ok) throw new Error('expected the filter to be rejected');
  return result.issues;
}

const group = (...children: unknown[]) => ({ type: 'group', op: 'and', children });

describe('checkFilter accepts', () => {
  it('a nested filter using every kind of node', () => {
    const filter = {
      type: 'group',
      op: 'or',
      children: [
        { type: 'equals', field: 'department', value: 'Sales' },
        { type: 'in', field: 'city', values: ['İstanbul', 35, true] },
        { type: 'between', field: 'hireDate', from: '2020-01-01', to: '2020-12-31' },
        { type: 'not', child: { type: 'empty', field: 'email' } },
        { type: 'workAnniversaryToday', field: 'hireDate', minYears: 5 },
        { type: 'changedOn', date: '2026-07-01', reason: 'salary' },
        { type: 'dateWithin', field: 'endDate', direction: 'next', days: 7 },
        group(),
      ],
    };
    expect(checkFilter(filter)).toEqual({ ok: true, value: filter });
  });
});

describe('checkFilter rejects with a path', () => {
  it('an unknown operator', () => {
    expect(issuesOf(group({ type: 'equals', field: 'a', value: 1 }, { type: 'like', field: 'a', value: 'x' }))).toEqual([
      expect.objectContaining({ path: 'children[1].type' }),
    ]);
  });

  it('an operand of the wrong type', () => {
    expect(issuesOf(group({ type: 'gt', field: 'age', value: true }))).toEqual([
      { path: 'children[0].value', message: 'must be a number, a date or text' },
    ]);
    expect(issuesOf({ type: 'contains', field: 'city', value: 5 })).toEqual([{ path: 'value', message: 'must be text' }]);
    expect(issuesOf({ type: 'ageOver', field: 'birthDate', years: 35.5 })).toEqual([
      { path: 'years', message: 'must be a whole number' },
    ]);
  });

  it('a date that is not a date, wherever it is', () => {
    expect(issuesOf(group(group({ type: 'dateEquals', field: 'hireDate', date: '2026-02-30' })))).toEqual([
      { path: 'children[0].children[0].date', message: 'must be a real date written yyyy-mm-dd' },
    ]);
    expect(issuesOf({ type: 'changedOn', date: '1 July 2026' })).toEqual([
      { path: 'date', message: 'must be a real date written yyyy-mm-dd' },
    ]);
    expect(issuesOf({ type: 'in', field: 'd', values: ['2026-01-01', '2026-13-01'] })).toEqual([
      { path: 'values[1]', message: 'must be a real date written yyyy-mm-dd' },
    ]);
  });

  it('misspelt keys, blank fields and missing operands', () => {
    expect(issuesOf({ type: 'equals', feild: 'a', value: 1 })).toEqual([
      { path: 'field', message: 'must name a field' },
      expect.objectContaining({ path: '', message: 'Unrecognized key: "feild"' }),
    ]);
    expect(issuesOf({ type: 'empty', field: '  ' })).toEqual([{ path: 'field', message: 'must name a field' }]);
    expect(issuesOf({ type: 'in', field: 'a', values: [] })).toEqual([
      { path: 'values', message: 'must list at least one value' },
    ]);
  });

  it('between bounds of different kinds or in the wrong order', () => {
    expect(issuesOf({ type: 'between', field: 'a', from: 1, to: '2026-01-01' })).toEqual([
      { path: 'to', message: 'must be the same kind (number, date or text) as from' },
    ]);
    expect(issuesOf({ type: 'between', field: 'a', from: '2026-12-31', to: '2026-01-01' })).toEqual([
      { path: 'to', message: 'must not be before from' },
    ]);
  });

  it('bad group operators, directions and negative windows', () => {
    expect(issuesOf({ type: 'group', op: 'xor', children: [] })).toEqual([{ path: 'op', message: "must be 'and' or 'or'" }]);
    expect(issuesOf({ type: 'dateWithin', field: 'd', direction: 'soon', days: -1 })).toEqual([
      { path: 'direction', message: "must be 'next' or 'last'" },
      expect.objectContaining({ path: 'days' }),
    ]);
  });

  it('nesting deeper than the limit, before recursing into it', () => {
    let node: unknown = { type: 'empty', field: 'a' };
    for (let i = 0; i < 5000; i++) node = { type: 'not', child: node };
    const issues = issuesOf(group(node));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('must not nest deeper than 32 levels');
    expect(issues[0].path.startsWith('children[0].child.child')).toBe(true);
  });
});

describe('parseFilter and checkAudience', () => {
  it('throws one error listing every issue with its path', () => {
    const bad = group({ type: 'lt', field: 'a', value: null }, { type: 'dateEquals', field: 'b', date: 'x' });
    expect(() => parseFilter(bad)).toThrow(FilterValidationError);
    expect(() => parseFilter(bad)).toThrow(
      'children[0].value: must be a number, a date or text; children[1].date: must be a real date written yyyy-mm-dd',
    );
  });

  it('checks audiences including marks and the nested filter path', () => {
    expect(checkAudience({ include: ['a'], exclude: ['b'] })).toEqual({ ok: true, value: { include: ['a'], exclude: ['b'] } });
    expect(checkAudience({ filter: group({ type: 'gt', field: 'x' }), include: [3] })).toEqual({
      ok: false,
      issues: [
        { path: 'filter.children[0].value', message: 'must be a number, a date or text' },
        { path: 'include[0]', message: 'Invalid input: expected string, received number' },
      ],
    });
  });

  it('formats paths in dotted form', () => {
    expect(formatIssuePath(['children', 2, 'values', 0])).toBe('children[2].values[0]');
    expect(formatIssuePath([])).toBe('');
  });
});
