/**
 * Stored files are deleted after a while without use. The sweep finds single files by age without
 * reading their rows (a row's created_at sits after its bytes, so a table scan would read every
 * file), and a zip's runs by its set without scanning every run's message.
 */
export const sql = `
      CREATE INDEX files_single_created ON files(created_at) WHERE set_id IS NULL;
      CREATE INDEX run_messages_file_set ON run_messages(file_set_id) WHERE file_set_id IS NOT NULL;
    `;
