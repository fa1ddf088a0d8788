import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SavedTemplatesResponse } from '../../shared/api';
import { messageTo, openPdf, pdfFor, sentMessages, zipOf } from '../templates/support';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { officeMockScript } from './office-mock';
import { PEOPLE_CSV, next, openPane, uploadCsv, waitForText } from './pane';

/** The people of PEOPLE_CSV with a payslip file each (Ľubomír's is not in the zip) and a PDF password. */
const PAYSLIP_CSV = [
  'firstName,lastName,email,city,payslip,pin',
  'Şükrü,Öztürk,sukru.ozturk@example.com,İstanbul,bordro-şükrü.pdf,1111',
  'Żaneta,Gąsiorowska,zaneta@example.com,Kraków,bordro-zaneta.pdf,2222',
  'Ğülşen,Çelik,gulsen.celik@example.com,İzmir,bordro-gülşen.pdf,3333',
  'Łukasz,Wiśniewski,lukasz@example.com,Łódź,bordro-łukasz.pdf,4444',
  'Ľubomír,Šťastný,lubomir@example.com,Košice,bordro-ľubomír.pdf,5555',
].join('\n');

/** The template item named `name` in the library. */
const itemNamed = (page: Page, name: string) => page.locator(`[data-testid="template-item"][data-name="${name}"]`);

/** Opens an item's "More" menu and picks one of its actions. */
async function templateAction(page: Page, name: string, action: 'rename' | 'duplicate' | 'delete') {
  await itemNamed(page, name).getByTestId('template-actions').click();
  await page.getByTestId(`template-${action}`).click();
}

/** No serious axe violations and no sideways scrolling at the current (320 px) width. */
async function checkAccessible(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

describe('the template library and attachments in the Message step', () => {
  const session = usePaneSession();

  it('saves a message as a template, fills a fresh message from it, renames, duplicates and deletes, and records its sending', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url);
    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await next(page);

    await page.getByTestId('subject').fill('Davet {{firstName}}');
    await page.getByTestId('body').fill('<p>Sayın {{firstName}} {{lastName}}, {{city}} ofisine bekleriz.</p>');
    await page.getByTestId('templates-toggle').click();
    expect(await page.getByTestId('templates-toggle').getAttribute('aria-expanded')).toBe('true');
    await waitForText(page, 'template-library', (t) => t.includes('No saved templates yet'));

    // Save: the name starts as the subject.
    await page.getByTestId('template-save-open').click();
    expect(await page.getByTestId('template-name-input').inputValue()).toBe('Davet {{firstName}}');
    await page.getByTestId('template-name-input').fill('Şube daveti');
    await page.getByTestId('template-note-input').fill('Bahar ziyaretleri');
    await page.getByTestId('template-save').click();
    await waitForText(page, 'templates-notice', (t) => t === 'Saved as the template "Şube daveti".');
    // The form's buttons are gone: focus is back on the button that opened it.
    await expect.poll(() => page.getByTestId('template-save-open').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('template-origin').textContent()).toBe('From the template "Şube daveti".');
    const saved = SavedTemplatesResponse.parse((await session.server.api('GET', '/api/templates')).body).templates;
    expect(saved.map((t) => [t.name, t.subject, t.note])).toEqual([['Şube daveti', 'Davet {{firstName}}', 'Bahar ziyaretleri']]);
    // Dates in the pane's locale, through Intl as the translator formats them.
    const changed = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(saved[0].updatedAt));
    await waitForText(page, 'template-dates', (t) => t === `Changed ${changed} · not sent yet`);
    await checkAccessible(page, 'templates-library-320');

    // A fresh message (the pane reopened) filled from the library.
    await openPane(page, session.server.url);
    const lists = (await session.server.api('GET', '/api/lists')).body.lists as Array<{ id: string; name: string }>;
    await page.getByTestId('list-select').selectOption(lists.find((l) => l.name === 'people')!.id);
    await next(page);
    expect(await page.getByTestId('subject').inputValue()).toBe('');
    await page.getByTestId('templates-toggle').click();
    // The template held back until a zip uploaded meanwhile has arrived: its files go onto the
    // message's files as they are then, so the zip stays.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/templates/*', async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.fallback();
    });
    await itemNamed(page, 'Şube daveti').getByTestId('template-use').click();
    const zip = zipOf({ 'ek.pdf': await pdfFor('ek') });
    await page.getByTestId('zip-upload-input').setInputFiles({ name: 'ekler.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await waitForText(page, 'zip-summary', (t) => t.startsWith('ekler.zip: 1 file, '));
    release();
    await expect.poll(() => page.getByTestId('subject').inputValue()).toBe('Davet {{firstName}}');
    expect(await page.getByTestId('body').inputValue()).toBe('<p>Sayın {{firstName}} {{lastName}}, {{city}} ofisine bekleriz.</p>');
    expect(await page.getByTestId('zip-summary').count()).toBe(1);
    await page.unroute('**/api/templates/*');
    await page.getByTestId('zip-remove').click();
    await expect.poll(() => page.getByTestId('zip-summary').count()).toBe(0);

    // Rename (the note under the subject follows), duplicate, delete the copy after confirming.
    await templateAction(page, 'Şube daveti', 'rename');
    await page.getByTestId('template-rename-input').fill('Şube daveti 2026');
    await page.getByTestId('template-rename-input').press('Enter');
    await waitForText(page, 'templates-notice', (t) => t === 'Renamed to "Şube daveti 2026".');
    await itemNamed(page, 'Şube daveti 2026').waitFor();
    await expect.poll(() => itemNamed(page, 'Şube daveti 2026').getByTestId('template-actions').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('template-origin').textContent()).toBe('From the template "Şube daveti 2026".');
    await templateAction(page, 'Şube daveti 2026', 'duplicate');
    await waitForText(page, 'templates-notice', (t) => t === 'Copied as "Şube daveti 2026 (copy)".');
    await itemNamed(page, 'Şube daveti 2026 (copy)').waitFor();
    await templateAction(page, 'Şube daveti 2026 (copy)', 'delete');
    await itemNamed(page, 'Şube daveti 2026 (copy)').getByTestId('template-delete-confirm').click();
    await waitForText(page, 'templates-notice', (t) => t === 'The template "Şube daveti 2026 (copy)" was deleted.');
    await expect.poll(() => page.getByTestId('template-item').count()).toBe(1);
    await expect.poll(() => page.getByTestId('template-library').locator('h3').evaluate((el) => el === document.activeElement)).toBe(true);
    const left = SavedTemplatesResponse.parse((await session.server.api('GET', '/api/templates')).body).templates;
    expect(left.map((t) => t.name)).toEqual(['Şube daveti 2026']);

    // Using a template over a message with content asks first. Cancel keeps the edit and gives
    // focus back to the Use button that asked; Replace replaces it, focus on the library's heading.
    const isFocused = (el: Element) => el === document.activeElement;
    const use = itemNamed(page, 'Şube daveti 2026').getByTestId('template-use');
    await page.getByTestId('subject').fill('Başka bir konu');
    await use.click();
    await waitForText(page, 'template-replace', (t) => t.includes('Replace the subject, body and files you have with the template "Şube daveti 2026"?'));
    await expect.poll(() => page.getByTestId('template-replace-cancel').evaluate(isFocused)).toBe(true);
    await page.getByTestId('template-replace-cancel').click();
    expect(await page.getByTestId('template-replace').count()).toBe(0);
    await expect.poll(() => use.evaluate(isFocused)).toBe(true);
    expect(await page.getByTestId('subject').inputValue()).toBe('Başka bir konu');
    await use.press('Enter');
    await page.getByTestId('template-replace-confirm').click();
    await expect.poll(() => page.getByTestId('subject').inputValue()).toBe('Davet {{firstName}}');
    expect(await page.getByTestId('template-replace').count()).toBe(0);
    await expect.poll(() => page.getByTestId('template-library').locator('h3').evaluate(isFocused)).toBe(true);

    // Sent unchanged, the run uses the library template, which then shows when it was last sent.
    await next(page);
    await page.getByTestId('folder-select').waitFor();
    await next(page);
    await waitForText(page, 'preview-subject', (t) => t === 'Davet Şükrü');
    await page.getByTestId('start').click();
    await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
    await waitForText(page, 'count-sent', (t) => t === '5');
    const after = SavedTemplatesResponse.parse((await session.server.api('GET', '/api/templates')).body).templates[0];
    expect(after.lastSentAt).not.toBeNull();
    await page.getByTestId('new-run').click();
    await page.getByTestId('list-select').selectOption(lists.find((l) => l.name === 'people')!.id);
    await next(page);
    await page.getByTestId('templates-toggle').click();
    const sent = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(after.lastSentAt!));
    await waitForText(page, 'template-dates', (t) => t.endsWith(`last sent ${sent}`));
    expect(errors).toEqual([]);
  });

  it('sends a shared file and each recipient\'s own PDF, protected, and names the recipient whose file is missing', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=pl');
    await uploadCsv(page, 'bordro.csv', PAYSLIP_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await next(page);
    await page.getByTestId('subject').fill('Pasek płacowy {{firstName}}');
    await page.getByTestId('body').fill('<p>Dzień dobry {{firstName}}, w załączniku pasek płacowy.</p>');

    // A file for everyone: listed with its size in Polish units, then a second one removed again.
    await page.getByTestId('shared-upload-input').setInputFiles([
      { name: 'regulamin.txt', mimeType: 'text/plain', buffer: Buffer.from('Regulamin firmy '.repeat(100)) },
      { name: 'zbędny.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
    ]);
    await expect.poll(() => page.getByTestId('shared-file').count()).toBe(2);
    expect(await page.getByTestId('shared-file').first().textContent()).toContain('regulamin.txt1,6 kB');
    await page.getByTestId('shared-file').filter({ hasText: 'zbędny.txt' }).getByTestId('shared-file-remove').click();
    await expect.poll(() => page.getByTestId('shared-file').count()).toBe(1);
    expect(await page.getByTestId('shared-total').textContent()).toBe('Każda wiadomość zawiera 1,6 kB tych plików.');

    // Per-recipient files from a zip; the column naming them; PDFs protected with the pin column.
    const pdfs = Object.fromEntries(
      await Promise.all(['şükrü', 'zaneta', 'gülşen', 'łukasz'].map(async (n) => [`bordro-${n}.pdf`, await pdfFor(n)] as const)),
    );
    await page.getByTestId('zip-upload-input').setInputFiles({ name: 'bordro.zip', mimeType: 'application/zip', buffer: Buffer.from(zipOf(pdfs)) });
    await waitForText(page, 'zip-summary', (t) => t.startsWith('bordro.zip: 4 pliki, '));
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    await page.getByTestId('file-column').selectOption('payslip');
    await page.getByTestId('password-column').selectOption('pin');
    await waitForText(page, 'file-check-problems', (t) => t.startsWith('1 odbiorca ma problem z plikiem:'));
    expect(await page.getByTestId('file-problem').allTextContents()).toEqual([
      'Wiersz 5 (lubomir@example.com): Brak pliku wskazanego w kolumnie payslip.',
    ]);
    await checkAccessible(page, 'templates-files-320');
    await page.getByTestId('skip-missing').check();
    await next(page);

    // The preview lists both files for a recipient, the PDF as protected.
    await page.getByTestId('folder-mode-new').check();
    await page.getByTestId('folder-name').fill('Paski płacowe');
    await next(page);
    await waitForText(page, 'preview-subject', (t) => t === 'Pasek płacowy Şükrü');
    const files = page.getByTestId('preview-attachments').locator('li');
    await expect.poll(() => files.count()).toBe(2);
    expect(await files.nth(0).textContent()).toContain('regulamin.txt');
    expect(await files.nth(1).textContent()).toContain('bordro-şükrü.pdf');
    expect(await files.nth(1).textContent()).toContain('chroniony hasłem');
    await screenshot(page, 'templates-preview-files-320');

    // The run sends them: four messages, each with the shared file and its own PDF opening with its pin.
    await page.getByTestId('start').click();
    await page.getByTestId('report-table').waitFor({ timeout: 30_000 });
    await waitForText(page, 'count-sent', (t) => t === '4');
    await waitForText(page, 'count-skipped', (t) => t === '1');
    const folders = (await session.server.api('GET', '/api/mailbox/folders')).body.folders as Array<{ id: string; name: string }>;
    const sent = await sentMessages(session.server, folders.find((f) => f.name === 'Paski płacowe')!.id);
    expect(sent).toHaveLength(4);
    const toZaneta = messageTo(sent, 'zaneta@example.com');
    expect(toZaneta.attachments.map((a) => a.filename)).toEqual(['regulamin.txt', 'bordro-zaneta.pdf']);
    const pdf = toZaneta.attachments[1];
    expect(openPdf(pdf.content).ok).toBe(false);
    expect(openPdf(pdf.content, '2222')).toMatchObject({ ok: true });
    expect(errors).toEqual([]);
  });

  it("composing in Outlook, saves the draft in Outlook first and says clearly that a local server cannot read drafts", async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await page.addInitScript({
      content: await officeMockScript({
        subject: 'Toplantı {{firstName}}',
        html: '<p>Sayın {{firstName}}</p>',
        displayLanguage: 'tr-TR',
        bodyBackgroundColor: '#ffffff',
      }),
    });
    // Outlook's save and id conversion, added to the mocked compose item.
    await page.addInitScript(() => {
      const w = window as unknown as { Office: any; __officeCalls: string[] };
      w.Office.MailboxEnums = { RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } };
      w.Office.context.mailbox.item.saveAsync = (callback: (r: { status: string; value: string }) => void) => {
        w.__officeCalls.push('saveAsync');
        callback({ status: 'succeeded', value: 'AAMkAD/draft+1=' });
      };
      w.Office.context.mailbox.convertToRestId = (id: string, version: string) => {
        w.__officeCalls.push(`convertToRestId:${version}`);
        return id.replace(/\//g, '-').replace(/\+/g, '_');
      };
    });
    await page.goto(`${session.server.url}/taskpane.html?surface=compose`);
    await page.getByTestId('list-select').waitFor();
    await uploadCsv(page, 'kişiler.csv', PEOPLE_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await next(page);
    await page.getByTestId('draft-loaded').waitFor();

    await page.getByTestId('templates-toggle').click();
    await page.getByTestId('template-from-draft').click();
    const error = await waitForText(page, 'draft-template-error', (t) => t.includes('Microsoft 365'));
    expect(error).toContain("Bu Seriatim sunucusu Microsoft 365'e bağlı değil");
    expect(error).toContain('"Şablon olarak kaydet"');
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: string[] }).__officeCalls);
    expect(calls).toEqual(['subject', 'body:html', 'saveAsync', 'convertToRestId:v2.0']);
    await checkAccessible(page, 'templates-draft-unavailable-320');

    // The way it suggests works: the draft's subject and body saved from the pane.
    await page.getByTestId('template-save-open').click();
    await page.getByTestId('template-save').click();
    await waitForText(page, 'templates-notice', (t) => t === '"Toplantı {{firstName}}" şablonu olarak kaydedildi.');
    // Chromium logs the expected 409 answer; nothing else went wrong.
    expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 409 (Conflict)']);
  });
});
