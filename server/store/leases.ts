import type { Db } from './db';
import { prepared } from './statements';

/** Who holds a lease: a unique id per engine, and the host and process it runs in. */
export interface LeaseHolder { id: string; host: string; pid: number }

interface LeaseRow { holder: string; host: string; pid: number; expires_at: number }

/**
 * Takes the named lease for `ttlMs` if it is free, expired, already ours, or held by a process on
 * this host that no longer exists (a server killed with SIGKILL leaves its lease behind; waiting
 * out the expiry would only delay the restart). Decided in one write transaction, so two
 * processes can never both win.
 */
export function acquireLease(
  db: Db, name: string, holder: LeaseHolder, now: number, ttlMs: number, isAlive: (pid: number) => boolean,
): boolean {
  return db.transaction(() => {
    const row = prepared(db, 'SELECT holder, host, pid, expires_at FROM leases WHERE name = ?').get(name) as LeaseRow | undefined;
    const free = !row || row.holder === holder.id || row.expires_at <= now
      || (row.host === holder.host && row.pid !== holder.pid && !isAlive(row.pid));
    if (!free) return false;
    prepared(db, `INSERT INTO leases (name, holder, host, pid, expires_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, expires_at = excluded.expires_at`)
      .run(name, holder.id, holder.host, holder.pid, now + ttlMs);
    return true;
  }).immediate();
}

/** Extends a lease we hold; false when it is no longer ours (it expired and someone took it). */
export function renewLease(db: Db, name: string, holderId: string, now: number, ttlMs: number): boolean {
  return prepared(db, 'UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?').run(now + ttlMs, name, holderId).changes > 0;
}

/** Gives a lease up, if it is still ours. */
export function releaseLease(db: Db, name: string, holderId: string): void {
  prepared(db, 'DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holderId);
}
