import { describe, expect, it } from 'vitest';
import { FilterInputError, parseAddressList, parseFilterText } from './filter-input';

describe('filters and exclusions typed on a command line', () => {
  it('parses an expression into the filter model', () => {
    expect(parseFilterText('city = "İzmir" and age(birthDate) > 35')).toEqual({
      type: 'group', op: 'and',
      children: [{ type: 'equals', field: 'city', value: 'İzmir' }, { type: 'ageOver', field: 'birthDate', years: 35 }],
    });
  });

  it('points at the column of a mistake', () => {
    expect(() => parseFilterText('city = ')).toThrow(FilterInputError);
    expect(() => parseFilterText('city = ')).toThrow(/at column 8, found the end of the expression\.\n {2}city = \n {9}\^/);
  });

  it('reads one address or domain per line, skipping blanks and comments', () => {
    expect(parseAddressList('# left the company\r\na@example.com\n\nb@example.com; example.org\n')).toEqual(['a@example.com', 'b@example.com', 'example.org']);
  });
});
