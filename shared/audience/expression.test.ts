import { describe, expect, it } from 'vitest';
import { parseFilterExpression } from './expression';
import { FilterSyntaxError } from './tokenizer';

describe('parseFilterExpression', () => {
  it('parses the campaign example with precedence not > and > or', () => {
    expect(
      parseFilterExpression('department = "Sales" and (city in ("İstanbul", "Ankara") or age > 35) and not email empty'),
    ).toEqual({
      type: 'group',
      op: 'and',
      children: [
        { type: 'equals', field: 'department', value: 'Sales' },
        {
          type: 'group',
          op: 'or',
          children: [
            { type: 'in', field: 'city', values: ['İstanbul', 'Ankara'] },
            { type: 'gt', field: 'age', value: 35 },
          ],
        },
        { type: 'not', child: { type: 'empty', field: 'email' } },
      ],
    });
  });

  it('binds and tighter than or without parentheses', () => {
    expect(parseFilterExpression('a = 1 or b = 2 and c = 3')).toEqual({
      type: 'group',
      op: 'or',
      children: [
        { type: 'equals', field: 'a', value: 1 },
        { type: 'group', op: 'and', children: [{ type: 'equals', field: 'b', value: 2 }, { type: 'equals', field: 'c', value: 3 }] },
      ],
    });
  });

  it('parses every date rule', () => {
    expect(parseFilterExpression('birthday today(birthDate)')).toEqual({ type: 'birthdayToday', field: 'birthDate' });
    expect(parseFilterExpression('anniversary today(hireDate)')).toEqual({ type: 'workAnniversaryToday', field: 'hireDate' });
    expect(parseFilterExpression('Anniversary Today(hireDate) min 5 years')).toEqual({
      type: 'workAnniversaryToday',
      field: 'hireDate',
      minYears: 5,
    });
    expect(parseFilterExpression('hireDate within next 7 days')).toEqual({ type: 'dateWithin', field: 'hireDate', direction: 'next', days: 7 });
    expect(parseFilterExpression('endDate within last 1 day')).toEqual({ type: 'dateWithin', field: 'endDate', direction: 'last', days: 1 });
    expect(parseFilterExpression('changed on 2026-07-01 reason "salary"')).toEqual({ type: 'changedOn', date: '2026-07-01', reason: 'salary' });
    expect(parseFilterExpression('changed on 2026-07-01')).toEqual({ type: 'changedOn', date: '2026-07-01' });
    expect(parseFilterExpression('hireDate on 2020-02-29')).toEqual({ type: 'dateEquals', field: 'hireDate', date: '2020-02-29' });
    expect(parseFilterExpression('age(birthDate) > 35')).toEqual({ type: 'ageOver', field: 'birthDate', years: 35 });
    expect(parseFilterExpression('age(birthDate) < 18')).toEqual({ type: 'ageUnder', field: 'birthDate', years: 18 });
  });

  it('parses every comparison and literal kind', () => {
    expect(parseFilterExpression('a != "x"')).toEqual({ type: 'notEquals', field: 'a', value: 'x' });
    expect(parseFilterExpression('a <= -2.5')).toEqual({ type: 'lte', field: 'a', value: -2.5 });
    expect(parseFilterExpression('a >= 2026-01-01')).toEqual({ type: 'gte', field: 'a', value: '2026-01-01' });
    expect(parseFilterExpression('a < "m"')).toEqual({ type: 'lt', field: 'a', value: 'm' });
    expect(parseFilterExpression('vip = TRUE')).toEqual({ type: 'equals', field: 'vip', value: true });
    expect(parseFilterExpression('name startsWith "Ż"')).toEqual({ type: 'startsWith', field: 'name', value: 'Ż' });
    expect(parseFilterExpression('city contains "\\"Big\\" \\\\ Apple"')).toEqual({ type: 'contains', field: 'city', value: '"Big" \\ Apple' });
    expect(parseFilterExpression('n between 1 and 5 and m = 2')).toEqual({
      type: 'group',
      op: 'and',
      children: [{ type: 'between', field: 'n', from: 1, to: 5 }, { type: 'equals', field: 'm', value: 2 }],
    });
  });

  it('reads negated operators, backticked fields and Unicode field names', () => {
    expect(parseFilterExpression('email not empty')).toEqual({ type: 'notEmpty', field: 'email' });
    expect(parseFilterExpression('şehir not in ("Rize")')).toEqual({ type: 'not', child: { type: 'in', field: 'şehir', values: ['Rize'] } });
    expect(parseFilterExpression('`Job Title` contains "müdür"')).toEqual({ type: 'contains', field: 'Job Title', value: 'müdür' });
    expect(parseFilterExpression('`not` = 1 and `changed` on 2026-01-01')).toEqual({
      type: 'group',
      op: 'and',
      children: [{ type: 'equals', field: 'not', value: 1 }, { type: 'dateEquals', field: 'changed', date: '2026-01-01' }],
    });
    expect(parseFilterExpression('age > 35 and birthday = 2000-01-01')).toEqual({
      type: 'group',
      op: 'and',
      children: [{ type: 'gt', field: 'age', value: 35 }, { type: 'equals', field: 'birthday', value: '2000-01-01' }],
    });
  });

  it('reads an empty expression as the empty filter', () => {
    expect(parseFilterExpression('   ')).toEqual({ type: 'group', op: 'and', children: [] });
  });
});

function errorOf(text: string): { position: number; expected: string; found: string; message: string } {
  try {
    parseFilterExpression(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { position: error.position, expected: error.expected, found: error.found, message: error.message };
    throw error;
  }
  throw new Error(`"${text}" parsed without error`);
}

describe('parseFilterExpression errors', () => {
  it('says where, what was expected and what was found', () => {
    expect(errorOf('city = ')).toEqual({
      position: 7,
      expected: 'a value ("text", a number, a date or true/false)',
      found: 'the end of the expression',
      message: 'Expected a value ("text", a number, a date or true/false) at column 8, found the end of the expression',
    });
    expect(errorOf('city == "x"')).toMatchObject({ position: 6, found: "'='" });
    expect(errorOf('city is "x"')).toMatchObject({
      position: 5,
      expected: 'an operator (= != < <= > >= contains startswith in empty between within on)',
      found: "'is'",
    });
  });

  it('points at unbalanced parentheses and trailing input', () => {
    expect(errorOf('(a = 1 or b = 2')).toMatchObject({ position: 15, expected: "')'" });
    expect(errorOf('a = 1 b = 2')).toMatchObject({ position: 6, expected: "'and', 'or' or the end of the expression", found: "'b'" });
    expect(errorOf('a = 1 and')).toMatchObject({ position: 9, expected: "a condition, 'not' or '('" });
  });

  it('rejects dates that do not exist and values of the wrong kind', () => {
    expect(errorOf('changed on 2026-02-30')).toMatchObject({ position: 11, expected: 'a real date (yyyy-mm-dd)' });
    expect(errorOf('a = "2026-13-01"')).toMatchObject({ position: 4, expected: 'a real date (yyyy-mm-dd)' });
    expect(errorOf('a > true')).toMatchObject({ position: 4, expected: 'a number, a date or "text"' });
    expect(errorOf('a between 1 and 2026-01-01')).toMatchObject({ position: 16, expected: 'a number like the one after between' });
    expect(errorOf('a between 9 and 1')).toMatchObject({ position: 16, expected: 'a number not before 9' });
    expect(errorOf('a contains ""')).toMatchObject({ position: 11, expected: 'non-empty "text"' });
  });

  it('checks the shape of rules', () => {
    expect(errorOf('hireDate within 7 days')).toMatchObject({ position: 16, expected: "'next' or 'last'" });
    expect(errorOf('hireDate within next 1.5 days')).toMatchObject({ position: 21, expected: 'a whole number from 0 to 36600' });
    expect(errorOf('hireDate within next 7 weeks')).toMatchObject({ position: 23, expected: "'days' or 'day'" });
    expect(errorOf('anniversary today(hireDate) min 0 years')).toMatchObject({ position: 32, expected: 'a whole number from 1 to 100' });
    expect(errorOf('age(birthDate) >= 35')).toMatchObject({ position: 15, expected: "'>' or '<' after age(...)" });
    expect(errorOf('birthday today()')).toMatchObject({ position: 15, expected: 'a field name' });
    expect(errorOf('a not = 1')).toMatchObject({ position: 6, expected: 'in, contains, startswith, empty, between, within or on after not' });
  });

  it('reports bad characters, unterminated text and glued values', () => {
    expect(errorOf('a = 1 & b = 2')).toMatchObject({ position: 6, found: "'&'" });
    expect(errorOf('a = "open')).toMatchObject({ position: 9, expected: '" to close the text opened at column 5' });
    expect(errorOf('a within next 7days')).toMatchObject({ position: 15, expected: 'a space, a symbol or the end after the value' });
    expect(errorOf('`` = 1')).toMatchObject({ position: 0, expected: 'a field name inside the backticks' });
    expect(errorOf('hireDate on 2026-7-1')).toMatchObject({ position: 12, expected: 'a date written yyyy-mm-dd', found: "'2026-7-1'" });
  });

  it('refuses nesting past the depth limit', () => {
    const deep = `${'('.repeat(40)}a = 1${')'.repeat(40)}`;
    expect(errorOf(deep)).toMatchObject({ position: 30, expected: 'at most 30 levels of nesting' });
    expect(errorOf(`${'not '.repeat(40)}a empty`)).toMatchObject({ position: 120 });
  });
});
