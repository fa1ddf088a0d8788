import path from 'node:path';
import { z } from 'zod';
import type { OrganisationLimits } from './engine/organisation-limits';

const Port = z.coerce.number().int().min(0).max(65_535);
const PositiveInt = z.coerce.number().int().min(1);

const ConfigSchema = z.object({
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SERIATIM_DATA_DIR: z.string().min(1).default('data'),
  SERIATIM_DB: z.string().min(1).optional(),
  SERIATIM_PROVIDER: z.enum(['local', 'graph']).default('local'),
  SERIATIM_SEED_SAMPLES: z.enum(['true', 'false']).default('true'),
  SERIATIM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERIATIM_LOCAL_NAME: z.string().min(1).default('Local User'),
  SERIATIM_LOCAL_EMAIL: z.email().default('me@seriatim.localhost'),
  SERIATIM_PER_MINUTE: PositiveInt.default(30),
  SERIATIM_PER_DAY: PositiveInt.default(10_000),
  SERIATIM_CONCURRENCY: PositiveInt.max(4).default(2),
  SERIATIM_ORG_LIMITS: z.string().optional(),
  SERIATIM_FILE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  SERIATIM_TLS_CERT: z.string().min(1).optional(),
  SERIATIM_TLS_KEY: z.string().min(1).optional(),
  // Microsoft 365 mode (SERIATIM_PROVIDER=graph); see docs/deploy.md.
  SERIATIM_TENANT_ID: z.string().min(1).optional(),
  SERIATIM_CLIENT_ID: z.string().min(1).optional(),
  SERIATIM_CLIENT_SECRET: z.string().min(1).optional(),
  SERIATIM_API_AUDIENCE: z.string().min(1).optional(),
  SERIATIM_GRAPH_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  SERIATIM_AUTHORITY_URL: z.url().default('https://login.microsoftonline.com'),
  SERIATIM_JWKS_URL: z.url().optional(),
  SERIATIM_SECRET_KEY: z.string().min(1).optional(),
});

/** Microsoft 365 settings: the app registration, where Graph and Entra ID are, the key for stored grants. */
export interface GraphConfig {
  /** A tenant GUID (single-tenant), or 'organizations' for any work account. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Audiences accepted on the add-in's access token: the client id and the App ID URI. */
  audiences: string[];
  graphUrl: string;
  authorityUrl: string;
  jwksUrl: string;
  /** 32 bytes for AES-256-GCM encryption of stored token caches. */
  secretKey: Buffer;
}

/** The server's settings, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  provider: 'local' | 'graph';
  /** Set when provider is 'graph'. */
  graph: GraphConfig | null;
  seedSamples: boolean;
  logLevel: string;
  localUser: { name: string; email: string };
  limits: { perMinute: number; perDay: number; concurrency: number };
  /** Limits of particular organisations (by tenant id), each replacing the provider's where given. */
  organisationLimits: Record<string, OrganisationLimits>;
  /** Stored files nothing needs are deleted this many days after their last use; 0 keeps them forever. */
  fileRetentionDays: number;
  tls: { cert: string; key: string } | null;
}

/** A setting that cannot be used; start-up stops with this message. */
export class ConfigError extends Error {}

/** Reads and validates the configuration; a bad value names its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.SERIATIM_TLS_CERT) !== Boolean(e.SERIATIM_TLS_KEY)) {
    throw new ConfigError('Invalid configuration: SERIATIM_TLS_CERT and SERIATIM_TLS_KEY must be set together');
  }
  const dataDir = path.resolve(e.SERIATIM_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: path.resolve(e.SERIATIM_DB ?? path.join(dataDir, 'seriatim.db')),
    provider: e.SERIATIM_PROVIDER,
    graph: e.SERIATIM_PROVIDER === 'graph' ? readGraphConfig(e) : null,
    seedSamples: e.SERIATIM_SEED_SAMPLES === 'true',
    logLevel: e.SERIATIM_LOG_LEVEL,
    localUser: { name: e.SERIATIM_LOCAL_NAME, email: e.SERIATIM_LOCAL_EMAIL },
    limits: { perMinute: e.SERIATIM_PER_MINUTE, perDay: e.SERIATIM_PER_DAY, concurrency: e.SERIATIM_CONCURRENCY },
    organisationLimits: readOrganisationLimits(e.SERIATIM_ORG_LIMITS),
    fileRetentionDays: e.SERIATIM_FILE_RETENTION_DAYS,
    tls: e.SERIATIM_TLS_CERT && e.SERIATIM_TLS_KEY ? { cert: e.SERIATIM_TLS_CERT, key: e.SERIATIM_TLS_KEY } : null,
  };
}

const OrganisationLimitsSchema = z.record(
  z.string().min(1),
  z.strictObject({ perMinute: PositiveInt.optional(), perDay: PositiveInt.optional(), concurrency: PositiveInt.max(4).optional() }),
);

/** `SERIATIM_ORG_LIMITS`: JSON such as `{"<tenant id>": {"perMinute": 20, "perDay": 5000}}`. */
function readOrganisationLimits(raw: string | undefined): Record<string, OrganisationLimits> {
  if (raw === undefined || raw.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  SERIATIM_ORG_LIMITS: not JSON (${(err as Error).message})`);
  }
  const parsed = OrganisationLimitsSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `SERIATIM_ORG_LIMITS.${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** Reads the Microsoft 365 settings; each missing or unusable one is named. */
function readGraphConfig(e: z.infer<typeof ConfigSchema>): GraphConfig {
  const missing = (['SERIATIM_TENANT_ID', 'SERIATIM_CLIENT_ID', 'SERIATIM_CLIENT_SECRET', 'SERIATIM_SECRET_KEY'] as const).filter((k) => !e[k]);
  if (missing.length > 0) throw new ConfigError(`Invalid configuration: SERIATIM_PROVIDER=graph needs ${missing.join(', ')} (see docs/deploy.md)`);
  const secretKey = Buffer.from(e.SERIATIM_SECRET_KEY as string, 'base64');
  if (secretKey.length !== 32) {
    throw new ConfigError('Invalid configuration: SERIATIM_SECRET_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  const authorityUrl = e.SERIATIM_AUTHORITY_URL.replace(/\/+$/, '');
  const tenantId = e.SERIATIM_TENANT_ID as string;
  const clientId = e.SERIATIM_CLIENT_ID as string;
  // Signing keys are the same for every tenant; a single-tenant app may point at its own.
  const keysTenant = /^[0-9a-f-]{36}$/i.test(tenantId) ? tenantId : 'common';
  return {
    tenantId,
    clientId,
    clientSecret: e.SERIATIM_CLIENT_SECRET as string,
    audiences: [clientId, e.SERIATIM_API_AUDIENCE ?? `api://${clientId}`],
    graphUrl: e.SERIATIM_GRAPH_URL.replace(/\/+$/, ''),
    authorityUrl,
    jwksUrl: e.SERIATIM_JWKS_URL ?? `${authorityUrl}/${keysTenant}/discovery/v2.0/keys`,
    secretKey,
  };
}
