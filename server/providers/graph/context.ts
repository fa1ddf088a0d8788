import type { Logger } from 'pino';
import type { Db } from '../../store/db';
import type { GraphApi } from './client';
import type { RetryPolicy } from './retry';

/** What the send path of one user's Graph mailbox works with. */
export interface GraphContext {
  db: Db;
  ownerId: string;
  api: GraphApi;
  retry: RetryPolicy;
  /** Bounded polling schedule while waiting for a sent copy to appear. */
  sentCopyDelaysMs: readonly number[];
  log?: Logger;
}
