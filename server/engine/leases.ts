import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../store/db';
import { acquireLease, releaseLease, renewLease, type LeaseHolder } from '../store/leases';

/** How long a lease lasts without renewal; a holder on another host is waited out this long. */
export const LEASE_TTL_MS = 30_000;
const RENEW_EVERY_MS = LEASE_TTL_MS / 6;

/** True if a process with this id exists on this host. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One sender per mailbox across processes. A process sends from a mailbox only while it holds
 * that mailbox's lease in the store: so two processes (a server and a CLI, or two servers on one
 * store) never pace the same mailbox separately, and never reconcile a delivery another live
 * process is sending. Held leases are renewed on a timer, also while a long send is in flight.
 */
export class MailboxLeases {
  readonly holder: LeaseHolder = { id: crypto.randomUUID(), host: os.hostname(), pid: process.pid };
  /** Mailbox owner id -> when our lease on it expires, as last written. */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db, private readonly now: () => number, private readonly onLost: (ownerId: string) => void) {}

  /** Takes (or keeps) the lease of a mailbox; false while another live process holds it. */
  acquire(ownerId: string): boolean {
    const now = this.now();
    if (!acquireLease(this.db, name(ownerId), this.holder, now, LEASE_TTL_MS, processAlive)) return false;
    this.held.set(ownerId, now + LEASE_TTL_MS);
    this.timer ??= setInterval(() => this.renewAll(), RENEW_EVERY_MS).unref();
    return true;
  }

  /**
   * Whether we may send from the mailbox now. Cheap while the lease is fresh; past half its life
   * (the renewal timer could not run, e.g. a blocked event loop) it is renewed in the store first.
   */
  holds(ownerId: string): boolean {
    const expiresAt = this.held.get(ownerId);
    if (expiresAt === undefined) return false;
    const now = this.now();
    if (now < expiresAt - LEASE_TTL_MS / 2) return true;
    return this.renew(ownerId, now);
  }

  /** Gives the lease of a mailbox back. */
  release(ownerId: string): void {
    if (!this.held.delete(ownerId)) return;
    releaseLease(this.db, name(ownerId), this.holder.id);
    if (this.held.size === 0) this.stopTimer();
  }

  /** Gives every lease back. */
  releaseAll(): void {
    for (const ownerId of [...this.held.keys()]) this.release(ownerId);
    this.stopTimer();
  }

  private renewAll(): void {
    const now = this.now();
    for (const ownerId of [...this.held.keys()]) {
      try {
        this.renew(ownerId, now);
      } catch {
        // The store is busy or closing: `holds` renews (or gives up) before the next send.
      }
    }
  }

  private renew(ownerId: string, now: number): boolean {
    if (renewLease(this.db, name(ownerId), this.holder.id, now, LEASE_TTL_MS)) {
      this.held.set(ownerId, now + LEASE_TTL_MS);
      return true;
    }
    this.held.delete(ownerId);
    this.onLost(ownerId);
    return false;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function name(ownerId: string): string {
  return `mailbox:${ownerId}`;
}
