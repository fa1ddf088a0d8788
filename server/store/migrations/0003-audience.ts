/**
 * Audience: each list's phone column, its metadata (company structure, change-log link, how the
 * file was read) and when it was last replaced; the organisation-wide suppression list.
 */
export const sql = `
      ALTER TABLE lists ADD COLUMN phone_column TEXT;
      ALTER TABLE lists ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE lists ADD COLUMN updated_at TEXT;
      CREATE TABLE suppressions (
        tenant_id TEXT NOT NULL, value TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT,
        source TEXT NOT NULL, delivery_id TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, value)
      ) WITHOUT ROWID;
    `;
