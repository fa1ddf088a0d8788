/**
 * The run engine: why and until when an active run waits; leases, so that one process at a time
 * sends from a mailbox (its pace and the exactly-once check hold across processes); recurring run
 * definitions and the run dates they claimed (UNIQUE: a run date is never sent twice).
 */
export const sql = `
      ALTER TABLE runs ADD COLUMN waiting_until TEXT;
      ALTER TABLE runs ADD COLUMN wait_reason TEXT;
      CREATE TABLE leases (
        name TEXT PRIMARY KEY, holder TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE run_definitions (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        cron TEXT NOT NULL, time_zone TEXT NOT NULL, request TEXT NOT NULL,
        checked_until TEXT NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX run_definitions_owner ON run_definitions(owner_id, created_at);
      CREATE TABLE scheduled_runs (
        definition_id TEXT NOT NULL REFERENCES run_definitions(id) ON DELETE CASCADE,
        run_date TEXT NOT NULL, due_at TEXT NOT NULL, status TEXT NOT NULL, run_id TEXT,
        reason TEXT, holder TEXT NOT NULL, claimed_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (definition_id, run_date)
      ) WITHOUT ROWID;
    `;
