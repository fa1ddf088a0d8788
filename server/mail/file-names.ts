/**
 * How a file name written in a list cell finds its file in an uploaded set: ignoring case, Unicode
 * normalisation (macOS zips store "ş" decomposed) and any folder part, and treating Turkish dotted
 * and dotless i (İ ı) as i, so "IŞIK.pdf", "ışık.pdf" and "Işık.PDF" are the same file whichever
 * locale lower-cased them.
 */
export function fileKey(name: string): string {
  return baseName(name)
    .normalize('NFC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/\u0131/g, 'i')
    .normalize('NFC');
}

/** The last segment of a path written with `/` or `\`, trimmed. */
export function baseName(name: string): string {
  const trimmed = name.trim();
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1).trim();
}

/** The file names in one cell: several may be given, separated by `;`. */
export function fileNamesIn(cell: unknown): string[] {
  if (cell === null || cell === undefined) return [];
  return String(cell)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A file of a set, as name lookups need it. */
export interface NamedFile { id: string; name: string; contentType: string; size: number }

/**
 * Finds the file a cell names: by key; failing that, a name written without extension ("ayse")
 * matches the one file whose name without extension it is ("Ayşe.pdf" only if unambiguous).
 */
export function findNamedFile(files: Map<string, NamedFile>, written: string): NamedFile | undefined {
  const key = fileKey(written);
  const exact = files.get(key);
  if (exact || key.includes('.')) return exact;
  let found: NamedFile | undefined;
  for (const [fileKeyValue, file] of files) {
    if (fileKeyValue.slice(0, fileKeyValue.lastIndexOf('.')) !== key) continue;
    if (found) return undefined;
    found = file;
  }
  return found;
}
