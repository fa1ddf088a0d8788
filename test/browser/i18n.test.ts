import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogs, SUPPORTED_LOCALES } from '../../addin/src/i18n';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { seriousViolations } from './axe';
import { PEOPLE_CSV, next, openPane, uploadCsv, waitForText } from './pane';

const STEPS = ['recipients', 'message', 'options', 'review', 'sending', 'report'] as const;

/** No serious or critical axe violations, and nothing scrolls sideways. */
async function expectClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the pane in each language', () => {
  const session = usePaneSession({ seedSamples: true });

  it.each(SUPPORTED_LOCALES)('?lang=%s translates the step titles and the screen', async (locale) => {
    const catalog = catalogs[locale];
    const page = await session.browser.newPage(320, 800);
    await openPane(page, session.server.url, `?lang=${locale}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    for (const step of STEPS) {
      expect(await page.getByTestId(`step-${step}`).textContent()).toContain(catalog[`steps.${step}`]);
    }
    expect(await page.locator('#recipients-heading').textContent()).toBe(catalog['recipients.title']);
    expect(await page.getByTestId('upload-button').textContent()).toBe(catalog['recipients.upload']);
    expect(await page.getByTestId('nav-mailbox').textContent()).toBe(catalog['nav.mailbox']);

    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('rows-table').waitFor();
    const count = catalog['common.recipients'];
    const five = typeof count === 'string' ? count : (count[new Intl.PluralRules(locale).select(5)] ?? count.other);
    expect(await page.getByTestId('list-count').textContent()).toBe(five.replace('{count}', '5'));
    await screenshot(page, `lang-${locale}-320`);
    await expectClean(page);
  });

  it.each(SUPPORTED_LOCALES)('?lang=%s: the whole flow, from the list to the report, in that language', async (locale) => {
    const catalog = catalogs[locale];
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, `?lang=${locale}`);
    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await next(page);
    expect(await page.locator('#message-heading').textContent()).toBe(catalog['message.title']);
    await page.getByTestId('subject').fill('{{firstName}} — ' + locale);
    await page.getByTestId('body').fill('<p>{{firstName}} {{lastName}}, {{city}}</p>');
    await next(page);
    expect(await page.locator('#options-heading').textContent()).toBe(catalog['options.title']);
    await page.getByTestId('folder-select').waitFor();
    await next(page);
    await page.locator('#review-heading').waitFor();
    expect(await page.locator('#review-heading').textContent()).toBe(catalog['review.title']);
    await waitForText(page, 'preview-subject', (t) => t === 'Şükrü — ' + locale);
    await expectClean(page);
    await page.getByTestId('start').click();
    await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
    expect(await page.locator('#report-heading').textContent()).toContain(catalog['report.title']);
    await waitForText(page, 'count-sent', (t) => t === '5');
    await screenshot(page, `lang-${locale}-report-320`);
    await expectClean(page);
    expect(errors).toEqual([]);
  }, 90_000);

  it('switches language from the header without losing the chosen list', async () => {
    const page = await session.browser.newPage(800, 700);
    await openPane(page, session.server.url, '?lang=en');
    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('rows-table').waitFor();
    await page.getByTestId('language').selectOption('pl');
    expect(await page.getByTestId('step-recipients').textContent()).toContain('Odbiorcy');
    expect(await page.getByTestId('list-count').textContent()).toBe('5 odbiorców');
  });
});
