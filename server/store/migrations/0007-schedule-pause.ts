/** A schedule can be paused (holidays, a list being fixed): no run date is planned while it is. */
export const sql = `
      ALTER TABLE run_definitions ADD COLUMN paused_at TEXT;
    `;
