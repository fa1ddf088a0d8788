import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { PEOPLE_CSV, next, openPane, uploadCsv, waitForText } from './pane';

describe('filter builder, schedule, Cc and the Excel report', () => {
  const session = usePaneSession();

  it('filters at 320 px with a live count, then schedules the filtered run with a Cc', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');
    await uploadCsv(page, 'people.csv', PEOPLE_CSV);
    await page.getByTestId('upload-ok').waitFor();
    await waitForText(page, 'filter-count', (t) => t === '5 of 5 will get it');

    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').nth(0).selectOption('city');
    await page.getByTestId('filter-value').nth(0).fill('Kraków');
    await waitForText(page, 'filter-count', (t) => t === '1 of 5 will get it');
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').nth(1).selectOption('city');
    await page.getByTestId('filter-value').nth(1).fill('Łódź');
    await waitForText(page, 'filter-count', (t) => t === '0 of 5 will get it');
    await page.getByTestId('filter-or').click();
    await waitForText(page, 'filter-count', (t) => t === '2 of 5 will get it');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'filter-builder-320');

    await next(page);
    await page.getByTestId('subject').fill('Merhaba {{firstName}}');
    await page.getByTestId('body').fill('<p>Merhaba {{firstName}}</p>');
    await next(page);
    await page.getByTestId('folder-select').waitFor();
    await page.getByTestId('schedule-at').fill('2020-01-01T08:00');
    await page.getByText('Choose a time in the future.').waitFor();
    await page.getByTestId('schedule-at').fill('2099-06-01T08:00');
    await page.getByTestId('extra-cc').fill('hr@example.com, Ayşe');
    await page.getByText('Enter email addresses or {{column}}; Reply-To takes one.').waitFor();
    await page.getByTestId('extra-cc').fill('hr@example.com');
    expect(await seriousViolations(page)).toEqual([]);
    await next(page);
    await page.locator('#review-heading').waitFor();
    expect(await page.getByTestId('summary-start').textContent()).toContain('2099');
    expect(await page.getByTestId('summary-finish').textContent()).toContain('2099');
    await page.getByTestId('start').click();
    await page.getByTestId('progress-text').or(page.getByTestId('run-status')).first().waitFor();

    const { runs } = (await session.server.api('GET', '/api/runs')).body;
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe('scheduled');
    expect(runs[0].options.scheduledAt).toBe(new Date('2099-06-01T08:00').toISOString());
    expect(runs[0].counts.planned).toBe(2);
    expect(errors).toEqual([]);
  });

  it('offers the report as Excel next to CSV, and the file holds the names intact', async () => {
    const list = (await session.server.upload('kişiler.csv', 'email,firstName\nolga@example.com,Ольга\nsukru@example.com,Şükrü\n')).body;
    const run = (await session.server.api('POST', '/api/runs', { listId: list.id, template: { subject: 'Привет', html: '<p>{{firstName}}</p>' } })).body;
    await session.server.waitForRun(run.id);

    const page = await session.browser.newPage(320, 900);
    await openPane(page, session.server.url, '?lang=en');
    await page.getByTestId('nav-runs').click();
    await page.getByTestId('run-item').filter({ hasText: 'Привет' }).getByRole('button').click();
    const link = page.getByTestId('report-xlsx');
    await link.waitFor();
    expect(await page.getByTestId('report-csv').isVisible()).toBe(true);
    expect(await page.getByTestId('retry-failed').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('Report')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('firstName');
    const names = sheet.getColumn(column).values.slice(2);
    expect(names.sort()).toEqual(['Şükrü', 'Ольга'].sort());
    expect(await seriousViolations(page)).toEqual([]);
  });
});
