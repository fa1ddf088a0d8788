import { ProviderError } from '../../engine/classify';
import { AppError } from '../../errors';
import { toProviderError } from './errors';

/** How hard reads and post-send steps try before giving up. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Longest single wait; a longer Retry-After gives up instead (the engine's pacer will wait). */
  maxWaitMs: number;
  /** First backoff for transient failures without Retry-After; doubles each time. */
  baseDelayMs: number;
}

/** Defaults for the real service. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, maxWaitMs: 30_000, baseDelayMs: 500 };

/** Waits; a plain timer, since retries here are real time. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an operation that is safe to repeat (a read, or a step whose effect is checked before it
 * is redone), retrying throttling and transient failures within the policy. Never used for the
 * send itself: a send is repeated only by the engine, after findSent says it did not go out.
 */
export async function withRetry<T>(policy: RetryPolicy, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      const e = toProviderError(err, 'read');
      if (e instanceof AppError || e.kind === 'permanent' || attempt >= policy.attempts) throw err;
      const wait = e.retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
      if (wait > policy.maxWaitMs) throw err;
      await sleep(wait);
    }
  }
}

/** A ProviderError for the send path when the user's Graph token cannot be had right now. */
export function signInRequired(cause: AppError): ProviderError {
  // A wait rather than a failure: the deliveries wait until the user signs in or grants background
  // sending. Not load, so the mailbox keeps its rate.
  return new ProviderError({
    kind: 'throttled', code: 'SIGN_IN_REQUIRED', outcome: 'not-sent', retryAfterMs: 5 * 60_000, keepRate: true,
    message: `${cause.message} Sending continues once the user opens Seriatim in Outlook or allows background sending.`, cause,
  });
}
