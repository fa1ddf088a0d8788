import { EventEmitter } from 'node:events';
import type { ProgressEvent } from '../../shared/api';

/** Fan-out of run progress to whoever listens (server-sent events, the CLI's progress bar). */
export class ProgressHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Publishes a run's latest progress. */
  publish(event: ProgressEvent): void {
    this.emitter.emit(event.runId, event);
    this.emitter.emit('*', event);
  }

  /** Calls `listener` with each progress of one run (or '*' for all); returns the unsubscribe function. */
  subscribe(runId: string, listener: (event: ProgressEvent) => void): () => void {
    this.emitter.on(runId, listener);
    return () => this.emitter.off(runId, listener);
  }

  /** Whether anyone listens to a run: progress nobody reads is not computed. */
  hasListeners(runId: string): boolean {
    return this.emitter.listenerCount(runId) + this.emitter.listenerCount('*') > 0;
  }
}

/** Progress events of a run at most this often while it sends; status changes go out at once. */
const MIN_INTERVAL_MS = 250;

/**
 * Publishes progress without letting it cost more than the sending: each message changes the
 * counts, but listeners get at most a few events per second per run (the latest state, never a
 * stale one: a trailing event follows the last change). Urgent changes (status, a wait) go at once.
 */
export class ProgressPublisher {
  private readonly last = new Map<string, number>();
  private readonly trailing = new Map<string, NodeJS.Timeout>();

  constructor(private readonly hub: ProgressHub, private readonly build: (runId: string) => ProgressEvent | undefined) {}

  /** Publishes now if urgent or due, else once the interval has passed. */
  publish(runId: string, urgent = false): void {
    if (!this.hub.hasListeners(runId)) return;
    const since = Date.now() - (this.last.get(runId) ?? 0);
    if (urgent || since >= MIN_INTERVAL_MS) return this.emit(runId);
    if (this.trailing.has(runId)) return;
    this.trailing.set(runId, setTimeout(() => this.emit(runId), MIN_INTERVAL_MS - since));
  }

  /** Cancels pending trailing events. */
  stop(): void {
    for (const timer of this.trailing.values()) clearTimeout(timer);
    this.trailing.clear();
  }

  private emit(runId: string): void {
    const timer = this.trailing.get(runId);
    if (timer) clearTimeout(timer);
    this.trailing.delete(runId);
    this.last.set(runId, Date.now());
    const event = this.build(runId);
    if (event) this.hub.publish(event);
  }
}
