/** Inserts text into a value at a selection, returning the new value and the caret after the insert. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}

/** The merge tag for a field name. */
export function mergeTag(field: string): string {
  return `{{${field}}}`;
}
