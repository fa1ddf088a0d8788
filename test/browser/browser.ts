import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The repository root, for the built pane and test artifacts. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where screenshots go (gitignored). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile; `close()` also removes the profile folder. */
export interface TestBrowser {
  browser: BrowserContext;
  newPage(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Fails with a clear message unless `npm run build` has produced the pane the server serves. */
export function assertPaneBuilt(): void {
  const page = path.join(ROOT, 'addin/dist/taskpane.html');
  if (!fs.existsSync(page)) {
    throw new Error(`The task pane is not built (${page} is missing): run \`npm run build\` first (\`npm test\` does).`);
  }
}

/** Launches Debian's Chromium headless with the flags this machine needs and a fresh user-data-dir. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 800, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
    // Fluent shortens its colour transitions under reduced motion, so checks see settled colours.
    reducedMotion: 'reduce',
  });
  return {
    browser: context,
    async newPage(width = 800, height = 900) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Let Fluent's short colour transitions finish so the picture shows the settled state.
  await page.waitForTimeout(250);
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects uncaught page errors and console errors, for asserting a clean run. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export type { Browser, Page };
