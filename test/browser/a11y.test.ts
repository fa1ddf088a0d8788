import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../support/server';
import { screenshot } from './browser';
import { usePaneSession } from './session';
import { seriousViolations } from './axe';
import { PEOPLE_CSV, next, openPane, uploadCsv, waitForText } from './pane';

/** Checks one screen: no serious/critical axe violations, no sideways scrolling at 320 px, screenshots at 320 and 800 px. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, `${name}-800`);
}

describe('accessibility and layout of every screen', () => {
  const session = usePaneSession({ seedSamples: true, limits: { perMinute: 100_000 } });

  it('has no serious or critical axe violations and fits 320 px, from Recipients to Mailbox', async () => {
    const page = await session.browser.newPage(320, 800);
    await openPane(page, session.server.url);
    await checkScreen(page, 'screen-1-recipients-empty');

    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('rows-table').waitFor();
    await checkScreen(page, 'screen-1-recipients');
    await next(page);

    await page.getByTestId('subject').fill('Merhaba {{firstName}}');
    await page.getByTestId('body').fill('<h1>Merhaba {{firstName}}!</h1>\n<p>Dear {{firstName}} {{lastName}} from {{city}},</p>\n<p>{{department}}</p>');
    await checkScreen(page, 'screen-2-message');
    await next(page);

    await page.getByTestId('folder-select').waitFor();
    await page.getByTestId('folder-mode-new').check();
    await page.getByTestId('folder-name').fill('Seriatim a11y');
    await checkScreen(page, 'screen-3-options');
    await next(page);

    await page.getByTestId('unknown-field').waitFor();
    await page.getByTestId('accept-unknown').check();
    await waitForText(page, 'preview-subject', (t) => t === 'Merhaba Şükrü');
    await checkScreen(page, 'screen-4-review');
    await page.getByTestId('start').click();

    await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
    await waitForText(page, 'count-sent', (t) => t === '5');
    await checkScreen(page, 'screen-6-report');

    await page.getByTestId('open-folder').click();
    await page.getByTestId('message-row').first().waitFor();
    await checkScreen(page, 'screen-7-mailbox-folder');
    await page.getByTestId('message-subject').first().click();
    await page.getByTestId('message-headers').waitFor();
    await checkScreen(page, 'screen-8-mailbox-message');

    await page.getByTestId('nav-runs').click();
    await page.getByTestId('run-item').first().waitFor();
    await checkScreen(page, 'screen-9-runs');
  });

  it('shows the Sending screen with live, announced progress, and can pause and resume', async () => {
    const slow = await startTestServer({ limits: { perMinute: 60 } });
    try {
      const page = await session.browser.newPage(320, 800);
      await openPane(page, slow.url);
      await uploadCsv(page, 'people.csv', PEOPLE_CSV);
      await page.getByTestId('upload-ok').waitFor();
      await next(page);
      await page.getByTestId('subject').fill('Merhaba {{firstName}}');
      await page.getByTestId('body').fill('<p>{{firstName}}</p>');
      await next(page);
      await page.getByTestId('folder-select').waitFor();
      await next(page);
      await page.getByTestId('template-ok').waitFor();
      await page.getByTestId('start').click();

      await page.getByTestId('progress').waitFor();
      expect(await page.getByTestId('progress-text').getAttribute('aria-live')).toBe('polite');
      await page.getByTestId('pause').click();
      await page.getByTestId('resume').waitFor();
      await checkScreen(page, 'screen-5-sending-paused');
      await page.getByTestId('resume').click();
      await page.getByTestId('cancel').click();
      await page.getByTestId('cancel-confirm').click();
      await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('run-status').textContent()).toBe('Cancelled');
    } finally {
      await slow.close();
    }
  });
});
