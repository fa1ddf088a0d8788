/**
 * Task-pane budgets: the JavaScript the HTML loads eagerly (gzipped) against 250 KB, and the time
 * from navigation until the first step's heading is visible in headless Chromium against 1 s
 * (median of 5, against a real server started in-process). Needs addin/dist: builds it if missing.
 * Run with `npx tsx bench/pane.bench.ts`; the last line is the figure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../server/main';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'addin/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JS_BUDGET_KB = 250;
const RENDER_BUDGET_MS = 1000;
const RUNS = 5;

/** Builds the pane when dist is missing, so the bench measures what `npm start` serves. */
function ensureBuilt(): void {
  if (fs.existsSync(path.join(DIST, 'taskpane.html'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** Scripts and module preloads the HTML itself names: what runs before the first render. */
function eagerScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...srcs, ...preloads])];
}

/** Gzipped bytes of the eager scripts, in KB. */
function initialJsKb(): number {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const bytes = eagerScripts(html).reduce((sum, src) => sum + gzipSync(fs.readFileSync(path.join(DIST, src.replace(/^\//, '')))).length, 0);
  return bytes / 1024;
}

/** Median milliseconds from navigation until the Recipients step's heading is visible. */
async function firstRenderMs(url: string): Promise<number> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 800 });
      const started = performance.now();
      await page.goto(`${url}/taskpane.html?lang=en`);
      await page.locator('#recipients-heading').waitFor({ state: 'visible' });
      const elapsed = performance.now() - started;
      if (i > 0) times.push(elapsed); // the first load warms the browser's own start-up
      await page.close();
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

ensureBuilt();
const js = initialJsKb();
console.log(`pane_initial_js_gzip_kb: ${js.toFixed(1)} (baseline ${JS_BUDGET_KB} budget, ratio ${(js / JS_BUDGET_KB).toFixed(2)})`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-bench-data-'));
const server = await startServer({ port: 0, dataDir, logLevel: 'silent' }, {});
try {
  const ms = await firstRenderMs(server.url);
  console.log(`pane_first_render_ms: ${Math.round(ms)} (baseline ${RENDER_BUDGET_MS} budget, ratio ${(ms / RENDER_BUDGET_MS).toFixed(2)})`);
} finally {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
