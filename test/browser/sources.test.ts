// "From Outlook" in the Recipients step, in headless Chromium at 320 px. The server signs the pane
// in locally but sends through a Graph mailbox (the emulator's), so /api/me says provider graph
// and the pane offers Outlook sources without a Microsoft sign-in; Office.js is mocked at the seam.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { Engine } from '../../server/engine/engine';
import { limitsByOrganisation } from '../../server/engine/organisation-limits';
import { ProgressHub } from '../../server/engine/progress';
import { createApp } from '../../server/http/app';
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { openDb, type Db } from '../../server/store/db';
import { upsertUser } from '../../server/store/users';
import { startGraphEmulator, type GraphEmulator } from '../graph-emulator/index';
import { FAST } from '../graph/harness';
import { seriousViolations } from './axe';
import { assertPaneBuilt, collectErrors, launchBrowser, screenshot, type Page, type TestBrowser } from './browser';
import { officeMockScript } from './office-mock';
import { openPane, waitForText } from './pane';
import { usePaneSession } from './session';

/** No serious axe violations and no sideways scrolling at the current width; a screenshot. */
async function checkAccessible(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

const selectedListText = (page: Page) =>
  page.getByTestId('list-select').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

describe('recipients from Outlook (a Graph mailbox)', () => {
  let emulator: GraphEmulator;
  let db: Db;
  let dir: string;
  let server: http.Server;
  let url: string;
  let browser: TestBrowser;
  let owner: string;

  beforeAll(async () => {
    assertPaneBuilt();
    emulator = await startGraphEmulator({ sentCopyLagMs: 5 });
    owner = emulator.addUser({ userPrincipalName: 'adele@contoso.test', displayName: 'Adele Vance' }).id;
    const token = emulator.issueToken(owner, { expiresInSec: 3600 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-sources-pane-'));
    const config = loadConfig({ SERIATIM_DATA_DIR: dir, SERIATIM_LOG_LEVEL: 'silent' });
    db = openDb(config.dbFile);
    const localUser = upsertUser(db, { id: 'local', tenantId: 'local', email: 'adele@contoso.test', name: 'Adele Vance' });
    const provider = createGraphProvider({ db, graphUrl: emulator.url, tokens: { getToken: async () => token }, ...FAST });
    const limitsFor = limitsByOrganisation(provider.limits, {});
    const log = pino({ level: 'silent' });
    const engine = new Engine({ db, provider, progress: new ProgressHub(), log, limitsFor });
    server = http.createServer(createApp({ config, db, log, provider, limitsFor, engine, progress: new ProgressHub() }, localUser));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();

    emulator.addContacts(owner, [
      { givenName: 'Ľubomír', surname: 'Šťastný', emailAddresses: [{ address: 'lubomir@klient.test' }, { address: 'lubo@home.test' }] },
      { givenName: 'Olga', surname: 'Ivanova', emailAddresses: [{ address: 'olga@klient.test' }] },
    ], 'Klienci');
    const people = ['ann', 'bob', 'cem'].map((n) => emulator.addUser({ userPrincipalName: `${n}@contoso.test` }).id);
    const inner = emulator.addGroup({ displayName: 'Payroll İstanbul', members: [people[1], people[2]] });
    emulator.addGroup({ displayName: 'Payroll', mail: 'payroll@contoso.test', members: [people[0], inner.id] });
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await emulator?.close();
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a contact folder into a list, selects it, and refreshes it after Outlook changes', async () => {
    const page = await browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, url, '?lang=en');
    const open = page.getByTestId('source-open');
    expect(await open.textContent()).toBe('From Outlook');
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('source-folder').locator('option', { hasText: 'Klienci' }).waitFor({ state: 'attached' });
    await checkAccessible(page, 'sources-panel-320');

    await page.getByTestId('source-folder').selectOption({ label: 'Klienci' });
    await page.getByTestId('source-create').click();
    await waitForText(page, 'upload-ok', (t) => t === '"Contacts: Klienci" was read from Outlook.');
    expect(await page.getByTestId('source-panel').count()).toBe(0);
    // The panel closed under the Create button: focus is back on the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-open');
    expect(await selectedListText(page)).toBe('Contacts: Klienci (2 recipients)');
    expect(await page.getByTestId('source-info').textContent()).toContain('From Outlook: contact folder "Klienci"');
    expect(await page.getByTestId('email-column').inputValue()).toBe('email');
    await checkAccessible(page, 'sources-list-320');

    emulator.addContacts(owner, [{ givenName: 'Marek', surname: 'Kováč', emailAddresses: [{ address: 'marek@example.sk' }] }], 'Klienci');
    await page.getByTestId('source-refresh').click();
    await waitForText(page, 'list-count', (t) => t === '3 recipients');
    await expect.poll(() => selectedListText(page)).toBe('Contacts: Klienci (3 recipients)');
    expect(errors).toEqual([]);
  });

  it('finds a group by the start of its name and reads its people, nested groups included', async () => {
    const page = await browser.newPage(320, 900);
    await openPane(page, url, '?lang=pl');
    await page.getByTestId('source-open').click();
    await page.getByTestId('source-group').click();
    expect(await page.getByTestId('source-create').isDisabled()).toBe(true);
    await page.getByTestId('source-group-query').fill('Nikt');
    await page.getByTestId('source-group-search').click();
    await waitForText(page, 'source-no-groups', (t) => t === 'Żadna nazwa grupy nie zaczyna się od „Nikt”.');
    await page.getByTestId('source-group-query').fill('Payroll');
    await page.getByTestId('source-group-query').press('Enter');
    const select = page.getByTestId('source-group-select');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual(['Payroll (payroll@contoso.test)', 'Payroll İstanbul']);
    await checkAccessible(page, 'sources-group-320-pl');
    await page.getByTestId('source-create').click();
    await waitForText(page, 'upload-ok', (t) => t === 'Lista „Grupa: Payroll” została odczytana z Outlooka.');
    await waitForText(page, 'list-count', (t) => t === '3 odbiorcy');
    expect(await page.getByTestId('source-info').textContent()).toContain('Z Outlooka: grupa „Payroll”');
  });

  it("offers the draft's recipients when composing, saving the draft in Outlook first", async () => {
    const draft = emulator.saveOutlookDraft(owner, {
      subject: 'Toplantı',
      toRecipients: [{ emailAddress: { address: 'ayse@example.com', name: 'Ayşe Yılmaz' } }],
      ccRecipients: [{ emailAddress: { address: 'bora@example.com', name: 'Bora' } }],
    });
    const page = await browser.newPage(320, 900);
    await page.addInitScript({ content: await officeMockScript({ subject: 'Toplantı', html: '<p>x</p>', displayLanguage: 'tr-TR', bodyBackgroundColor: '#ffffff' }) });
    await page.addInitScript((restId: string) => {
      const w = window as unknown as { Office: any; __officeCalls: string[] };
      w.Office.MailboxEnums = { RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } };
      w.Office.context.mailbox.item.saveAsync = (callback: (r: { status: string; value: string }) => void) => {
        w.__officeCalls.push('saveAsync');
        callback({ status: 'succeeded', value: 'ews-id' });
      };
      w.Office.context.mailbox.convertToRestId = () => restId;
    }, draft.restId);
    await page.goto(`${url}/taskpane.html?surface=compose`);
    await page.getByTestId('source-open').click();
    expect(await page.getByTestId('source-open').textContent()).toBe("Outlook'tan");
    await page.getByTestId('source-draft').click();
    await page.getByTestId('source-create').click();
    await waitForText(page, 'upload-ok', (t) => t === '"Taslak alıcıları" Outlook\'tan okundu.');
    await waitForText(page, 'list-count', (t) => t === '2 alıcı');
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: string[] }).__officeCalls);
    expect(calls).toContain('saveAsync');
    await checkAccessible(page, 'sources-draft-320-tr');
  });
});

describe('recipients from Outlook in local mode', () => {
  const session = usePaneSession();

  it('is not offered at all', async () => {
    const page = await session.browser.newPage(320, 800);
    const me = page.waitForResponse((r) => r.url().endsWith('/api/me'));
    await openPane(page, session.server.url, '?lang=en');
    // Once /api/me has said the mailbox is the local one, the Outlook choice never appears.
    expect((await (await me).json()).provider).toBe('local');
    await page.getByTestId('upload-button').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('source-open').count()).toBe(0);
  });
});
