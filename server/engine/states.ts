import type { DeliveryStatus, RunStatus } from '../../shared/api';

// The one place that says which status may follow which. Every status change in the store goes
// through `assertRunTransition` / `assertDeliveryTransition`, and the UPDATE itself is conditioned on
// the old status, so two writers can never both win.

const RUN_TRANSITIONS: Record<RunStatus, readonly RunStatus[]> = {
  scheduled: ['queued', 'cancelled'],
  queued: ['running', 'paused', 'cancelled'],
  running: ['paused', 'completed', 'cancelled', 'queued'],
  paused: ['queued', 'cancelled'],
  completed: ['queued'],
  cancelled: [],
};

const DELIVERY_TRANSITIONS: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  pending: ['sending', 'skipped'],
  sending: ['sent', 'failed', 'pending'],
  failed: ['pending'],
  sent: [],
  skipped: [],
};

/** A status change the state machine does not allow. */
export class TransitionError extends Error {
  constructor(readonly entity: 'run' | 'delivery', readonly from: string, readonly to: string) {
    super(`A ${entity} cannot go from ${from} to ${to}`);
  }
}

/** The run statuses from which `to` may be reached. */
export function runSourcesOf(to: RunStatus): RunStatus[] {
  return (Object.keys(RUN_TRANSITIONS) as RunStatus[]).filter((from) => RUN_TRANSITIONS[from].includes(to));
}

/** Throws unless a run may go from `from` to `to`. */
export function assertRunTransition(from: RunStatus, to: RunStatus): void {
  if (!RUN_TRANSITIONS[from].includes(to)) throw new TransitionError('run', from, to);
}

/** Throws unless a delivery may go from `from` to `to`. */
export function assertDeliveryTransition(from: DeliveryStatus, to: DeliveryStatus): void {
  if (!DELIVERY_TRANSITIONS[from].includes(to)) throw new TransitionError('delivery', from, to);
}

/** True for statuses in which the engine works on a run. */
export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}
