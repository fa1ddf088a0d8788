import type { ListSummary, SetChangeLogRequest, UpdateListRequest, UploadListQuery } from '../../shared/api';
import { AppError } from '../errors';
import { resolveChangeLogColumns } from '../recipients/change-log';
import { ALL_COMPANY_ADDRESSES, COMPANY_TYPE_VALUES, companyKindOf } from '../recipients/company-choice';
import { ImportError, parseRecipientFile, type ParsedList } from '../recipients/import';
import { suggestKeyColumn } from '../recipients/key-column';
import type { Db } from '../store/db';
import { employeeChangeLog, employeesAsRows, flattenCompanies, sampleCompanies, sampleEmployees } from '../recipients/sample';
import { findList, findSampleList, insertList, readRows, replaceList, updateList, type ListMeta, type ListRecord, type Row } from '../store/lists';

/** The API's view of a stored list. */
export function presentList(l: ListRecord): ListSummary {
  return {
    id: l.id, name: l.name, source: l.source, fileName: l.fileName, columns: l.columns, emailColumn: l.emailColumn,
    phoneColumn: l.phoneColumn, rowCount: l.rowCount, problems: l.problems.slice(0, 200),
    companies: l.meta.companies ?? null, changeLog: l.meta.changeLog ?? null, import: l.meta.import ?? null, origin: l.meta.origin ?? null,
    keyColumn: l.meta.keyColumn ?? null, createdAt: l.createdAt, updatedAt: l.updatedAt,
  };
}

/** An uploaded file and how to read it: the upload query's overrides. */
export type UploadInput = Omit<UploadListQuery, 'fileName'> & { bytes: Uint8Array; fileName: string };

/** The owner's list, or NOT_FOUND. */
function requireOwnList(db: Db, ownerId: string, listId: string): ListRecord {
  const list = findList(db, ownerId, listId);
  if (!list) throw new AppError('NOT_FOUND', `There is no list with id "${listId}".`);
  return list;
}

/** A bad field of a body or query, reported as the validation middleware reports one. */
function invalid(where: 'body' | 'query', path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${path}: ${message}`, { issues: [{ path, message }] });
}

async function parseUpload(input: UploadInput): Promise<ParsedList> {
  try {
    return await parseRecipientFile({
      bytes: input.bytes, fileName: input.fileName, encoding: input.encoding, delimiter: input.delimiter,
      headerRow: input.headerRow, sheet: input.sheet, columnTypes: input.columnTypes,
    });
  } catch (err) {
    if (err instanceof ImportError) throw new AppError('IMPORT_FAILED', err.message, { importCode: err.code, ...err.details });
    throw err;
  }
}

/**
 * The address column: the one asked for, else the previous file's if it is still there, else the
 * guess. Only a change log may have none.
 */
function chooseEmailColumn(parsed: ParsedList, input: UploadInput, previous: string | null | undefined, required: boolean): string | null {
  const names = parsed.columns.map((c) => c.name);
  const column = input.emailColumn ?? (previous && names.includes(previous) ? previous : parsed.emailColumn);
  if (column && names.includes(column)) return column;
  if (!required && input.emailColumn === undefined) return null;
  throw new AppError(
    'NO_EMAIL_COLUMN',
    input.emailColumn
      ? `${input.fileName}: there is no column "${input.emailColumn}"; the columns are ${names.join(', ')}.`
      : `${input.fileName}: no column holds e-mail addresses. Add a column such as "email" (columns found: ${names.join(', ')}).`,
    { fileName: input.fileName, columns: names },
  );
}

/** The phone column: the one asked for, else the previous one if still there, else the first of type phone. */
function choosePhoneColumn(parsed: ParsedList, input: UploadInput, previous?: string | null): string | null {
  const names = parsed.columns.map((c) => c.name);
  if (input.phoneColumn !== undefined) {
    if (!names.includes(input.phoneColumn)) throw invalid('query', 'phoneColumn', `there is no column "${input.phoneColumn}"; the columns are ${names.join(', ')}`);
    return input.phoneColumn;
  }
  if (previous && names.includes(previous)) return previous;
  return parsed.columns.find((c) => c.type === 'phone')?.name ?? null;
}

function importMeta(parsed: ParsedList, keep: ListMeta = {}): ListMeta {
  const names = parsed.columns.map((c) => c.name);
  const companies = keep.companies && names.includes(keep.companies.typeColumn) ? keep.companies : undefined;
  return {
    ...(companies ? { companies } : {}),
    ...(keep.changeLog ? { changeLog: keep.changeLog } : {}),
    import: { format: parsed.format, encoding: parsed.encoding, delimiter: parsed.delimiter, sheet: parsed.sheet, headerRow: parsed.headerRow },
  };
}

function contentOf(parsed: ParsedList, input: UploadInput, previous: ListRecord | undefined, addressRequired: boolean) {
  const emailColumn = chooseEmailColumn(parsed, input, previous?.emailColumn, addressRequired);
  const keyColumn = suggestKeyColumn(parsed.columns, parsed.rows, { emailColumn, previous: previous?.meta.keyColumn });
  return {
    fileName: input.fileName, columns: parsed.columns.map((c) => ({ name: c.name, type: c.type })), emailColumn,
    phoneColumn: choosePhoneColumn(parsed, input, previous?.phoneColumn), problems: parsed.problems,
    meta: { ...importMeta(parsed, previous?.meta), keyColumn },
  };
}

/**
 * Parses an uploaded CSV/XLSX and saves it as a list. An unusable file is refused with what and
 * where; a file without an address column is refused too, since no run could use it. Nothing is
 * stored unless the whole list is.
 */
export async function importList(db: Db, ownerId: string, input: UploadInput): Promise<ListRecord> {
  if (input.changeLogFor !== undefined) return importChangeLog(db, ownerId, input, input.changeLogFor);
  const parsed = await parseUpload(input);
  return insertList(db, { ownerId, name: input.name ?? input.fileName, source: 'upload', ...contentOf(parsed, input, undefined, true) }, parsed.rows);
}

/** Imports a change log for another list and links it, in one transaction: both happen or neither. */
async function importChangeLog(db: Db, ownerId: string, input: UploadInput, targetId: string): Promise<ListRecord> {
  requireOwnList(db, ownerId, targetId);
  const parsed = await parseUpload(input);
  return db.transaction(() => {
    const log = insertList(db, { ownerId, name: input.name ?? input.fileName, source: 'upload', ...contentOf(parsed, input, undefined, false) }, parsed.rows);
    setChangeLog(db, ownerId, targetId, { changeLogListId: log.id, personKeyField: input.personKeyField }, 'query');
    return log;
  })();
}

/**
 * Replaces a list's file, keeping its id, name (unless given), chosen columns where the new file
 * still has them, and its change-log link. Runs already planned keep their frozen values.
 */
export async function replaceListFile(db: Db, ownerId: string, listId: string, input: UploadInput): Promise<ListRecord> {
  const current = requireOwnList(db, ownerId, listId);
  if (current.meta.origin) {
    throw new AppError('INVALID_STATE', `"${current.name}" is read from Microsoft 365: refresh it instead, or upload the file as a new list.`, { reason: 'FROM_SOURCE' });
  }
  const parsed = await parseUpload(input);
  const content = contentOf(parsed, input, current, current.emailColumn !== null);
  const next = replaceList(db, ownerId, listId, { ...content, name: input.name }, parsed.rows);
  if (!next) throw new AppError('NOT_FOUND', `There is no list with id "${listId}".`);
  return next;
}

/** Renames a list or chooses its address, phone or company-type column. */
export function updateListSettings(db: Db, ownerId: string, listId: string, req: UpdateListRequest): ListRecord {
  const list = requireOwnList(db, ownerId, listId);
  const has = (name: string) => list.columns.some((c) => c.name === name);
  const names = list.columns.map((c) => c.name).join(', ');
  for (const key of ['emailColumn', 'phoneColumn', 'companyTypeColumn'] as const) {
    const name = req[key];
    if (typeof name === 'string' && !has(name)) throw invalid('body', key, `the list has no column "${name}"; the columns are ${names}`);
  }
  const meta: ListMeta = { ...list.meta };
  if (req.companyTypeColumn === null) delete meta.companies;
  else if (req.companyTypeColumn !== undefined) meta.companies = checkCompanyColumn(db, list, req.companyTypeColumn);
  return updateList(db, ownerId, listId, {
    name: req.name ?? list.name,
    emailColumn: req.emailColumn ?? list.emailColumn,
    phoneColumn: req.phoneColumn === undefined ? list.phoneColumn : req.phoneColumn,
    meta,
  })!;
}

function checkCompanyColumn(db: Db, list: ListRecord, typeColumn: string): { typeColumn: string } {
  const stmt = db.prepare('SELECT data FROM list_rows WHERE list_id = ?').pluck();
  for (const data of stmt.iterate(list.id) as Iterable<string>) {
    if (companyKindOf((JSON.parse(data) as Record<string, string>)[typeColumn]) !== null) return { typeColumn };
  }
  throw invalid('body', 'companyTypeColumn', `no row's "${typeColumn}" says ${COMPANY_TYPE_VALUES.join(', ')}`);
}

/** Marks another of the owner's lists as this list's change log, for `changedOn` rules. */
export function setChangeLog(db: Db, ownerId: string, listId: string, req: SetChangeLogRequest, where: 'body' | 'query' = 'body'): ListRecord {
  const list = requireOwnList(db, ownerId, listId);
  if (req.changeLogListId === listId) throw invalid(where, 'changeLogListId', 'a list cannot be its own change log');
  const log = requireOwnList(db, ownerId, req.changeLogListId);
  const personKeyField = req.personKeyField ?? list.emailColumn;
  if (!personKeyField || !list.columns.some((c) => c.name === personKeyField)) {
    throw invalid(where, 'personKeyField', `the list "${list.name}" has no column "${personKeyField ?? ''}" to join the log by`);
  }
  const found = resolveChangeLogColumns(log.columns.map((c) => c.name), req.columns);
  if (!found.ok) {
    throw invalid(where, `columns.${found.missing}`, found.unknown
      ? `the change log "${log.name}" has no column "${found.unknown}"`
      : `no column of "${log.name}" looks like the ${found.missing}; name it in columns.${found.missing}`);
  }
  return updateList(db, ownerId, listId, { meta: { ...list.meta, changeLog: { listId: log.id, personKeyField, columns: found.columns } } })!;
}

/** Removes a list's change-log link (the log list itself stays). */
export function clearChangeLog(db: Db, ownerId: string, listId: string): ListRecord {
  const list = requireOwnList(db, ownerId, listId);
  const { changeLog: _dropped, ...meta } = list.meta;
  return updateList(db, ownerId, listId, { meta })!;
}

const SAMPLE_EMPLOYEES = 'Sample: employees';
const SAMPLE_CHANGES = 'Sample: employee changes';
const SAMPLE_CONTACTS = 'Sample: client contacts';
const CHANGE_COLUMNS = { personKey: 'personKey', date: 'date', reason: 'reason', oldValue: 'oldValue', newValue: 'newValue' };

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

function sampleList(ownerId: string, name: string, rows: Row[], meta: ListMeta = {}) {
  const columns = columnsOf(rows);
  const has = (c: string) => columns.some((col) => col.name === c);
  const emailColumn = has('email') ? 'email' : null;
  return {
    ownerId, name, source: 'sample' as const, fileName: null, columns, emailColumn,
    phoneColumn: has('phone') ? 'phone' : null, problems: [], meta: { ...meta, keyColumn: suggestKeyColumn(columns, rows, { emailColumn }) },
  };
}

/**
 * A list saved before lists had a key column gets one, once (null when none qualifies), so marks
 * made on it from now on follow people. Returns the list as stored.
 */
export function withKeyColumn(db: Db, list: ListRecord): ListRecord {
  if (list.meta.keyColumn !== undefined) return list;
  const keyColumn = suggestKeyColumn(list.columns, readRows(db, list.id), { emailColumn: list.emailColumn });
  return updateList(db, list.ownerId, list.id, { meta: { ...list.meta, keyColumn } }) ?? list;
}

/**
 * Gives a user the sample lists the first time, so a fresh install has data: the employees with
 * their change log (linked, for "salary changed on" notices), and the client companies with every
 * kind of address so each run chooses general / default contact / other contacts. Sample lists
 * seeded before these existed are brought up to date in place (same ids).
 */
export function seedSampleLists(db: Db, ownerId: string): void {
  const staff = sampleEmployees();
  const changeRows = employeeChangeLog(staff) as unknown as Row[];
  const changes = findSampleList(db, ownerId, SAMPLE_CHANGES) ?? insertList(db, sampleList(ownerId, SAMPLE_CHANGES, changeRows), changeRows);
  const changeLog = { listId: changes.id, personKeyField: 'email', columns: CHANGE_COLUMNS };
  const employees = findSampleList(db, ownerId, SAMPLE_EMPLOYEES);
  if (!employees) {
    const rows = employeesAsRows(staff) as unknown as Row[];
    insertList(db, sampleList(ownerId, SAMPLE_EMPLOYEES, rows, { changeLog }), rows);
  } else if (!employees.meta.changeLog || !findList(db, ownerId, employees.meta.changeLog.listId)) {
    updateList(db, ownerId, employees.id, { meta: { ...employees.meta, changeLog } });
  }
  const contacts = findSampleList(db, ownerId, SAMPLE_CONTACTS);
  if (!contacts || !contacts.meta.companies) {
    const rows = flattenCompanies(sampleCompanies(), ALL_COMPANY_ADDRESSES) as unknown as Row[];
    const list = sampleList(ownerId, SAMPLE_CONTACTS, rows, { companies: { typeColumn: 'recipientType' } });
    if (contacts) replaceList(db, ownerId, contacts.id, list, rows);
    else insertList(db, list, rows);
  }
  for (const name of [SAMPLE_EMPLOYEES, SAMPLE_CHANGES, SAMPLE_CONTACTS]) {
    const seeded = findSampleList(db, ownerId, name);
    if (seeded) withKeyColumn(db, seeded);
  }
}
