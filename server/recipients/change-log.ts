/**
 * A change-log list (person key, date, reason, old and new value) read into the entries that
 * `changedOn` rules join to a recipient list. Any uploaded list can serve, so its columns are
 * found by name unless the user names them.
 */
import type { ChangeLogColumns } from '../../shared/api';
import { isIsoDate } from '../../shared/audience';
import type { ChangeLogEntry } from '../../shared/audience';

type Cell = string | number | boolean | null;

// Header spellings per role, compared without case, spaces or punctuation.
const NAMES: Record<keyof ChangeLogColumns, string[]> = {
  personKey: ['personkey', 'person', 'email', 'eposta', 'mail', 'employeeid', 'employee', 'id', 'key'],
  date: ['date', 'changedate', 'changedon', 'effectivedate', 'tarih'],
  reason: ['reason', 'changereason', 'type', 'kind', 'neden'],
  oldValue: ['oldvalue', 'old', 'before', 'from', 'previous'],
  newValue: ['newvalue', 'new', 'after', 'to', 'current'],
};

const fold = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The log's columns: the ones given, the rest found by name; `missing` names a required one not found. */
export function resolveChangeLogColumns(
  names: readonly string[], given: Partial<ChangeLogColumns> = {},
): { ok: true; columns: ChangeLogColumns } | { ok: false; missing: keyof ChangeLogColumns; unknown?: string } {
  for (const [role, name] of Object.entries(given) as Array<[keyof ChangeLogColumns, string]>) {
    if (!names.includes(name)) return { ok: false, missing: role, unknown: name };
  }
  const find = (role: keyof ChangeLogColumns): string | undefined => {
    if (given[role]) return given[role];
    for (const wanted of NAMES[role]) {
      const hit = names.find((n) => fold(n) === wanted);
      if (hit) return hit;
    }
    return undefined;
  };
  const personKey = find('personKey');
  if (!personKey) return { ok: false, missing: 'personKey' };
  const date = find('date');
  if (!date) return { ok: false, missing: 'date' };
  const columns: ChangeLogColumns = { personKey, date };
  for (const role of ['reason', 'oldValue', 'newValue'] as const) {
    const name = find(role);
    if (name) columns[role] = name;
  }
  return { ok: true, columns };
}

function readDate(value: Cell | undefined): string | null {
  if (typeof value !== 'string') return null;
  const day = value.trim().slice(0, 10);
  return isIsoDate(day) ? day : null;
}

/** The log's rows as entries; rows without a person key or a real date are left out and counted. */
export function readChangeLog(rows: ReadonlyArray<Record<string, Cell>>, columns: ChangeLogColumns): { entries: ChangeLogEntry[]; unusable: number } {
  const entries: ChangeLogEntry[] = [];
  let unusable = 0;
  for (const row of rows) {
    const key = row[columns.personKey];
    const personKey = key === null || key === undefined ? '' : String(key).trim();
    const date = readDate(row[columns.date]);
    if (!personKey || !date) {
      unusable++;
      continue;
    }
    const reason = columns.reason ? row[columns.reason] : null;
    entries.push({
      personKey,
      date,
      reason: reason === null || reason === undefined ? null : String(reason),
      oldValue: columns.oldValue ? row[columns.oldValue] ?? null : null,
      newValue: columns.newValue ? row[columns.newValue] ?? null : null,
    });
  }
  return { entries, unusable };
}
