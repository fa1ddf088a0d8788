import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FoldersResponse, MessagesResponse } from '../../shared/api';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { PEOPLE_CSV, next, openPane, uploadCsv, waitForText } from './pane';

describe('the task pane, whole flow against the real server', () => {
  const session = usePaneSession({ seedSamples: true });

  it('uploads 5 people, merges, files them in a new folder and shows each message in the Mailbox', async () => {
    const page = await session.browser.newPage(800, 1000);
    const errors = collectErrors(page);
    await openPane(page, session.server.url);

    // Recipients: upload, count, email column, first rows.
    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await waitForText(page, 'list-count', (t) => t === '5 recipients');
    expect(await page.getByTestId('email-column').inputValue()).toBe('email');
    await expect.poll(() => page.getByTestId('rows-table').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('rows-table').textContent()).toContain('Şükrü');
    await next(page);

    // Message: subject and body with fields inserted by the buttons at the cursor.
    const subject = page.getByTestId('subject');
    await subject.fill('Merhaba ');
    await subject.press('End');
    await page.getByTestId('field-firstName').click();
    expect(await subject.inputValue()).toBe('Merhaba {{firstName}}');
    const body = page.getByTestId('body');
    await body.fill('<p>Dear , from .</p>');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(8, 8));
    await page.getByTestId('field-firstName').click();
    await page.getByTestId('field-lastName').click();
    expect(await body.inputValue()).toBe('<p>Dear {{firstName}}{{lastName}}, from .</p>');
    await body.fill('<p>Dear {{firstName}} {{lastName}}, from {{city}}.</p>');
    await next(page);

    // Options: a new folder, created through the API.
    await page.getByTestId('folder-mode-new').check();
    await page.getByTestId('folder-name').fill('Seriatim test');
    await page.getByTestId('max-errors').fill('2');
    await next(page);

    // Review: summary, no warnings, preview with next/previous, test message.
    await waitForText(page, 'preview-subject', (t) => t === 'Merhaba Şükrü');
    expect(await page.getByTestId('summary-folder').textContent()).toBe('Seriatim test');
    await page.getByTestId('template-ok').waitFor();
    await page.getByTestId('preview-next').click();
    await waitForText(page, 'preview-subject', (t) => t === 'Merhaba Żaneta');
    expect(await page.getByTestId('preview-to').textContent()).toBe('zaneta@example.com');
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Dear Żaneta Gąsiorowska, from Kraków.');
    expect(await page.getByTestId('preview-frame').getAttribute('sandbox')).toBe('');
    await page.getByTestId('preview-prev').click();
    await waitForText(page, 'preview-subject', (t) => t === 'Merhaba Şükrü');
    await page.getByTestId('test-to').fill('me@example.org');
    await page.getByTestId('test-send').click();
    await waitForText(page, 'test-result', (t) => t.includes('me@example.org'));
    await screenshot(page, 'flow-review-800');

    // Start, then the report with 5 sent.
    await page.getByTestId('start').click();
    await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
    await waitForText(page, 'count-sent', (t) => t === '5');
    await expect.poll(() => page.locator('[data-testid="report-row"][data-status="sent"]').count()).toBe(5);
    expect(await page.getByTestId('report-csv').getAttribute('href')).toMatch(/\/api\/runs\/[^/]+\/report\.csv$/);
    await screenshot(page, 'flow-report-800');

    // Someone asks not to be mailed again: one click on their report row suppresses them for the organisation.
    const first = page.locator('[data-testid="report-row"]').first();
    const address = (await first.getByTestId('report-to').textContent()) as string;
    await first.getByTestId('report-suppress').click();
    await first.getByTestId('report-suppressed').waitFor();
    // The button gave way to text, which holds focus.
    await expect.poll(() => first.getByTestId('report-suppressed').evaluate((el) => el === document.activeElement)).toBe(true);
    const suppression = await session.server.api('GET', '/api/suppression');
    expect(suppression.body.entries).toEqual([expect.objectContaining({ value: address.toLowerCase(), kind: 'address', source: 'report' })]);

    // Mailbox: the new folder holds 5 messages, each with its own To and subject.
    await page.getByTestId('open-folder').click();
    await waitForText(page, 'mailbox-count', (t) => t === '5 messages');
    const rows = page.getByTestId('message-row');
    await expect.poll(() => rows.count()).toBe(5);
    const seen = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      seen.set((await rows.nth(i).getByTestId('message-to').textContent()) ?? '', (await rows.nth(i).getByTestId('message-subject').textContent()) ?? '');
    }
    expect(Object.fromEntries(seen)).toEqual({
      'sukru.ozturk@example.com': 'Merhaba Şükrü',
      'zaneta@example.com': 'Merhaba Żaneta',
      'gulsen.celik@example.com': 'Merhaba Ğülşen',
      'lukasz@example.com': 'Merhaba Łukasz',
      'lubomir@example.com': 'Merhaba Ľubomír',
    });
    await rows.filter({ hasText: 'lukasz@example.com' }).getByTestId('message-subject').click();
    await waitForText(page, 'message-detail-subject', (t) => t === 'Merhaba Łukasz');
    expect(await page.getByTestId('message-headers').textContent()).toContain('lukasz@example.com');
    const mail = page.frameLocator('[data-testid="message-body"]');
    await expect.poll(() => mail.locator('body').textContent()).toContain('Dear Łukasz Wiśniewski, from Łódź.');
    await screenshot(page, 'flow-mailbox-800');
    // The message's source downloads through a one-use ticket, exactly as sent.
    const [source] = await Promise.all([page.waitForEvent('download'), page.getByTestId('message-raw').click()]);
    expect(source.suggestedFilename()).toMatch(/\.eml$/);
    const mime = fs.readFileSync((await source.path())!, 'utf8');
    expect(mime).toMatch(/^To: .*lukasz@example\.com/m);
    expect(mime).toMatch(/^X-Seriatim-Tag:\s+[\w-]+:[\w-]+/im);

    // The same, through the API.
    const folders = FoldersResponse.parse((await session.server.api('GET', '/api/mailbox/folders')).body).folders;
    const folder = folders.find((f) => f.name === 'Seriatim test');
    expect(folder?.messageCount).toBe(5);
    const messages = MessagesResponse.parse((await session.server.api('GET', `/api/mailbox/folders/${folder!.id}/messages`)).body);
    expect(messages.messages.map((m) => m.to.join(',')).sort()).toEqual([...seen.keys()].sort());

    // The Runs list shows the finished run.
    await page.getByTestId('nav-runs').click();
    await page.getByTestId('run-item').first().waitFor();
    expect(await page.getByTestId('run-item').first().textContent()).toContain('Merhaba {{firstName}}');
    expect(errors).toEqual([]);
  });
});
