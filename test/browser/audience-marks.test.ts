import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { next, openPane, uploadCsv, waitForText } from './pane';

/** Twelve people with a work and a private address column; some have only one of the two. */
const TWO_ADDRESS_CSV = [
  'firstName,work,private,city',
  'Şükrü,sukru@firma.com.tr,sukru@kisisel.tr,İstanbul',
  'Żaneta,zaneta@firma.pl,,Kraków',
  'Ğülşen,,gulsen@kisisel.tr,İzmir',
  'Łukasz,lukasz@firma.pl,lukasz@kisisel.pl,Łódź',
  'Ľubomír,lubomir@firma.sk,lubomir@kisisel.sk,Košice',
  'Olga,olga@firma.ru,,Москва',
  'Ayşe,ayse@firma.com.tr,,Ankara',
  'Jan,jan@firma.pl,jan@kisisel.pl,Gdańsk',
  'Zuzana,zuzana@firma.sk,,Bratislava',
  'Mehmet,mehmet@firma.com.tr,,Bursa',
  'Ivan,ivan@firma.ru,ivan@kisisel.ru,Казань',
  'Katarzyna,katarzyna@firma.pl,,Wrocław',
].join('\n');

/** Staff with personnel numbers (the list's key column), and the same file a month later: reordered, one more. */
const STAFF_CSV = ['firstName,email,personnelNumber', 'Ayşe,ayse@firma.com.tr,P-101', 'Bora,bora@firma.com.tr,P-102', 'Olga,olga@firma.ru,P-103'].join('\n');
const STAFF_LATER_CSV = [
  'firstName,email,personnelNumber', 'Olga,olga@firma.ru,P-103', 'Zuzana,zuzana@firma.sk,P-104', 'Bora,bora@firma.com.tr,P-102', 'Ayşe,ayse@firma.com.tr,P-101',
].join('\n');

/** The mark checkbox of the shown row whose cells contain `text`. */
const markOf = (page: Page, text: string) => page.getByTestId('row').filter({ hasText: text }).getByTestId('row-mark');
const statusOf = (page: Page, text: string) => page.getByTestId('row').filter({ hasText: text }).getByTestId('row-status');

/** From Recipients through a plain message to Review. */
async function reachReview(page: Page): Promise<void> {
  await next(page);
  await page.getByTestId('subject').fill('Merhaba {{firstName}}');
  await page.getByTestId('body').fill('<p>Merhaba {{firstName}}</p>');
  await next(page);
  await page.getByTestId('folder-select').waitFor();
  await next(page);
  await page.locator('#review-heading').waitFor();
}

/** Starts the run from Review; returns its id. */
async function startRun(page: Page, api: (method: string, url: string) => Promise<{ body: any }>): Promise<string> {
  await page.getByTestId('start').click();
  await page.getByTestId('progress-text').or(page.getByTestId('run-status')).first().waitFor();
  const { runs } = (await api('GET', '/api/runs')).body;
  return runs[0].id as string;
}

describe('who exactly: row marks, exclusions, address columns and company recipients', () => {
  const session = usePaneSession({ seedSamples: true });

  const deliveriesOf = async (runId: string) => {
    await session.server.waitForRun(runId);
    const { body } = await session.server.api('GET', `/api/runs/${runId}/deliveries?limit=1000`);
    return body.deliveries as Array<{ to: string; status: string; reason: string | null; values: Record<string, unknown> }>;
  };

  it('marks rows out and in across pages, leaves out a domain, prefers the private column, and the run goes to exactly those', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');
    await uploadCsv(page, 'two-addresses.csv', TWO_ADDRESS_CSV);
    await page.getByTestId('upload-ok').waitFor();
    expect(await page.getByTestId('email-column').inputValue()).toBe('work');

    // The work column alone: Ğülşen has no work address, and the tally says so.
    await waitForText(page, 'filter-count', (t) => t === '11 of 12 will get it');
    expect(await page.getByTestId('dropped-noAddress').textContent()).toBe('No address1');

    // Both columns, the private one preferred.
    await page.getByTestId('address-use-private').check();
    await waitForText(page, 'filter-count', (t) => t === '12 of 12 will get it');
    expect(await page.getByTestId('dropped-noAddress').count()).toBe(0);
    await page.getByTestId('address-up-private').click();
    expect(await page.getByTestId('address-column').allTextContents()).toEqual(['1. private↑↓', '2. work↑↓']);
    // At the top its ↑ is disabled: focus moves to its ↓ rather than being lost.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('address-down-private');

    // A filter leaves Olga out; her row says so, and ticking it includes her anyway.
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').selectOption('city');
    await page.getByTestId('filter-operator').selectOption('notEquals');
    await page.getByTestId('filter-value').fill('Москва');
    await waitForText(page, 'filter-count', (t) => t === '11 of 12 will get it');
    await expect.poll(() => statusOf(page, 'Olga').textContent()).toBe('filtered out');
    expect(await markOf(page, 'Olga').isChecked()).toBe(false);
    await markOf(page, 'Olga').check();
    await waitForText(page, 'filter-count', (t) => t === '12 of 12 will get it');
    expect(await statusOf(page, 'Olga').textContent()).toBe('included anyway');

    // Leave out Żaneta here and Ivan on the next page; the marks survive paging.
    await markOf(page, 'Żaneta').uncheck();
    await waitForText(page, 'filter-count', (t) => t === '11 of 12 will get it');
    expect(await page.getByTestId('rows-range').textContent()).toBe('Rows 1–10 of 12');
    await page.getByTestId('rows-next').click();
    await waitForText(page, 'rows-range', (t) => t === 'Rows 11–12 of 12');
    await markOf(page, 'Ivan').uncheck();
    await waitForText(page, 'filter-count', (t) => t === '10 of 12 will get it');
    await page.getByTestId('rows-prev').click();
    await waitForText(page, 'rows-range', (t) => t === 'Rows 1–10 of 12');
    expect(await markOf(page, 'Żaneta').isChecked()).toBe(false);
    expect(await statusOf(page, 'Żaneta').textContent()).toBe('left out');
    expect(await markOf(page, 'Olga').isChecked()).toBe(true);
    expect(await page.getByTestId('marks-summary').textContent()).toBe('Left out by hand: 2 · Included anyway: 1');
    expect(await page.getByTestId('dropped-markedOut').textContent()).toBe('Left out by hand2');

    // Exclusions: an entry the server refuses is named beside the field and holds the step.
    await page.getByTestId('exclusions').fill('kisisel.sk\nnot-an-address');
    await waitForText(page, 'exclusions-invalid', (t) => t === 'Neither an address nor a domain: not-an-address');
    await waitForText(page, 'filter-count', (t) => t === '9 of 12 will get it');
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    expect(await page.getByTestId('exclusions').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('exclusions').fill('kisisel.sk; jan@kisisel.pl');
    await waitForText(page, 'filter-count', (t) => t === '8 of 12 will get it');
    expect(await page.getByTestId('exclusions-invalid').count()).toBe(0);
    expect(await page.getByTestId('next').isDisabled()).toBe(false);
    expect(await page.getByTestId('dropped-excluded').textContent()).toBe('Address or domain left out2');

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audience-marks-320');

    // Review previews the audience's recipients, each to the address they would get.
    await reachReview(page);
    await waitForText(page, 'summary-list', (t) => t === 'two-addresses · 8 recipients');
    await waitForText(page, 'preview-to', (t) => t === 'sukru@kisisel.tr');
    await page.getByTestId('preview-next').click();
    await waitForText(page, 'preview-to', (t) => t === 'gulsen@kisisel.tr');

    const runId = await startRun(page, session.server.api);
    const deliveries = await deliveriesOf(runId);
    const sent = deliveries.filter((d) => d.status === 'sent').map((d) => d.to).sort();
    expect(sent).toEqual([
      'ayse@firma.com.tr', 'gulsen@kisisel.tr', 'katarzyna@firma.pl', 'lukasz@kisisel.pl',
      'mehmet@firma.com.tr', 'olga@firma.ru', 'sukru@kisisel.tr', 'zuzana@firma.sk',
    ]);
    const skipped = deliveries.filter((d) => d.status === 'skipped').map((d) => [d.to, d.reason]);
    expect(skipped.sort()).toEqual([['jan@kisisel.pl', 'EXCLUDED'], ['lubomir@kisisel.sk', 'EXCLUDED']]);
    // The address used is frozen into the email column, so {{work}} merges what was sent to.
    expect(deliveries.find((d) => d.to === 'sukru@kisisel.tr')?.values.work).toBe('sukru@kisisel.tr');
    // The one 400 is the server refusing "not-an-address", which the pane showed beside the field.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('sends a company list to the general address and default contact, but not three marked rows', async () => {
    const { lists } = (await session.server.api('GET', '/api/lists')).body;
    const clients = lists.find((l: { name: string }) => l.name === 'Sample: client contacts');
    expect(clients.companies).toEqual({ typeColumn: 'recipientType' });
    const expected = async (audience: unknown) => {
      const { body } = await session.server.api('POST', '/api/audience/preview', { listId: clients.id, audience, limit: 0 });
      return `${body.sendable} of ${body.rows} will get it`;
    };

    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');
    await page.getByTestId('list-select').selectOption(clients.id);
    const byDefault = { general: true, defaultContact: true, otherContacts: false };
    const generalAndDefault = await expected({ companies: byDefault });
    await waitForText(page, 'filter-count', (t) => t === generalAndDefault);
    expect(await page.getByTestId('company-general').isChecked()).toBe(true);
    expect(await page.getByTestId('company-default').isChecked()).toBe(true);
    expect(await page.getByTestId('company-others').isChecked()).toBe(false);

    // Other kinds: the count follows; none at all is refused beside the choice.
    await page.getByTestId('company-general').uncheck();
    const defaultsOnly = await expected({ companies: { general: false, defaultContact: true, otherContacts: false } });
    await waitForText(page, 'filter-count', (t) => t === defaultsOnly);
    await page.getByTestId('company-default').uncheck();
    await page.getByTestId('company-choice-error').waitFor();
    expect(await page.getByTestId('company-choice-error').textContent()).toBe('Choose at least one.');
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    await page.getByTestId('company-others').check();
    const othersOnly = await expected({ companies: { general: false, defaultContact: false, otherContacts: true } });
    await waitForText(page, 'filter-count', (t) => t === othersOnly);
    await page.getByTestId('company-others').uncheck();
    await page.getByTestId('company-general').check();
    await page.getByTestId('company-default').check();
    await waitForText(page, 'filter-count', (t) => t === generalAndDefault);

    // Rows of other contacts are not chosen and cannot be marked; leave out the first three chosen rows.
    const shown = (await session.server.api('GET', `/api/lists/${clients.id}/rows?offset=0&limit=10`)).body.rows as Array<Record<string, string>>;
    const other = shown.findIndex((r) => r.recipientType === 'otherContact');
    expect(other).toBeGreaterThanOrEqual(0);
    const marks = page.getByTestId('row-mark');
    expect(await marks.nth(other).isDisabled()).toBe(true);
    expect(await page.getByTestId('row').nth(other).getByTestId('row-status').textContent()).toBe('not chosen');
    const chosen = shown.map((r, i) => [r, i] as const).filter(([r]) => r.recipientType !== 'otherContact').slice(0, 3);
    for (const [, i] of chosen) await marks.nth(i).uncheck();
    expect(clients.keyColumn).toBe('email');
    const exclude = chosen.map(([r]) => r.email);
    const final = await expected({ companies: byDefault, rowKey: clients.keyColumn, exclude });
    await waitForText(page, 'filter-count', (t) => t === final);
    expect(await page.getByTestId('dropped-markedOut').textContent()).toBe('Left out by hand3');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audience-companies-320');

    await reachReview(page);
    const runId = await startRun(page, session.server.api);
    const deliveries = await deliveriesOf(runId);
    const left = chosen.map(([r]) => r.email);
    expect(deliveries.filter((d) => left.includes(d.to))).toEqual([]);
    expect(new Set(deliveries.map((d) => d.values.recipientType))).toEqual(new Set(['company', 'defaultContact']));
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(Number(final.split(' ')[0]));
    expect(errors).toEqual([]);
  });

  it('leaves out the person marked, not the row in their place, when the list is replaced before the run', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');

    // No column names each row once: marks follow positions, and the pane says so.
    await uploadCsv(page, 'repeats.csv', 'name,email\nJan,jan@firma.pl\nJan,jan@firma.pl\nEwa,\n');
    await page.getByTestId('upload-ok').waitFor();
    await waitForText(page, 'marks-by-position', (t) => t === 'Marks follow row positions: if this list is replaced, check them again.');

    // Personnel numbers name each person: marks follow them, and nothing needs saying.
    await uploadCsv(page, 'staff.csv', STAFF_CSV);
    await waitForText(page, 'upload-ok', (t) => t.includes('staff.csv'));
    const { lists } = (await session.server.api('GET', '/api/lists')).body;
    const staff = lists.find((l: { fileName: string }) => l.fileName === 'staff.csv');
    expect(staff.keyColumn).toBe('personnelNumber');
    await waitForText(page, 'filter-count', (t) => t === '3 of 3 will get it');
    expect(await page.getByTestId('marks-by-position').count()).toBe(0);
    await markOf(page, 'Bora').uncheck();
    await waitForText(page, 'filter-count', (t) => t === '2 of 3 will get it');
    expect(await statusOf(page, 'Bora').textContent()).toBe('left out');
    await reachReview(page);

    // Meanwhile the file is replaced: Bora moves from row 2 to row 3, and Zuzana takes row 2.
    const put = await fetch(`${session.server.url}/api/lists/${staff.id}?fileName=staff-later.csv`, {
      method: 'PUT', body: STAFF_LATER_CSV, headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(200);
    expect((await put.json()).keyColumn).toBe('personnelNumber');

    const runId = await startRun(page, session.server.api);
    const deliveries = await deliveriesOf(runId);
    expect(deliveries.map((d) => d.to).sort()).toEqual(['ayse@firma.com.tr', 'olga@firma.ru', 'zuzana@firma.sk']);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(errors).toEqual([]);
  });
});
