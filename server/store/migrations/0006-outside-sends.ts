/**
 * Messages sent from a mailbox outside any run (test messages): they count toward the mailbox's
 * daily budget like deliveries, so the pacer re-read from the store after a restart or a lease
 * change must see them too.
 */
export const sql = `
      CREATE TABLE outside_sends (
        id INTEGER PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        sent_at TEXT NOT NULL, recipients INTEGER NOT NULL
      );
      CREATE INDEX outside_sends_owner ON outside_sends(owner_id, sent_at);
    `;
