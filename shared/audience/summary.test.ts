import { describe, expect, it } from 'vitest';
import { parseFilterExpression } from './expression';
import { countConditions, describeFilter, describeOperand, listFilterFields } from './summary';

describe('describeFilter', () => {
  it('describes a tree with typed operands and no prose', () => {
    const filter = parseFilterExpression(
      'city in ("Rize", 61) and (hireDate within next 7 days or not changed on 2026-07-01 reason "salary")',
    );
    expect(describeFilter(filter)).toEqual({
      kind: 'group',
      op: 'and',
      children: [
        {
          kind: 'condition',
          operator: 'in',
          field: 'city',
          operands: { values: { kind: 'list', items: [{ kind: 'text', value: 'Rize' }, { kind: 'number', value: 61 }] } },
        },
        {
          kind: 'group',
          op: 'or',
          children: [
            {
              kind: 'condition',
              operator: 'dateWithin',
              field: 'hireDate',
              operands: { direction: { kind: 'keyword', value: 'next' }, days: { kind: 'number', value: 7 } },
            },
            {
              kind: 'not',
              child: {
                kind: 'condition',
                operator: 'changedOn',
                field: null,
                operands: { date: { kind: 'date', value: '2026-07-01' }, reason: { kind: 'text', value: 'salary' } },
              },
            },
          ],
        },
      ],
    });
  });

  it('names the operands of each rule', () => {
    const operandsOf = (text: string) => {
      const description = describeFilter(parseFilterExpression(text));
      return description.kind === 'condition' ? description.operands : null;
    };
    expect(operandsOf('a between 2026-01-01 and 2026-02-01')).toEqual({
      from: { kind: 'date', value: '2026-01-01' },
      to: { kind: 'date', value: '2026-02-01' },
    });
    expect(operandsOf('anniversary today(hireDate) min 5 years')).toEqual({ minYears: { kind: 'number', value: 5 } });
    expect(operandsOf('anniversary today(hireDate)')).toEqual({});
    expect(operandsOf('age(birthDate) < 18')).toEqual({ years: { kind: 'number', value: 18 } });
    expect(operandsOf('d on 2026-03-01')).toEqual({ date: { kind: 'date', value: '2026-03-01' } });
    expect(operandsOf('vip = true')).toEqual({ value: { kind: 'boolean', value: true } });
    expect(operandsOf('email empty')).toEqual({});
  });

  it('tags operands by kind', () => {
    expect(describeOperand('2026-07-01')).toEqual({ kind: 'date', value: '2026-07-01' });
    expect(describeOperand('July')).toEqual({ kind: 'text', value: 'July' });
  });
});

describe('listFilterFields and countConditions', () => {
  const filter = parseFilterExpression('city = "Rize" and (birthday today(birthDate) or City != "Ordu") and changed on 2026-01-01');

  it('lists each field read, in order of first use', () => {
    expect(listFilterFields(filter)).toEqual(['city', 'birthDate', 'City']);
    expect(listFilterFields(undefined)).toEqual([]);
  });

  it('counts conditions, ignoring empty groups', () => {
    expect(countConditions(filter)).toBe(4);
    expect(countConditions(parseFilterExpression(''))).toBe(0);
  });
});
