import { describe, expect, it } from 'vitest';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { officeMockScript } from './office-mock';
import { PEOPLE_CSV, next, uploadCsv, waitForText } from './pane';

const DRAFT = {
  subject: 'Toplantı hatırlatması {{firstName}}',
  html: '<html><body><p>Sayın {{firstName}} {{lastName}},</p><p>Yarın saat 10:00.</p></body></html>',
  displayLanguage: 'tr-TR',
  bodyBackgroundColor: '#ffffff',
};

describe('compose mode in Outlook (office-addin-mock as window.Office)', () => {
  const session = usePaneSession();

  it("starts from the draft's subject and body, in Office's language, loading nothing external", async () => {
    const page = await session.browser.newPage(360, 900);
    const errors = collectErrors(page);
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(session.server.url)) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    await page.addInitScript({ content: await officeMockScript(DRAFT) });
    await page.goto(`${session.server.url}/taskpane.html?surface=compose`);
    await page.getByTestId('list-select').waitFor();

    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(await page.getByTestId('step-recipients').textContent()).toContain('Alıcılar');

    await uploadCsv(page, 'kişiler.csv', PEOPLE_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await next(page);

    await page.getByTestId('draft-loaded').waitFor();
    expect(await page.getByTestId('subject').inputValue()).toBe(DRAFT.subject);
    expect(await page.getByTestId('body').inputValue()).toBe(DRAFT.html);
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: string[] }).__officeCalls);
    expect(calls).toEqual(['subject', 'body:html']);
    await screenshot(page, 'compose-message-360');

    await next(page);
    await page.getByTestId('folder-select').waitFor();
    await next(page);
    await waitForText(page, 'preview-subject', (t) => t === 'Toplantı hatırlatması Şükrü');

    expect(foreign).toEqual([]);
    expect(await page.locator('script[src*="appsforoffice"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('in local mode (no surface, no Office) never asks for office.js', async () => {
    const page = await session.browser.newPage(360, 700);
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(session.server.url)) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    await page.goto(`${session.server.url}/taskpane.html?lang=en`);
    await page.getByTestId('list-select').waitFor();
    await page.getByTestId('upload-input').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(PEOPLE_CSV) });
    await page.getByTestId('upload-ok').waitFor();
    await next(page);
    expect(await page.getByTestId('load-draft').count()).toBe(0);
    expect(await page.getByTestId('subject').inputValue()).toBe('');
    expect(foreign).toEqual([]);
  });

  it("in read mode follows Office's dark theme and opens on History, not a draft", async () => {
    const page = await session.browser.newPage(360, 700);
    await page.addInitScript({
      content: await officeMockScript({ ...DRAFT, displayLanguage: 'pl-PL', bodyBackgroundColor: '#1f1f1f' }),
    });
    await page.goto(`${session.server.url}/taskpane.html?surface=read`);
    await page.getByTestId('history-address').waitFor();
    expect(await page.getByTestId('nav-history').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#history-heading').textContent()).toBe('Co otrzymała ta osoba');
    expect(await page.getByTestId('load-draft').count()).toBe(0);
    const background = await page.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await screenshot(page, 'read-dark-360');
  });
});
