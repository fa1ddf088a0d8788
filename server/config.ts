import path from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65_535);
const PositiveInt = z.coerce.number().int().min(1);

const ConfigSchema = z.object({
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SERIATIM_DATA_DIR: z.string().min(1).default('data'),
  SERIATIM_DB: z.string().min(1).optional(),
  SERIATIM_PROVIDER: z.enum(['local']).default('local'),
  SERIATIM_SEED_SAMPLES: z.enum(['true', 'false']).default('true'),
  SERIATIM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERIATIM_LOCAL_NAME: z.string().min(1).default('Local User'),
  SERIATIM_LOCAL_EMAIL: z.email().default('me@seriatim.localhost'),
  SERIATIM_PER_MINUTE: PositiveInt.default(30),
  SERIATIM_PER_DAY: PositiveInt.default(10_000),
  SERIATIM_CONCURRENCY: PositiveInt.max(4).default(2),
  SERIATIM_TLS_CERT: z.string().min(1).optional(),
  SERIATIM_TLS_KEY: z.string().min(1).optional(),
});

/** The server's settings, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  provider: 'local';
  seedSamples: boolean;
  logLevel: string;
  localUser: { name: string; email: string };
  limits: { perMinute: number; perDay: number; concurrency: number };
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
    seedSamples: e.SERIATIM_SEED_SAMPLES === 'true',
    logLevel: e.SERIATIM_LOG_LEVEL,
    localUser: { name: e.SERIATIM_LOCAL_NAME, email: e.SERIATIM_LOCAL_EMAIL },
    limits: { perMinute: e.SERIATIM_PER_MINUTE, perDay: e.SERIATIM_PER_DAY, concurrency: e.SERIATIM_CONCURRENCY },
    tls: e.SERIATIM_TLS_CERT && e.SERIATIM_TLS_KEY ? { cert: e.SERIATIM_TLS_CERT, key: e.SERIATIM_TLS_KEY } : null,
  };
}
