import type { Request } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Engine } from '../engine/engine';
import type { LimitsFor } from '../engine/organisation-limits';
import type { ProgressHub } from '../engine/progress';
import type { MailboxProvider } from '../providers/mailbox';
import type { Db } from '../store/db';
import type { User } from '../store/users';

/** Everything route handlers need, built once by the composition root. */
export interface AppContext {
  config: Config;
  db: Db;
  log: Logger;
  provider: MailboxProvider;
  /** The limits one mailbox is paced to (the engine's own): the provider's, or its organisation's. */
  limitsFor: LimitsFor;
  engine: Engine;
  progress: ProgressHub;
}

/** The signed-in user of a request; set by the authentication middleware before any route runs. */
export function userOf(req: Request): User {
  const user = (req as Request & { user?: User }).user;
  if (!user) throw new Error('Route reached without authentication');
  return user;
}
