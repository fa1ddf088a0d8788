import pino, { type Logger } from 'pino';

/** Creates the structured logger; secrets and message bodies are never passed to it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['*.password', '*.token', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

export type { Logger };
