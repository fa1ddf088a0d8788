import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { Engine } from './engine/engine';
import { limitsByOrganisation, type LimitsFor } from './engine/organisation-limits';
import { ProgressHub } from './engine/progress';
import { createApp } from './http/app';
import { createLogger, type Logger } from './log';
import type { createMicrosoftAuth, MicrosoftAuth } from './auth/microsoft';
import type { createGraphProvider } from './providers/graph/graph-provider';
import { createLocalProvider } from './providers/local/local-mailbox';
import type { MailboxProvider } from './providers/mailbox';
import { startFileRetention } from './services/file-retention';
import { seedSampleLists } from './services/lists';
import { openDb, type Db } from './store/db';
import { upsertUser, type User } from './store/users';

/** The parts a process works with: the store, the provider, the engine. Shared by the server and the CLI. */
export interface Core {
  config: Config;
  db: Db;
  log: Logger;
  provider: MailboxProvider;
  /** The limits one mailbox is paced to: the provider's, or its organisation's. */
  limitsFor: LimitsFor;
  progress: ProgressHub;
  engine: Engine;
  localUser: User;
  /** Microsoft 365 sign-in, when the provider is graph. */
  microsoft: MicrosoftAuth | null;
  close(): Promise<void>;
}

/** The Microsoft 365 parts, loaded only in graph mode so that local mode starts as fast as before. */
export interface MicrosoftParts { createMicrosoftAuth: typeof createMicrosoftAuth; createGraphProvider: typeof createGraphProvider }

/** Loads the Microsoft 365 parts (MSAL, jose, the Graph client). */
export async function loadMicrosoftParts(): Promise<MicrosoftParts> {
  const [auth, graph] = await Promise.all([import('./auth/microsoft'), import('./providers/graph/graph-provider')]);
  return { createMicrosoftAuth: auth.createMicrosoftAuth, createGraphProvider: graph.createGraphProvider };
}

/** The one place where concrete parts are wired together. */
export function createCore(config: Config, options: { scope?: (runId: string) => boolean; microsoft?: MicrosoftParts } = {}): Core {
  if (config.graph && !options.microsoft) {
    throw new ConfigError('SERIATIM_PROVIDER=graph is served by `seriatim serve` (sign-in comes from the Outlook add-in); the other commands use the local mailbox.');
  }
  const log = createLogger(config.logLevel);
  const db = openDb(config.dbFile);
  const localUser = upsertUser(db, { id: 'local', tenantId: 'local', email: config.localUser.email, name: config.localUser.name });
  if (config.seedSamples) seedSampleLists(db, localUser.id);
  const graph = config.graph && options.microsoft ? { config: config.graph, parts: options.microsoft } : null;
  const microsoft = graph ? graph.parts.createMicrosoftAuth({ config: graph.config, db }) : null;
  const provider = graph && microsoft
    ? graph.parts.createGraphProvider({ db, tokens: microsoft.tokens, graphUrl: graph.config.graphUrl, limits: config.limits, log })
    : createLocalProvider(db, config.limits);
  const progress = new ProgressHub();
  const limitsFor = limitsByOrganisation(provider.limits, config.organisationLimits);
  const engine = new Engine({ db, provider, progress, log, scope: options.scope, limitsFor });
  return {
    config, db, log, provider, limitsFor, progress, engine, localUser, microsoft,
    async close() {
      await engine.stop();
      db.close();
    },
  };
}

/** Settings a caller (tests, the CLI) may override on top of the environment. */
export interface ServerOverrides {
  port?: number; host?: string; dataDir?: string; dbFile?: string; seedSamples?: boolean; logLevel?: string;
  limits?: Partial<Config['limits']>;
}

/** A running server. */
export interface RunningServer { url: string; core: Core; close(): Promise<void> }

/** Starts the whole product: store, engine (resuming runs left unfinished), file retention, HTTP(S) server. */
export async function startServer(overrides: ServerOverrides = {}, env: Record<string, string | undefined> = process.env): Promise<RunningServer> {
  const base = loadConfig(env);
  const dataDir = overrides.dataDir ?? base.dataDir;
  const config: Config = {
    ...base,
    port: overrides.port ?? base.port,
    host: overrides.host ?? base.host,
    dataDir,
    dbFile: overrides.dbFile ?? (overrides.dataDir ? `${dataDir}/seriatim.db` : base.dbFile),
    seedSamples: overrides.seedSamples ?? base.seedSamples,
    logLevel: overrides.logLevel ?? base.logLevel,
    limits: { ...base.limits, ...overrides.limits },
  };
  const core = createCore(config, { microsoft: config.graph ? await loadMicrosoftParts() : undefined });
  const app = createApp({ config, db: core.db, log: core.log, provider: core.provider, limitsFor: core.limitsFor, engine: core.engine, progress: core.progress }, core.localUser, core.microsoft ?? undefined);
  const server = config.tls
    ? https.createServer({ cert: fs.readFileSync(config.tls.cert), key: fs.readFileSync(config.tls.key) }, app)
    : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  core.engine.start();
  const retention = startFileRetention({ db: core.db, log: core.log, days: config.fileRetentionDays });
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  core.log.info({ url, db: config.dbFile, provider: core.provider.name }, 'Seriatim is running');
  return {
    url,
    core,
    async close() {
      retention.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
