// The Settings dialog from the pane's header: who is signed in, the mode, the mailbox's limits in
// the pane's language, and — in Microsoft mode only — allowing and revoking background sending.
// Microsoft mode is faked at the HTTP seam: /api/me and /api/background-grant answered by the page's
// router with the shapes the real server sends (checked against the emulator in api-auth.test.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MeResponse } from '../../shared/api';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { openPane } from './pane';
import { usePaneSession } from './session';

/** Axe clean and no sideways scrolling at the current width. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-mode').waitFor();
}

describe('the Settings dialog', () => {
  const session = usePaneSession({ limits: { perMinute: 45, perDay: 12_000, concurrency: 3 } });

  it('in local mode shows the local user, the mode and the mailbox\'s limits, and no background-sending control', async () => {
    const page = await session.browser.newPage(320, 800);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');
    await openSettings(page);
    expect(await page.getByRole('dialog').getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
    expect(await page.getByTestId('settings-user').textContent()).toBe('Local User <me@seriatim.localhost>');
    expect(await page.getByTestId('settings-role').textContent()).toBe('Seriatim administrator');
    expect(await page.getByTestId('settings-mode').textContent()).toBe('Local mailbox on this computer');
    expect(await page.getByTestId('settings-limit-per-minute').textContent()).toBe('45 messages');
    expect(await page.getByTestId('settings-limit-per-day').textContent()).toBe('12,000 recipients');
    expect(await page.getByTestId('settings-limit-concurrency').textContent()).toBe('3 messages');
    expect(await page.getByTestId('settings-background').count()).toBe(0);
    expect(await page.getByTestId('settings-grant-action').count()).toBe(0);
    await expectAccessible(page, 'settings-local-320');
    await page.getByTestId('settings-close').click();
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('opens and closes from the keyboard, returning focus to the gear, and changes the language in place', async () => {
    const page = await session.browser.newPage(320, 800);
    await openPane(page, session.server.url, '?lang=en');
    await page.getByTestId('settings-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-mode').waitFor();
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('settings-open');

    await page.keyboard.press('Enter');
    await page.getByTestId('settings-language').selectOption('tr');
    await page.getByRole('dialog', { name: 'Ayarlar' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(await page.getByTestId('settings-mode').textContent()).toBe('Bu bilgisayardaki yerel posta kutusu');
    expect(await page.getByTestId('settings-limit-per-day').textContent()).toBe('12.000 alıcı');
    await expectAccessible(page, 'settings-local-tr-320');
  });

  it('in Microsoft mode allows and revokes background sending, saying what it means and what happened', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    const grantCalls: string[] = [];
    let refuseNext = true;
    await page.route('**/api/me', async (route) => {
      const response = await route.fetch();
      const local = MeResponse.parse(await response.json());
      const me: MeResponse = {
        ...local,
        user: { id: 'oid.tid', name: 'Adele Vance', email: 'adele@contoso.test' },
        mode: 'microsoft',
        provider: 'graph',
        admin: false,
        backgroundGrant: { granted: false, grantedAt: null, updatedAt: null },
      };
      await route.fulfill({ response, json: me });
    });
    await page.route('**/api/background-grant', async (route) => {
      const method = route.request().method();
      grantCalls.push(method);
      if (method === 'POST' && refuseNext) {
        refuseNext = false;
        const error = { code: 'UNAUTHENTICATED', message: 'Sign in again, then allow background sending.', details: { reason: 'token-expired' } };
        await route.fulfill({ status: 401, json: { error } });
      } else if (method === 'POST') {
        const at = '2025-06-02T08:30:00.000Z';
        await route.fulfill({ status: 201, json: { granted: true, grantedAt: at, updatedAt: at } });
      } else if (method === 'DELETE') {
        await route.fulfill({ status: 204, body: '' });
      } else {
        await route.fallback();
      }
    });

    await openPane(page, session.server.url, '?lang=en');
    await openSettings(page);
    expect(await page.getByTestId('settings-mode').textContent()).toBe('Microsoft 365: your own mailbox');
    expect(await page.getByTestId('settings-role').textContent()).toBe('User');
    expect(await page.locator('#settings-background-heading').textContent()).toBe('Keep sending when Outlook is closed');
    expect(await page.locator('#settings-background-explain').textContent()).toContain('sealed token');
    const status = page.getByTestId('settings-grant-status');
    const action = page.getByTestId('settings-grant-action');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('Not allowed: runs send only while the pane is open.');
    expect(await action.textContent()).toBe('Allow');
    expect(await action.getAttribute('aria-describedby')).toBe('settings-background-explain');
    await expectAccessible(page, 'settings-microsoft-320');

    // A refused grant shows the server's message and leaves the status as it was.
    await action.click();
    await page.getByTestId('settings-grant-error').waitFor();
    expect(await page.getByTestId('settings-grant-error').textContent()).toContain('Sign in again, then allow background sending.');
    expect(await action.textContent()).toBe('Allow');

    await action.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => action.getAttribute('data-action')).toBe('revoke');
    expect(await status.textContent()).toMatch(/^Allowed since Jun 2, 2025/);
    expect(await action.textContent()).toBe('Revoke');
    expect(await page.getByTestId('settings-grant-error').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('settings-grant-action');
    await expectAccessible(page, 'settings-microsoft-allowed-320');

    await page.keyboard.press('Enter');
    await expect.poll(() => action.getAttribute('data-action')).toBe('allow');
    expect(await status.textContent()).toBe('Not allowed: runs send only while the pane is open.');
    expect(grantCalls).toEqual(['POST', 'POST', 'DELETE']);
    // The refused POST logs the browser's own "401" console line; nothing else may fail.
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
