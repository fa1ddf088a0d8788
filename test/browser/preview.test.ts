import { describe, expect, it } from 'vitest';
import { collectErrors, screenshot } from './browser';
import { usePaneSession } from './session';
import { openPane, reachReview, waitForText } from './pane';

/** Six people; the second and the fifth have no title, which the template uses. */
const STAFF_CSV = [
  'name,title,email',
  'Ayşe,Dr.,ayse@example.com',
  'Bora,,bora@example.com',
  'Can,Prof.,can@example.com',
  'Deniz,Dr.,deniz@example.com',
  'Ece,,ece@example.com',
  'Fikret,Dr.,fikret@example.com',
].join('\n');

describe('the preview jumps to the recipients with warnings', () => {
  const session = usePaneSession({ seedSamples: false });

  it('counts them, goes to each in turn and says what is wrong in the pane\'s language', async () => {
    const page = await session.browser.newPage(320, 900);
    const errors = collectErrors(page);
    await openPane(page, session.server.url, '?lang=pl');
    await reachReview(page, { name: 'staff.csv', content: STAFF_CSV }, 'Szanowny {{title}} {{name}}', '<p>{{title}} {{name}}</p>');

    await waitForText(page, 'preview-warning-nav', (t) => t.includes('Odbiorcy z ostrzeżeniami: 2'));
    expect(await page.getByTestId('preview-row-warnings').count()).toBe(0);
    expect(await page.getByTestId('preview-prev-warning').isDisabled()).toBe(true);

    await page.getByTestId('preview-next-warning').click();
    await waitForText(page, 'preview-to', (t) => t === 'bora@example.com');
    expect(await page.getByTestId('preview-row-warnings').textContent()).toBe('Pole title jest puste.');
    await page.getByTestId('preview-next-warning').click();
    await waitForText(page, 'preview-to', (t) => t === 'ece@example.com');
    expect(await page.getByTestId('preview-next-warning').isDisabled()).toBe(true);
    await screenshot(page, 'preview-warnings-320');

    await page.getByTestId('preview-prev-warning').click();
    await waitForText(page, 'preview-to', (t) => t === 'bora@example.com');
    expect(errors).toEqual([]);
  });
});
