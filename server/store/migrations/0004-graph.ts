/**
 * Microsoft 365 mode: the Graph draft behind each tagged delivery (so recovery asks about one id
 * instead of searching the mailbox) and each user's encrypted background-sending grant.
 */
export const sql = `
      CREATE TABLE graph_drafts (
        owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, tag TEXT NOT NULL,
        draft_id TEXT, folder_id TEXT NOT NULL, state TEXT NOT NULL, message_id TEXT,
        updated_at TEXT NOT NULL, PRIMARY KEY (owner_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX graph_drafts_state ON graph_drafts(owner_id, state, updated_at);
      CREATE TABLE graph_grants (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, cache BLOB NOT NULL,
        scopes TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
    `;
