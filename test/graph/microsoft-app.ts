import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createMicrosoftAuth } from '../../server/auth/microsoft';
import type { TokenClient } from '../../server/auth/token-client';
import { loadConfig } from '../../server/config';
import { AppError } from '../../server/errors';
import { createApp } from '../../server/http/app';
import { createCore, type Core } from '../../server/main';
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { startGraphEmulator, type EmulatorOptions, type GraphEmulator } from '../graph-emulator/index';
import { AUTHORITY, CLIENT_ID, startKeys, TENANT, type Keys } from './entra';
import { FAST } from './harness';

/** A token endpoint that only does on-behalf-of: an emulator token for the person the pane's token names. */
function oboOnly(parts: { emulator: GraphEmulator }): TokenClient {
  return {
    onBehalfOf: async (account) => parts.emulator.issueToken(account.userId.split('.')[0]),
    grant: async () => {
      throw new AppError('FORBIDDEN', 'Background grants are not part of this test.');
    },
    background: async () => {
      throw new AppError('UNAUTHENTICATED', 'Background grants are not part of this test.');
    },
    revoke: async () => undefined,
  };
}

/** The real app in Microsoft mode: the Graph emulator behind it, a stand-in Entra ID's keys in front. */
export interface MicrosoftApp {
  base: string;
  core: Core;
  emulator: GraphEmulator;
  keys: Keys;
  /** The environment the app was configured from (to start a second app on the same settings). */
  env: Record<string, string>;
  /** A request with the given bearer token (none when undefined); JSON in, JSON (or null) out. */
  api(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/**
 * Starts the emulator and signing keys, then the composition root (`createCore`, engine not
 * started) in graph mode with `client` standing in for Entra ID's token endpoint, served on port 0.
 */
export async function startMicrosoftApp(options: {
  /** Entra ID's token endpoint; default: on-behalf-of answers with an emulator token for the same person, no grants. */
  client?: (parts: { emulator: GraphEmulator; core: () => Core }) => TokenClient;
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  secretKey?: Buffer;
}): Promise<MicrosoftApp> {
  const keys = await startKeys();
  const emulator = await startGraphEmulator({ sentCopyLagMs: 5, ...options.emulator });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-microsoft-'));
  const env: Record<string, string> = {
    SERIATIM_PROVIDER: 'graph', SERIATIM_TENANT_ID: TENANT, SERIATIM_CLIENT_ID: CLIENT_ID, SERIATIM_CLIENT_SECRET: 'app-secret',
    SERIATIM_SECRET_KEY: (options.secretKey ?? Buffer.alloc(32, 3)).toString('base64'), SERIATIM_GRAPH_URL: emulator.url,
    SERIATIM_AUTHORITY_URL: AUTHORITY, SERIATIM_JWKS_URL: keys.jwksUrl, SERIATIM_DATA_DIR: dir, SERIATIM_LOG_LEVEL: 'silent',
    SERIATIM_SEED_SAMPLES: 'false', ...options.env,
  };
  let core: Core | undefined;
  const client = (options.client ?? oboOnly)({ emulator, core: () => core as Core });
  core = createCore(loadConfig(env), {
    microsoft: {
      createMicrosoftAuth: (deps) => createMicrosoftAuth({ ...deps, client }),
      createGraphProvider: (o) => createGraphProvider({ ...o, ...FAST }),
    },
  });
  const server = http.createServer(createApp(core, core.localUser, core.microsoft ?? undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = core;
  return {
    base, core: started, emulator, keys, env,
    async api(method, url, token, body) {
      const res = await fetch(base + url, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await started.close();
      await emulator.close();
      await keys.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
