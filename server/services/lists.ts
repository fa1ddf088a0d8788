import type { ListSummary } from '../../shared/api';
import { AppError } from '../errors';
import { ImportError, parseRecipientFile } from '../recipients/import';
import { employeesAsRows, flattenCompanies, sampleCompanies, sampleEmployees } from '../recipients/sample';
import type { Db } from '../store/db';
import { hasSampleList, insertList, type ListRecord, type Row } from '../store/lists';

/** The API's view of a stored list. */
export function presentList(l: ListRecord): ListSummary {
  return {
    id: l.id, name: l.name, source: l.source, fileName: l.fileName, columns: l.columns, emailColumn: l.emailColumn,
    rowCount: l.rowCount, problems: l.problems.slice(0, 200), createdAt: l.createdAt,
  };
}

/**
 * Parses an uploaded CSV/XLSX and saves it as a list. An unusable file is refused with what and
 * where; a file without an address column is refused too, since no run could use it. Nothing is
 * stored unless the whole list is.
 */
export async function importList(
  db: Db, ownerId: string, input: { bytes: Uint8Array; fileName: string; name?: string; emailColumn?: string },
): Promise<ListRecord> {
  let parsed;
  try {
    parsed = await parseRecipientFile({ bytes: input.bytes, fileName: input.fileName });
  } catch (err) {
    if (err instanceof ImportError) throw new AppError('IMPORT_FAILED', err.message, { importCode: err.code, ...err.details });
    throw err;
  }
  const names = parsed.columns.map((c) => c.name);
  const emailColumn = input.emailColumn ?? parsed.emailColumn;
  if (!emailColumn || !names.includes(emailColumn)) {
    throw new AppError(
      'NO_EMAIL_COLUMN',
      input.emailColumn
        ? `${input.fileName}: there is no column "${input.emailColumn}"; the columns are ${names.join(', ')}.`
        : `${input.fileName}: no column holds e-mail addresses. Add a column such as "email" (columns found: ${names.join(', ')}).`,
      { fileName: input.fileName, columns: names },
    );
  }
  return insertList(db, {
    ownerId, name: input.name ?? input.fileName, source: 'upload', fileName: input.fileName,
    columns: parsed.columns.map((c) => ({ name: c.name, type: c.type })), emailColumn, problems: parsed.problems,
  }, parsed.rows);
}

const SAMPLE_EMPLOYEES = 'Sample: employees';
const SAMPLE_CONTACTS = 'Sample: client contacts';

function columnsOf(rows: Row[]): ListRecord['columns'] {
  const first = rows[0] ?? {};
  return Object.keys(first).map((name) => {
    const v = rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
    const type = name.toLowerCase().includes('email') ? 'email'
      : typeof v === 'number' ? 'number'
      : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date'
      : name === 'phone' ? 'phone' : 'text';
    return { name, type };
  });
}

/** Gives a user the sample lists (employees, client contacts) the first time, so a fresh install has data. */
export function seedSampleLists(db: Db, ownerId: string): void {
  if (!hasSampleList(db, ownerId, SAMPLE_EMPLOYEES)) {
    const rows = employeesAsRows(sampleEmployees()) as unknown as Row[];
    insertList(db, { ownerId, name: SAMPLE_EMPLOYEES, source: 'sample', fileName: null, columns: columnsOf(rows), emailColumn: 'email', problems: [] }, rows);
  }
  if (!hasSampleList(db, ownerId, SAMPLE_CONTACTS)) {
    const rows = flattenCompanies(sampleCompanies(), { general: true, defaultContact: true, otherContacts: false }) as unknown as Row[];
    insertList(db, { ownerId, name: SAMPLE_CONTACTS, source: 'sample', fileName: null, columns: columnsOf(rows), emailColumn: 'email', problems: [] }, rows);
  }
}
