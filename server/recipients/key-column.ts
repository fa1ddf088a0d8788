/**
 * The column that names each person of a list, so rows marked by hand ("leave out", "include
 * anyway") still point at the same people after the list is replaced, refreshed from Outlook or
 * read again weeks later by a schedule. Positions cannot do that: a reordered file moves them.
 */

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;
type Column = { name: string; type: string };

/** What else decides the choice: the list's address column, and the key it had before this import. */
export interface KeyColumnHints {
  emailColumn?: string | null;
  previous?: string | null;
}

// Names (folded: lower case, no accents, letters and digits only) that say "this identifies a person":
// personnel numbers (sicil, табельный номер), national numbers (PESEL, TC kimlik, rodné číslo, СНИЛС), ids.
const IDENTIFIER_NAMES = new Set([
  'id', 'employeeid', 'employeeno', 'employeenr', 'employeenumber', 'empid', 'empno', 'staffid', 'staffno', 'staffnumber',
  'personnelid', 'personnelno', 'personnelnumber', 'personalnumber', 'personid', 'personalid', 'userid', 'contactid',
  'customerid', 'memberid', 'sicil', 'sicilno', 'sicilnumarasi', 'personelno', 'personelnumarasi', 'calisanno', 'tckn',
  'tcno', 'tckimlikno', 'kimlikno', 'tabnumber', 'tabno', 'tabelnumber', 'табельныйномер', 'табномер', 'табельный',
  'snils', 'снилс', 'инн', 'pesel', 'nrpracownika', 'numerpracownika', 'nrewidencyjny', 'osobnecislo', 'rodnecislo',
  'cislozamestnanca',
]);
/** Longer names starting with these are identifiers too (`Sicil No`, `PESEL pracownika`, `Табельный №`). */
const IDENTIFIER_STEMS = ['sicil', 'pesel', 'tckimlik', 'tabel', 'табельн', 'rodnecislo', 'osobnecislo'];
/** `customerId`, `contact_id`, `Kunden ID`: a name ending in a separate "id". */
const ID_SUFFIX = /(?:^|[^A-Za-z])id$|[a-z]Id$|[a-z]ID$/;
/** Dates and yes/no values are shared by many people whatever the list's size. */
const NEVER_KEYS = new Set(['date', 'boolean']);
/**
 * Other columns serve only when they hold addresses or phone numbers: a person's own. Names are
 * unique today and shared tomorrow (a second Ayşe), amounts differ by chance; marks then follow
 * positions, and the pane says so.
 */
const FALLBACK_TYPES = new Set(['email', 'phone']);

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a column's name says it identifies people. */
export function isIdentifierName(name: string): boolean {
  const folded = fold(name);
  return IDENTIFIER_NAMES.has(folded) || IDENTIFIER_STEMS.some((stem) => folded.startsWith(stem));
}

/** A cell as a mark's key, as the audience reads a `rowKey` column: trimmed text, null when empty. */
function keyOf(value: Cell | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : String(value);
  return text === '' ? null : text;
}

/** Whether every row has a value in the column and no two rows share one. */
export function isKeyColumn(rows: readonly Row[], column: string): boolean {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row[column]);
    if (key === null || seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** The columns worth trying, best first: identifiers by name, then `…Id` names, the address column, other address or phone columns. */
function candidates(columns: readonly Column[], emailColumn: string | null | undefined): string[] {
  const usable = columns.filter((c) => !NEVER_KEYS.has(c.type));
  const named = usable.filter((c) => isIdentifierName(c.name));
  const idLike = usable.filter((c) => ID_SUFFIX.test(c.name.trim()));
  const address = usable.filter((c) => c.name === emailColumn);
  const rest = usable.filter((c) => FALLBACK_TYPES.has(c.type));
  return [...new Set([...named, ...idLike, ...address, ...rest].map((c) => c.name))];
}

/**
 * The list's key column: the previous one while it still is one (so saved marks keep their
 * meaning), else the first column present and unique in every row, obvious identifiers first, then
 * the address column, then any other column of addresses or phone numbers. Null when no column qualifies:
 * marks then name rows by position.
 */
export function suggestKeyColumn(columns: readonly Column[], rows: readonly Row[], hints: KeyColumnHints = {}): string | null {
  const has = (name: string) => columns.some((c) => c.name === name && !NEVER_KEYS.has(c.type));
  if (hints.previous && has(hints.previous) && isKeyColumn(rows, hints.previous)) return hints.previous;
  return candidates(columns, hints.emailColumn).find((name) => isKeyColumn(rows, name)) ?? null;
}
