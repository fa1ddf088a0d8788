import { describe, expect, it } from 'vitest';
import { analyseTemplate } from './index';

const columns = ['firstName', 'lastName', 'title', 'company', 'orders', 'email'];

describe('analyseTemplate', () => {
  it('lists unknown fields with a "did you mean" suggestion', () => {
    const analysis = analyseTemplate({ subject: 'Hi {{frstName}}', html: '{{LastName}} {{last_name}} {{compnay}} {{email}} {{zzz}}' }, columns);
    expect(analysis.unknownFields).toEqual(['frstName', 'LastName', 'last_name', 'compnay', 'zzz']);
    expect(analysis.suggestions).toEqual({ frstName: 'firstName', LastName: 'lastName', last_name: 'lastName', compnay: 'company' });
  });

  it('knows dotted names by their first segment and section members from the rows', () => {
    const rows = [{ company: { name: 'Acme' }, orders: [{ total: 5 }] }];
    const analysis = analyseTemplate({ subject: '', html: '{{company.name}} {{#orders}}{{total}} {{firstName}}{{/orders}}' }, columns, rows);
    expect(analysis.fields).toEqual(['company.name', 'orders', 'total', 'firstName']);
    expect(analysis.unknownFields).toEqual([]);
  });

  it('counts the rows where each merged field is empty, with sample row indexes', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ firstName: i % 2 ? `N${i}` : i % 4 ? '  ' : null, lastName: 'L', title: '' }));
    const analysis = analyseTemplate({ subject: '{{firstName}}', html: '{{lastName}} {{#title}}{{title}} {{/title}}{{email}}' }, columns, rows);
    expect(analysis.emptyPerField).toEqual([
      { field: 'firstName', count: 6, sampleRowIndexes: [0, 2, 4, 6, 8] },
      { field: 'email', count: 12, sampleRowIndexes: [0, 1, 2, 3, 4] },
    ]);
  });

  it('reports syntax errors of every part instead of throwing, and still lists the fields of good parts', () => {
    const analysis = analyseTemplate({ subject: '{{#a}}', html: '<p>{{firstName}}</p>', text: 'x\n  {{name' }, columns);
    expect(analysis.syntaxErrors).toEqual([
      { part: 'subject', line: 1, column: 1, message: expect.stringMatching(/never closed/) },
      { part: 'text', line: 2, column: 3, message: expect.stringMatching(/never closed/) },
    ]);
    expect(analysis.fields).toEqual(['firstName']);
  });
});
