/** The previous and next rows with warnings around `index`, from the ascending list the server sends. */
export function warningNeighbours(rows: readonly number[], index: number): { previous: number | null; next: number | null } {
  let previous: number | null = null;
  for (const row of rows) {
    if (row < index) previous = row;
    else if (row > index) return { previous, next: row };
  }
  return { previous, next: null };
}
