/**
 * Download tickets in the store, so a link issued by one server process opens on another sharing
 * it. Only the ticket's SHA-256 is kept: a copy of the store gives no usable link.
 */
export const sql = `
      CREATE TABLE download_tickets (
        hash TEXT PRIMARY KEY, user TEXT NOT NULL, path TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX download_tickets_expiry ON download_tickets(expires_at);
    `;
