import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { officeMockScript, type MockOutlook } from './office-mock';
import { waitForText } from './pane';

const OUTLOOK: MockOutlook = {
  subject: 'Hello {{firstName}}',
  html: '<p>Hello {{firstName}}</p>',
  displayLanguage: 'en-US',
  bodyBackgroundColor: '#ffffff',
};

describe('the pane inside Outlook (office-addin-mock): sign-in and history', () => {
  const session = usePaneSession();

  it('says clearly, translated, when this Outlook cannot sign in (no NAA, no dialogs)', async () => {
    const page = await session.browser.newPage(320, 800);
    // The server announces Microsoft 365 mode; the mocked Outlook has neither NAA nor Office dialogs.
    await page.route('**/api/auth-config', (route) =>
      route.fulfill({
        json: { mode: 'microsoft', clientId: 'c1', authority: 'https://login.example/organizations', scope: 'api://pane.example/c1/access_as_user' },
      }),
    );
    const msal: string[] = [];
    page.on('request', (r) => {
      if (/login\.|msal/i.test(r.url())) msal.push(r.url());
    });
    await page.addInitScript({ content: await officeMockScript({ ...OUTLOOK, displayLanguage: 'tr-TR' }) });
    await page.goto(`${session.server.url}/taskpane.html?surface=compose`);
    const notice = page.getByTestId('signin-unavailable');
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Outlook'un bu sürümü Seriatim'de oturum açamıyor");
    expect(msal).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'signin-unavailable-320');
  });

  it("on the read surface opens on the history of the message's sender", async () => {
    const list = (await session.server.upload('p.csv', 'email,firstName\nolga.ivanova@example.com,Ольга\nayse@example.com,Ayşe\n')).body;
    const run = (await session.server.api('POST', '/api/runs', { listId: list.id, template: { subject: 'Приглашение на встречу', html: '<p>{{firstName}}</p>' } })).body;
    await session.server.waitForRun(run.id);

    const page = await session.browser.newPage(320, 800);
    const errors = collectErrors(page);
    await page.addInitScript({
      content: await officeMockScript({ ...OUTLOOK, from: { displayName: 'Ольга Иванова', emailAddress: 'Olga.Ivanova@example.com' } }),
    });
    await page.goto(`${session.server.url}/taskpane.html?surface=read`);
    await waitForText(page, 'history-summary', (t) => t === '1 message to Olga.Ivanova@example.com');
    expect(await page.getByTestId('history-address').inputValue()).toBe('Olga.Ivanova@example.com');
    const item = page.getByTestId('history-item');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Приглашение на встречу');
    expect(await item.getByTestId('delivery-status').textContent()).toBe('Sent');

    await page.getByTestId('history-address').fill('nobody@example.com');
    await page.getByTestId('history-show').click();
    await waitForText(page, 'history-summary', (t) => t === '0 messages to nobody@example.com');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'read-history-320');
  });
});
