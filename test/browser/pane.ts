import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Five people with Turkish, Polish, Russian and Slovak names. */
export const PEOPLE_CSV = [
  'firstName,lastName,email,city',
  'Şükrü,Öztürk,sukru.ozturk@example.com,İstanbul',
  'Żaneta,Gąsiorowska,zaneta@example.com,Kraków',
  'Ğülşen,Çelik,gulsen.celik@example.com,İzmir',
  'Łukasz,Wiśniewski,lukasz@example.com,Łódź',
  'Ľubomír,Šťastný,lubomir@example.com,Košice',
].join('\n');

/** Opens the pane and waits until the first step is interactive. */
export async function openPane(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/taskpane.html${query}`);
  await page.getByTestId('list-select').waitFor();
}

/** Uploads a CSV through the file input of the Recipients step. */
export async function uploadCsv(page: Page, name: string, content: string): Promise<void> {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

/** Waits until `testId`'s text satisfies `predicate`, failing with the last text seen. */
export async function waitForText(page: Page, testId: string, predicate: (text: string) => boolean, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await page.getByTestId(testId).first().textContent().catch(() => null)) ?? '';
    if (predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  expect.fail(`${testId} never matched; last text: ${JSON.stringify(last)}`);
}

/** Clicks the flow's Next button. */
export async function next(page: Page): Promise<void> {
  await page.getByTestId('next').click();
}

/** Goes from a fresh pane to the Review step with the given list file and template. */
export async function reachReview(page: Page, csv: { name: string; content: string }, subject: string, html: string) {
  await uploadCsv(page, csv.name, csv.content);
  await page.getByTestId('upload-ok').waitFor();
  await next(page);
  await page.getByTestId('subject').fill(subject);
  await page.getByTestId('body').fill(html);
  await next(page);
  await page.getByTestId('folder-select').waitFor();
  await next(page);
  await page.locator('#review-heading').waitFor();
}
