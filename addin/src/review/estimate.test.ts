import { describe, expect, it } from 'vitest';
import { estimateMinutes, replaceField } from './estimate';

describe('review helpers', () => {
  it('estimates minutes from the pace and the pauses between batches', () => {
    expect(estimateMinutes(0, 30)).toBe(0);
    expect(estimateMinutes(5, 30)).toBe(1);
    expect(estimateMinutes(300, 30)).toBe(10);
    expect(estimateMinutes(300, 30, 100, 600)).toBe(30);
  });

  it('replaces a misspelt field in plain, section and unescaped tags only', () => {
    expect(replaceField('Hi {{firstNme}}, {{ firstNme }} {{#firstNme}}x{{/firstNme}} {{firstNmeX}}', 'firstNme', 'firstName')).toBe(
      'Hi {{firstName}}, {{ firstName }} {{#firstName}}x{{/firstName}} {{firstNmeX}}',
    );
    expect(replaceField('{{a.b}} {{aXb}}', 'a.b', 'c')).toBe('{{c}} {{aXb}}');
  });
});
