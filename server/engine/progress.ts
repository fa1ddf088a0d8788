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
}
