import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Schedule, SchedulesResponse } from '../../shared/api';
import { claimRunDate, listDefinitions, settleRunDate } from '../../server/store/schedules';
import type { TestServer } from '../support/server';
import { seriousViolations } from './axe';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { next, openPane, uploadCsv, waitForText } from './pane';

const ZONE = 'Europe/Istanbul';

/** Today's month and day in the schedule's zone, so one person's birthday is today there. */
function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('month')}-${part('day')}`;
}

/** A date and time as the page's own Intl shows it: the user's locale and time zone. */
const shownInPage = (page: Page, iso: string, locale: string) =>
  page.evaluate(([at, lang]) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)), [iso, locale] as const);

/** No serious axe violations and no sideways scrolling at the page's width. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

const schedulesOf = async (server: TestServer) => SchedulesResponse.parse((await server.api('GET', '/api/schedules')).body).schedules;

describe('recurring runs in the pane', () => {
  const session = usePaneSession();

  it('saves a daily birthday greeting at 320 px, shows it in Runs with its next run, and deletes it', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=en');
    const csv = ['firstName,email,birthDate', `Ayşe,ayse@example.com,1990-${todayIn(ZONE)}`, `Łukasz,lukasz@example.com,1985-${todayIn(ZONE) === '07-14' ? '07-15' : '07-14'}`, 'Ľubomír,lubomir@example.com,'].join('\n');
    await uploadCsv(page, 'staff.csv', csv);
    await page.getByTestId('upload-ok').waitFor();

    // Audience: birthday is today, worked out again on each run date.
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').nth(0).selectOption('birthDate');
    await page.getByTestId('filter-operator').nth(0).selectOption('birthdayToday');
    await page.getByTestId('filter-count').waitFor();
    await next(page);
    await page.getByTestId('subject').fill('Happy birthday {{firstName}}');
    await page.getByTestId('body').fill('<p>Many happy returns, {{firstName}}!</p>');
    await next(page);

    // Options: once by default with the one-off start field; Repeat replaces it with a time and zone.
    await page.getByTestId('folder-select').waitFor();
    expect(await page.getByTestId('repeat').inputValue()).toBe('once');
    expect(await page.getByTestId('schedule-at').isVisible()).toBe(true);
    await page.getByTestId('repeat').selectOption('weekly');
    await page.getByTestId('repeat-day-1').uncheck();
    await page.getByText('Choose at least one day.').waitFor();
    await page.getByTestId('repeat-day-1').check();
    await page.getByTestId('repeat').selectOption('daily');
    expect(await page.getByTestId('schedule-at').count()).toBe(0);
    await page.getByTestId('repeat-time').fill('08:00');
    await page.getByTestId('repeat-zone').selectOption(ZONE);
    await waitForText(page, 'repeat-rule', (t) => t === `Every day at 08:00 AM (${ZONE})`);
    expect(await page.getByLabel('Time zone').inputValue()).toBe(ZONE);
    await checkScreen(page, 'schedules-options-320');
    await next(page);

    // Review: the rule instead of a finish time, and Save schedule instead of Start.
    await page.locator('#review-heading').waitFor();
    await page.getByTestId('template-ok').waitFor();
    expect(await page.getByTestId('summary-repeats').textContent()).toBe(`Every day at 08:00 AM (${ZONE})`);
    expect(await page.getByTestId('summary-finish').count()).toBe(0);
    expect(await page.getByTestId('start').count()).toBe(0);
    await page.getByTestId('save-schedule').click();
    await page.getByTestId('schedule-saved').waitFor();
    const [saved] = await schedulesOf(session.server);
    expect(saved).toMatchObject({ name: 'Happy birthday {{firstName}} — staff', cron: '0 8 * * *', timeZone: ZONE, subject: 'Happy birthday {{firstName}}' });
    expect(new Date(saved.nextRunAt!).toISOString()).toMatch(/T05:00:00\.000Z$/); // 08:00 in Istanbul (UTC+3)
    const nextShown = await shownInPage(page, saved.nextRunAt!, 'en');
    expect(await page.getByTestId('schedule-saved-next').textContent()).toBe(`Next run: ${nextShown}`);
    expect(await page.getByTestId('save-schedule').isDisabled()).toBe(true);
    await checkScreen(page, 'schedules-saved-320');

    // What is stored is the run the pane would start, with the date rule unevaluated and the schedule's zone.
    const [definition] = listDefinitions(session.server.core.db);
    expect(definition.request).toMatchObject({
      audience: { filter: { type: 'birthdayToday', field: 'birthDate' } },
      template: { subject: 'Happy birthday {{firstName}}', html: '<p>Many happy returns, {{firstName}}!</p>' },
      options: { timeZone: ZONE, maxErrors: 0 },
    });
    expect((definition.request as { options: Record<string, unknown> }).options.scheduledAt).toBeUndefined();
    expect((await session.server.api('GET', '/api/runs')).body.runs).toHaveLength(0);

    // Runs: the schedule with its rule and next run; not run yet.
    await page.getByTestId('nav-runs').click();
    const item = page.getByTestId('schedule-item');
    await item.waitFor();
    expect(await item.getByRole('heading').textContent()).toBe('Happy birthday {{firstName}} — staff');
    expect(await item.getByTestId('schedule-rule').textContent()).toBe(`Every day at 08:00 AM (${ZONE})`);
    expect(await item.getByTestId('schedule-next').textContent()).toBe(`Next run: ${nextShown}`);
    expect(await item.getByTestId('schedule-last').textContent()).toBe('Not run yet.');
    await checkScreen(page, 'schedules-runs-320');

    // Pause for the holidays: no next run, the server agrees; resume: the next run is back.
    const pause = item.getByTestId('schedule-pause');
    expect(await pause.textContent()).toBe('Pause');
    await pause.click();
    await expect.poll(() => pause.getAttribute('data-paused')).toBe('true');
    expect(await item.getByTestId('schedule-next').textContent()).toMatch(/^Paused since .*: nothing is sent until you resume it\.$/);
    expect((await schedulesOf(session.server))[0]).toMatchObject({ pausedAt: expect.any(String), nextRunAt: null });
    await checkScreen(page, 'schedules-paused-320');
    await pause.click();
    await expect.poll(() => pause.getAttribute('data-paused')).toBe('false');
    expect(await item.getByTestId('schedule-next').textContent()).toBe(`Next run: ${nextShown}`);

    // Delete asks first; keeping it returns focus to Delete, confirming removes it.
    await item.getByTestId('schedule-delete').click();
    await page.getByTestId('schedule-confirm').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('schedule-delete-keep');
    await checkScreen(page, 'schedules-delete-confirm-320');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('schedule-delete');
    expect(await page.getByTestId('schedule-confirm').count()).toBe(0);
    expect(await schedulesOf(session.server)).toHaveLength(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('schedule-delete-confirm').click();
    await page.getByTestId('schedules-empty').waitFor();
    expect(await page.getByTestId('schedule-deleted').textContent()).toBe('The schedule "Happy birthday {{firstName}} — staff" was deleted.');
    expect(await schedulesOf(session.server)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the last run and what it sent, and the dates that were missed or failed, in the user\'s language', async () => {
    const list = (await session.server.upload('team.csv', 'email\nana@example.com\nbo@example.com\n')).body;
    const run = { listId: list.id, template: { subject: 'Günlük özet', html: '<p>Merhaba</p>' } };
    const created = await session.server.api('POST', '/api/schedules', { name: 'Günlük özet', cron: '* * * * * *', timeZone: 'UTC', run });
    expect(created.status).toBe(201);
    const schedule = Schedule.parse(created.body);
    // Every second: the server plans today's run by itself; wait until it has sent.
    let runId: string | null = null;
    for (let i = 0; i < 200 && !runId; i++) {
      runId = (await schedulesOf(session.server)).find((s) => s.id === schedule.id)?.recent.find((r) => r.runId)?.runId ?? null;
      if (!runId) await new Promise((r) => setTimeout(r, 50));
    }
    expect(runId).not.toBeNull();
    await session.server.waitForRun(runId!, ['completed']);
    // Two earlier dates as the scheduler records them: one missed while no server ran, one that could not be planned.
    const db = session.server.core.db;
    claimRunDate(db, { definitionId: schedule.id, runDate: '2026-01-05', dueAt: '2026-01-05T00:00:00.000Z', status: 'skipped', reason: 'MISSED: no server was running', holder: 'test' });
    claimRunDate(db, { definitionId: schedule.id, runDate: '2026-01-06', dueAt: '2026-01-06T00:00:00.000Z', status: 'planning', reason: null, holder: 'test' });
    settleRunDate(db, schedule.id, '2026-01-06', { status: 'failed', runId: null, reason: 'NOT_FOUND: There is no list with id "x".' });

    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=pl');
    await page.getByTestId('nav-runs').click();
    const item = page.getByTestId('schedule-item');
    await item.waitFor();
    expect(await page.locator('#schedules-heading').textContent()).toBe('Harmonogramy');
    expect(await item.getByTestId('schedule-rule').textContent()).toBe('Własny harmonogram: * * * * * * (UTC)');
    await waitForText(page, 'schedule-last', (t) => /^Ostatnio .+: wysłano 2 z 2$/.test(t));
    const problems = item.getByTestId('schedule-problems').getByRole('listitem');
    expect(await problems.allTextContents()).toEqual([
      '6 sty 2026: nie wysłano. Lista harmonogramu lub jego właściciel już nie istnieje. Zapisz harmonogram ponownie z istniejącą listą.',
      '5 sty 2026: pominięto, serwer nie działał',
    ]);
    await checkScreen(page, 'schedules-history-pl-320');
    expect(errors).toEqual([]);
  });
});
