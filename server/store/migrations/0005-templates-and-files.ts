/**
 * The template library, stored files (attachments, inline images, per-recipient file sets from a
 * zip) and what each run sends besides its template: frozen addressing, attachments, merge context.
 */
export const sql = `
      CREATE TABLE file_sets (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        file_count INTEGER NOT NULL, total_size INTEGER NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX file_sets_owner ON file_sets(owner_id, created_at);
      CREATE TABLE files (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id),
        set_id TEXT REFERENCES file_sets(id) ON DELETE CASCADE, name TEXT NOT NULL, name_key TEXT NOT NULL,
        content_type TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX files_owner ON files(owner_id);
      CREATE UNIQUE INDEX files_set_key ON files(set_id, name_key) WHERE set_id IS NOT NULL;
      CREATE TABLE templates (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        subject TEXT NOT NULL, html TEXT NOT NULL, text TEXT, note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX templates_name ON templates(owner_id, name COLLATE NOCASE);
      CREATE TABLE template_files (
        template_id TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        file_id TEXT NOT NULL REFERENCES files(id), content_id TEXT, inline INTEGER NOT NULL,
        PRIMARY KEY (template_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX template_files_file ON template_files(file_id);
      CREATE TABLE run_messages (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE, template_id TEXT,
        file_set_id TEXT REFERENCES file_sets(id), spec TEXT NOT NULL
      );
      CREATE INDEX run_messages_template ON run_messages(template_id);
      CREATE TABLE run_files (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, file_id TEXT NOT NULL REFERENCES files(id),
        PRIMARY KEY (run_id, file_id)
      ) WITHOUT ROWID;
      CREATE INDEX run_files_file ON run_files(file_id);
      CREATE TABLE reference_counters (
        owner_id TEXT NOT NULL REFERENCES users(id), year INTEGER NOT NULL, next INTEGER NOT NULL,
        PRIMARY KEY (owner_id, year)
      ) WITHOUT ROWID;
    `;
