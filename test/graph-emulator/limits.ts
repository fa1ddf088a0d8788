import { GraphError, throttled } from "./errors";
import { SlidingWindow } from "./sliding-window";

/** Outlook (Graph) and Exchange Online limits; `null` switches one off. */
export interface LimitSettings {
  /** Concurrent requests per app and mailbox (Graph: 4). */
  concurrencyPerMailbox: number | null;
  /** Retry-After sent with a concurrency 429, in seconds. */
  concurrencyRetryAfterSec: number;
  /** Requests per window per app and mailbox (Graph: 10,000 per 10 minutes). */
  requestsPerWindow: number | null;
  requestWindowMs: number;
  /** Bytes uploaded (POST, PUT, PATCH bodies) per window per mailbox (Graph: 150 MB per 5 minutes). */
  uploadBytesPerWindow: number | null;
  uploadWindowMs: number;
  /** Messages sent per window per mailbox (Exchange Online: 30 per minute). */
  messagesPerWindow: number | null;
  messageWindowMs: number;
  /** Recipients per rolling window per mailbox (Exchange Online: 10,000 per 24 hours). */
  recipientsPerWindow: number | null;
  recipientWindowMs: number;
  /** Recipients of one message (Exchange Online: 500). */
  maxRecipientsPerMessage: number;
  /** Largest message, attachments included; Exchange's default is 35 MB, raised by admins up to 150 MB. */
  maxMessageBytes: number;
  /** Inner requests of one $batch Graph runs at the same time. */
  batchParallelism: number;
}

/** How often each limit turned a request away; the "exceeded" ones should stay 0 for a good pacer. */
export interface LimitCounters {
  concurrencyThrottled: number;
  requestRateThrottled: number;
  incomingBytesThrottled: number;
  messageRateExceeded: number;
  recipientRateExceeded: number;
}

const MB = 1024 * 1024;

/** The documented defaults of Graph and Exchange Online. */
export const DEFAULT_LIMITS: LimitSettings = {
  concurrencyPerMailbox: 4,
  concurrencyRetryAfterSec: 1,
  requestsPerWindow: 10_000,
  requestWindowMs: 10 * 60_000,
  uploadBytesPerWindow: 150 * MB,
  uploadWindowMs: 5 * 60_000,
  messagesPerWindow: 30,
  messageWindowMs: 60_000,
  recipientsPerWindow: 10_000,
  recipientWindowMs: 24 * 60 * 60_000,
  maxRecipientsPerMessage: 500,
  maxMessageBytes: 150 * MB,
  batchParallelism: 4,
};

function zeroCounters(): LimitCounters {
  return { concurrencyThrottled: 0, requestRateThrottled: 0, incomingBytesThrottled: 0, messageRateExceeded: 0, recipientRateExceeded: 0 };
}

/** Tracks usage per mailbox and turns requests away as Graph and Exchange would. */
export class Limits {
  settings: LimitSettings;
  counters: LimitCounters = zeroCounters();
  private readonly inFlightBy = new Map<string, number>();
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(overrides: Partial<LimitSettings> = {}) {
    this.settings = { ...DEFAULT_LIMITS, ...overrides };
  }

  /** Changes limits from now on (a test's own pace, a shortened window). */
  configure(overrides: Partial<LimitSettings>): void {
    this.settings = { ...this.settings, ...overrides };
  }

  /** Forgets all usage and counters, keeping the settings. */
  reset(): void {
    this.counters = zeroCounters();
    this.windows.clear();
  }

  /** Requests now being served for an app and mailbox. */
  inFlight(appId: string, mailboxId: string): number {
    return this.inFlightBy.get(`${appId}|${mailboxId}`) ?? 0;
  }

  /** Takes a concurrency slot, or returns the MailboxConcurrency 429; call the release when done. */
  acquire(appId: string, mailboxId: string): (() => void) | GraphError {
    const key = `${appId}|${mailboxId}`;
    const current = this.inFlightBy.get(key) ?? 0;
    const limit = this.settings.concurrencyPerMailbox;
    if (limit !== null && current >= limit) {
      this.counters.concurrencyThrottled++;
      return throttled("Application is over its MailboxConcurrency limit.", this.settings.concurrencyRetryAfterSec);
    }
    this.inFlightBy.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlightBy.set(key, (this.inFlightBy.get(key) ?? 1) - 1);
    };
  }

  /** Counts a request against the app+mailbox request window, or returns the 429. */
  admitRequest(appId: string, mailboxId: string, bodyBytes: number): GraphError | null {
    const { requestsPerWindow, requestWindowMs, uploadBytesPerWindow, uploadWindowMs } = this.settings;
    const requests = this.window(`requests|${appId}|${mailboxId}`);
    if (requestsPerWindow !== null && requests.sum(requestWindowMs) + 1 > requestsPerWindow) {
      this.counters.requestRateThrottled++;
      return throttled("Application is over its MailboxRequests limit.", requests.waitFor(1, requestsPerWindow, requestWindowMs) / 1000);
    }
    const bytes = this.window(`bytes|${mailboxId}`);
    if (uploadBytesPerWindow !== null && bodyBytes > 0 && bytes.sum(uploadWindowMs) + bodyBytes > uploadBytesPerWindow) {
      this.counters.incomingBytesThrottled++;
      return throttled("Application is over its IncomingBytes limit.", bytes.waitFor(bodyBytes, uploadBytesPerWindow, uploadWindowMs) / 1000);
    }
    requests.add(1);
    if (bodyBytes > 0) bytes.add(bodyBytes);
    return null;
  }

  /**
   * Admits one sent message with its recipient count against Exchange's sending limits, or
   * returns the refusal and counts the overshoot.
   */
  admitSend(mailboxId: string, recipients: number): GraphError | null {
    const s = this.settings;
    const messages = this.window(`messages|${mailboxId}`);
    const people = this.window(`recipients|${mailboxId}`);
    if (s.recipientsPerWindow !== null && people.sum(s.recipientWindowMs) + recipients > s.recipientsPerWindow) {
      this.counters.recipientRateExceeded++;
      return new GraphError(403, "ErrorExceededMessageLimit", "Cannot send mail. Daily Message/Recipient limit exceeded.");
    }
    if (s.messagesPerWindow !== null && messages.sum(s.messageWindowMs) + 1 > s.messagesPerWindow) {
      this.counters.messageRateExceeded++;
      const waitMs = messages.waitFor(1, s.messagesPerWindow, s.messageWindowMs);
      return throttled("Cannot send mail. Message rate limit exceeded.", waitMs / 1000, "ErrorExceededMessageLimit");
    }
    messages.add(1);
    people.add(recipients);
    return null;
  }

  private window(key: string): SlidingWindow {
    let window = this.windows.get(key);
    if (!window) {
      window = new SlidingWindow();
      this.windows.set(key, window);
    }
    return window;
  }
}
