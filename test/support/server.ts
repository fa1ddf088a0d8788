import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOverrides } from '../../server/main';

/** A real server on port 0 with its own temporary store, and a small JSON client for it. */
export interface TestServer extends RunningServer {
  dataDir: string;
  api<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  upload(fileName: string, bytes: string | Uint8Array, query?: Record<string, string>): Promise<{ status: number; body: any }>;
  waitForRun(runId: string, statuses?: string[]): Promise<any>;
}

/** Starts the product as `npm start` does, but on port 0 with a temporary data folder. */
export async function startTestServer(overrides: ServerOverrides = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-test-'));
  const server = await startServer({ port: 0, dataDir, logLevel: 'silent', seedSamples: false, limits: { perMinute: 100_000 }, ...overrides }, {});
  const api: TestServer['api'] = async (method, url, body, headers = {}) => {
    const res = await fetch(server.url + url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (CSV, MIME): the raw text is the body.
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    ...server,
    dataDir,
    api,
    async upload(fileName, bytes, query = {}) {
      const qs = new URLSearchParams({ fileName, ...query });
      const res = await fetch(`${server.url}/api/lists?${qs}`, { method: 'POST', body: bytes as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
      return { status: res.status, body: await res.json() };
    },
    async waitForRun(runId, statuses = ['completed', 'cancelled', 'paused']) {
      for (let i = 0; i < 600; i++) {
        const { body } = await api('GET', `/api/runs/${runId}`);
        if (statuses.includes(body.status) && body.counts.sending === 0) return body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`Run ${runId} did not reach ${statuses.join('/')} in time`);
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
