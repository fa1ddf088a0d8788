import { afterAll, beforeAll } from 'vitest';
import type { ServerOverrides } from '../../server/main';
import { startTestServer, type TestServer } from '../support/server';
import { assertPaneBuilt, launchBrowser, type TestBrowser } from './browser';

/** A real server on port 0 and a headless Chromium, shared by one file's tests. */
export interface PaneSession {
  readonly server: TestServer;
  readonly browser: TestBrowser;
}

/**
 * Starts the server (with `overrides`) and Chromium before the enclosing suite's tests and closes
 * both after them; the built pane must exist. Call it inside `describe`.
 */
export function usePaneSession(overrides: ServerOverrides = {}): PaneSession {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    assertPaneBuilt();
    server = await startTestServer(overrides);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(part: T | undefined, name: string): T => {
    if (!part) throw new Error(`The pane session's ${name} is not started: use it inside a test, not at collection time.`);
    return part;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
