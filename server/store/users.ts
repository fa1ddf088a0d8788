import type { Db } from './db';
import { nowIso } from './db';

/** A person who owns lists, runs and a mailbox. */
export interface User {
  id: string; tenantId: string; email: string; name: string;
  /** App roles of the request's sign-in (never stored): `Seriatim.Admin` may change what the whole organisation shares. */
  roles?: readonly string[];
}

/** The app role of the people who may change what a whole organisation shares (its suppression list). */
export const ADMIN_ROLE = 'Seriatim.Admin';

/** Whether the user may change what their whole organisation shares. */
export function isAdmin(user: User): boolean {
  return user.roles?.includes(ADMIN_ROLE) ?? false;
}

/** Creates the user if missing and keeps name and address current. */
export function upsertUser(db: Db, user: User): User {
  db.prepare(
    `INSERT INTO users (id, tenant_id, email, name, created_at) VALUES (@id, @tenantId, @email, @name, @at)
     ON CONFLICT(id) DO UPDATE SET email = excluded.email, name = excluded.name`,
  ).run({ ...user, at: nowIso() });
  return user;
}

/** Reads one user, or undefined. */
export function findUser(db: Db, id: string): User | undefined {
  const row = db.prepare('SELECT id, tenant_id AS tenantId, email, name FROM users WHERE id = ?').get(id);
  return row as User | undefined;
}
