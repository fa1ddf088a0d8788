import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { usePaneSession } from './session';
import { PEOPLE_CSV, openPane, reachReview, uploadCsv, waitForText } from './pane';

describe('the task pane tells the user what is wrong', () => {
  const session = usePaneSession();

  it("shows the server's error for a CSV without an email column, and does not go on", async () => {
    const page = await session.browser.newPage(320, 800);
    await openPane(page, session.server.url);
    await uploadCsv(page, 'no-email.csv', 'name,city\nAyşe,Ankara\nJan,Gdańsk\n');
    const text = await waitForText(page, 'upload-error', (t) => t.length > 0);
    expect(text).toContain('no column holds e-mail addresses');
    expect(text).toContain('no-email.csv');
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    await screenshot(page, 'errors-bad-csv-320');
  });

  it('shows line and column of an unclosed tag and keeps Start disabled', async () => {
    const page = await session.browser.newPage(320, 900);
    await openPane(page, session.server.url);
    await reachReview(page, { name: 'people.csv', content: PEOPLE_CSV }, 'Merhaba {{firstName}}', '<p>Hello</p>\n<p>{{firstName</p>');
    const error = await waitForText(page, 'syntax-error', (t) => t.length > 0);
    expect(error).toContain('Message, line 2, column 4');
    expect(await page.getByTestId('start').isDisabled()).toBe(true);
    expect(await page.getByTestId('start-blocked').textContent()).toContain('Fix the template errors');
    await screenshot(page, 'errors-syntax-320');
  });

  it('suggests a field for a misspelt one and replaces it on request', async () => {
    const page = await session.browser.newPage(800, 900);
    await openPane(page, session.server.url);
    await reachReview(page, { name: 'people.csv', content: PEOPLE_CSV }, 'Merhaba {{firstNme}}', '<p>{{firstNme}}</p>');
    const warning = await waitForText(page, 'unknown-field', (t) => t.length > 0);
    expect(warning).toContain('Unknown field {{firstNme}}.');
    expect(warning).toContain('Did you mean {{firstName}}?');
    expect(await page.getByTestId('start').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Replace with {{firstName}}' }).click();
    await waitForText(page, 'preview-subject', (t) => t === 'Merhaba Şükrü');
    await page.getByTestId('template-ok').waitFor();
    expect(await page.getByTestId('start').isEnabled()).toBe(true);
  });
});
