import type { PacerLimits } from '../../server/engine/pacer';
import type { GraphProviderOptions } from '../../server/providers/graph/graph-provider';
import type { LimitSettings } from '../graph-emulator/index';

/**
 * Exchange's sending limit (30 messages a minute) scaled to 30 a second, on both sides: the
 * emulator refuses past it, and the provider's pacer is told it, as in production.
 */
export const GRAPH_KILL_EMULATOR_LIMITS: Partial<LimitSettings> = {
  messagesPerWindow: 30, messageWindowMs: 1_000, recipientsPerWindow: null, uploadBytesPerWindow: null,
};

/** The pacer's view of the same limit. */
export const GRAPH_KILL_LIMITS: PacerLimits = { perMinute: 30, windowMs: 1_000, perDay: 100_000, concurrency: 2 };

/** The emulator files a sent copy this long after the send. */
export const GRAPH_KILL_SENT_COPY_LAG_MS = 30;

/** Short waits for the sending process; the shapes (bounded polls, retries) are the production ones. */
export const GRAPH_KILL_TIMINGS: Pick<GraphProviderOptions, 'sentCopyDelaysMs' | 'retry'> = {
  sentCopyDelaysMs: [10, 20, 40, 80, 160, 320, 640],
  retry: { attempts: 5, maxWaitMs: 5_000, baseDelayMs: 10 },
};
