// GET /api/me tells the pane the truth about how the server sends for the person asking: the
// mode, the limits their own mailbox is paced to (an organisation's where set), their role, and
// whether background sending applies at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, MeResponse } from '../../shared/api';
import { startServer } from '../../server/main';
import { startTestServer, type TestServer } from '../support/server';

describe('GET /api/me in local mode', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer({ limits: { perMinute: 45, perDay: 900, concurrency: 3 } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('names the local user and mailbox, the provider limits, the admin role and no background grant', async () => {
    const me = await s.api('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(MeResponse.parse(me.body)).toEqual({
      user: { id: 'local', name: 'Local User', email: 'me@seriatim.localhost' },
      mode: 'local',
      provider: 'local',
      limits: { perMinute: 45, perDay: 900, concurrency: 3 },
      admin: true,
      backgroundGrant: null,
    });
  });

  it('has no background-grant routes: local mode needs no token to keep sending', async () => {
    const grant = await s.api('GET', '/api/background-grant');
    expect(grant.status).toBe(404);
    expect(ErrorBody.parse(grant.body).error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/me with SERIATIM_ORG_LIMITS for the local tenant', () => {
  it('reports the organisation\'s limits, the same ones the engine paces the mailbox to', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-me-'));
    const running = await startServer(
      { port: 0, dataDir, logLevel: 'silent', seedSamples: false },
      { SERIATIM_PER_MINUTE: '30', SERIATIM_PER_DAY: '10000', SERIATIM_ORG_LIMITS: JSON.stringify({ local: { perMinute: 12, perDay: 300 } }) },
    );
    try {
      const res = await fetch(`${running.url}/api/me`);
      const me = MeResponse.parse(await res.json());
      expect(me.limits).toEqual({ perMinute: 12, perDay: 300, concurrency: 2 });
      const paced = running.core.limitsFor(running.core.localUser);
      expect(me.limits).toEqual({ perMinute: paced.perMinute, perDay: paced.perDay, concurrency: paced.concurrency });
      expect(me.mode).toBe('local');
    } finally {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
