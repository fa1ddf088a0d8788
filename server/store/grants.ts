import type { Db } from './db';
import { nowIso } from './db';

/** A user's background-sending grant: their MSAL token cache, encrypted (see server/auth/sealed.ts). */
export interface GrantRecord { userId: string; cache: Buffer; scopes: string[]; createdAt: string; updatedAt: string }

interface Row { user_id: string; cache: Buffer; scopes: string; created_at: string; updated_at: string }

/** The user's grant, or undefined. */
export function findGrant(db: Db, userId: string): GrantRecord | undefined {
  const r = db.prepare('SELECT * FROM graph_grants WHERE user_id = ?').get(userId) as Row | undefined;
  return r && { userId: r.user_id, cache: r.cache, scopes: JSON.parse(r.scopes), createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Stores (or replaces) the encrypted cache of a user's grant. */
export function saveGrant(db: Db, userId: string, cache: Buffer, scopes: string[]): void {
  const at = nowIso();
  db.prepare(
    `INSERT INTO graph_grants (user_id, cache, scopes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET cache = excluded.cache, scopes = excluded.scopes, updated_at = excluded.updated_at`,
  ).run(userId, cache, JSON.stringify(scopes), at, at);
}

/** Removes a user's grant; true when there was one. */
export function deleteGrant(db: Db, userId: string): boolean {
  return db.prepare('DELETE FROM graph_grants WHERE user_id = ?').run(userId).changes > 0;
}
