/** Users, recipient lists, the local mailbox, runs and their deliveries. */
export const sql = `
      CREATE TABLE users (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE lists (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        source TEXT NOT NULL, file_name TEXT, columns TEXT NOT NULL, email_column TEXT,
        row_count INTEGER NOT NULL, problems TEXT NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX lists_owner ON lists(owner_id);
      CREATE TABLE list_rows (
        list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (list_id, idx)
      ) WITHOUT ROWID;
      CREATE TABLE folders (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        parent_id TEXT REFERENCES folders(id), well_known TEXT, created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX folders_name ON folders(owner_id, COALESCE(parent_id, ''), name COLLATE NOCASE);
      CREATE TABLE messages (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id),
        folder_id TEXT NOT NULL REFERENCES folders(id), message_id TEXT NOT NULL,
        recipients TEXT NOT NULL, subject TEXT NOT NULL, tag TEXT, raw BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX messages_folder ON messages(folder_id, created_at);
      CREATE UNIQUE INDEX messages_tag ON messages(owner_id, tag) WHERE tag IS NOT NULL;
      CREATE TABLE runs (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), list_id TEXT,
        list_name TEXT NOT NULL, provider TEXT NOT NULL, status TEXT NOT NULL,
        subject TEXT NOT NULL, html TEXT NOT NULL, text TEXT, folder_id TEXT NOT NULL,
        folder_name TEXT NOT NULL, options TEXT NOT NULL, pause_reason TEXT,
        error_count INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, scheduled_at TEXT,
        started_at TEXT, finished_at TEXT
      );
      CREATE INDEX runs_owner ON runs(owner_id, created_at);
      CREATE INDEX runs_status ON runs(status);
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, email TEXT NOT NULL, vals TEXT NOT NULL, status TEXT NOT NULL,
        reason TEXT, attempt_id TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        recipients INTEGER NOT NULL DEFAULT 1, message_id TEXT, not_before INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT, updated_at TEXT NOT NULL, UNIQUE (run_id, idx)
      );
      CREATE INDEX deliveries_run_status ON deliveries(run_id, status, idx);
      CREATE INDEX deliveries_sent_at ON deliveries(sent_at) WHERE sent_at IS NOT NULL;
    `;
