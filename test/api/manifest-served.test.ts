import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestUrls, urlPath } from '../manifest/urls';
import { startTestServer, type TestServer } from '../support/server';

describe('every URL the manifest names is served by the server', () => {
  let s: TestServer;
  beforeAll(async () => {
    if (!fs.existsSync('addin/dist/taskpane.html')) throw new Error('The task pane is not built: run `npm run build` (npm test does it first).');
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 200 with the right content type for each', async () => {
    const urls = manifestUrls(fs.readFileSync('manifest.xml', 'utf8'));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) {
      const res = await fetch(s.url + urlPath(url));
      expect(res.status, url).toBe(200);
      const type = res.headers.get('content-type') ?? '';
      expect(type, url).toMatch(urlPath(url).includes('.png') ? /^image\/png/ : /^text\/html/);
    }
  });
});
