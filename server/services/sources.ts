import type { CreateListFromSourceRequest, ListOrigin, ListSource, SourcesResponse } from '../../shared/api';
import { AppError } from '../errors';
import type { GraphMailbox } from '../providers/graph/graph-provider';
import type { RecipientSources, SourceRead } from '../providers/graph/sources/reader';
import type { Mailbox } from '../providers/mailbox';
import { convertCell } from '../recipients/import/cell-converter';
import { suggestKeyColumn } from '../recipients/key-column';
import type { Db } from '../store/db';
import { findList, insertList, replaceList, type ListContent, type ListRecord, type Row } from '../store/lists';

/** Every kind a Microsoft 365 mailbox offers. */
const KINDS: SourcesResponse['kinds'] = ['contacts', 'directory', 'group', 'draft'];

function unavailable(provider: string): AppError {
  return new AppError(
    'SOURCE_UNAVAILABLE',
    `Recipients from Outlook contacts, the directory, groups and drafts need Microsoft 365, and this server sends through its ${provider} mailbox. Upload a CSV or Excel file instead, or run the server in Microsoft 365 mode.`,
    { provider },
  );
}

/**
 * The user's recipient sources, read through their own Graph mailbox (so only what they may see).
 * The Graph readers are loaded only when used, as the rest of the Microsoft parts are.
 */
export async function openSources(mailbox: Mailbox): Promise<RecipientSources> {
  const graph = (mailbox as Partial<Pick<GraphMailbox, 'graph'>>).graph;
  if (mailbox.provider !== 'graph' || typeof graph !== 'function') throw unavailable(mailbox.provider);
  const { graphSources } = await import('../providers/graph/sources/reader');
  return graphSources(graph.call(mailbox));
}

/** `GET /api/sources`: the kinds, the contact folders and (with a prefix) the groups; on other mailboxes, why there are none. */
export async function describeSources(mailbox: Mailbox, groupPrefix: string | undefined): Promise<SourcesResponse> {
  let sources: RecipientSources;
  try {
    sources = await openSources(mailbox);
  } catch (err) {
    if (err instanceof AppError && err.code === 'SOURCE_UNAVAILABLE') {
      return { available: false, reason: err.message, kinds: [], contactFolders: [], groups: null };
    }
    throw err;
  }
  const [contactFolders, groups] = await Promise.all([
    sources.contactFolders(),
    groupPrefix ? sources.groups(groupPrefix) : Promise.resolve(null),
  ]);
  return { available: true, reason: null, kinds: KINDS, contactFolders, groups };
}

/** Cells typed and checked as an upload's are (an address that is not one is a row problem); every row has every column. */
function contentOf(read: SourceRead): { rows: Row[]; problems: ListRecord['problems'] } {
  const problems: ListRecord['problems'] = [];
  const rows = read.rows.map((source, i) => {
    const row: Row = {};
    for (const column of read.columns) {
      const converted = convertCell(source[column.name] ?? null, { type: column.type, slashOrder: 'dmy', decimalMark: undefined, date1904: false });
      row[column.name] = converted.value;
      if (converted.problem) problems.push({ row: i + 1, column: column.name, ...converted.problem });
    }
    return row;
  });
  return { rows, problems };
}

/** The columns a list of this read has, its address and mobile columns (kept when the list's own choice still exists), its key column. */
function listContent(read: SourceRead, origin: ListOrigin, problems: ListRecord['problems'], rows: Row[], current?: ListRecord): ListContent {
  const has = (name: string | null | undefined): name is string => Boolean(name) && read.columns.some((c) => c.name === name);
  const emailColumn = has(current?.emailColumn) ? current.emailColumn : 'email';
  const phone = has('mobilePhone') ? 'mobilePhone' : null;
  const phoneColumn = current ? (current.phoneColumn === null || has(current.phoneColumn) ? current.phoneColumn : phone) : phone;
  return {
    fileName: null, columns: read.columns.map((c) => ({ name: c.name, type: c.type })), emailColumn, phoneColumn,
    problems, meta: { ...current?.meta, import: undefined, origin, keyColumn: suggestKeyColumn(read.columns, rows, { emailColumn, previous: current?.meta.keyColumn }) },
  };
}

function defaultName(source: ListSource, label: string | null): string {
  const name = source.kind === 'contacts' ? (label ? `Contacts: ${label}` : 'Outlook contacts')
    : source.kind === 'directory' ? 'Directory'
    : source.kind === 'group' ? `Group: ${label ?? source.groupId}`
    : label ? `Recipients of "${label}"` : 'Draft recipients';
  return name.slice(0, 200);
}

function emptySource(source: ListSource, label: string | null): AppError {
  const what = source.kind === 'draft' ? 'The draft has no To or Cc recipients yet: add them in Outlook, save, then try again.'
    : source.kind === 'contacts' ? `${label ? `The contact folder "${label}"` : 'Your Contacts folder'} has no contacts.`
    : source.kind === 'group' ? `The group "${label ?? source.groupId}" has no members who are people.`
    : 'The directory has no users you can see.';
  return new AppError('IMPORT_FAILED', what, { reason: 'EMPTY_SOURCE', source });
}

/**
 * Reads a source and saves it as one of the owner's lists: the same store, columns and row checks
 * as an uploaded file, so filters, address columns and runs treat it alike. The list remembers its
 * source, to be read again by `refreshSourceList`. An empty source is refused: no run could use it.
 */
export async function createListFromSource(db: Db, ownerId: string, mailbox: Mailbox, req: CreateListFromSourceRequest): Promise<ListRecord> {
  const read = await (await openSources(mailbox)).read(req.source);
  if (read.rows.length === 0) throw emptySource(req.source, read.label);
  const { rows, problems } = contentOf(read);
  const origin: ListOrigin = { source: read.source ?? req.source, label: read.label, readAt: new Date().toISOString() };
  const content = listContent(read, origin, problems, rows);
  return insertList(db, { ownerId, name: req.name ?? defaultName(req.source, read.label), source: 'outlook', ...content }, rows);
}

/**
 * Reads a list's source again and replaces its rows, keeping its id, name, chosen columns and
 * change-log link; runs already planned keep their frozen recipients. A list from a file cannot be
 * refreshed (INVALID_STATE). The rows may now be none: the source is still the list's.
 */
export async function refreshSourceList(db: Db, ownerId: string, mailbox: Mailbox, listId: string): Promise<ListRecord> {
  const list = findList(db, ownerId, listId);
  if (!list) throw new AppError('NOT_FOUND', `There is no list with id "${listId}".`);
  const origin = list.meta.origin;
  if (!origin) {
    throw new AppError('INVALID_STATE', `"${list.name}" was not read from Microsoft 365, so it cannot be refreshed: upload its file again instead (PUT /api/lists/${listId}).`, { reason: 'NOT_FROM_SOURCE' });
  }
  const read = await (await openSources(mailbox)).read(origin.source);
  const { rows, problems } = contentOf(read);
  // No await from here on: the list as it is now (settings changed meanwhile, or deleted) is what gets replaced.
  const current = findList(db, ownerId, listId);
  if (!current) throw new AppError('NOT_FOUND', `There is no list with id "${listId}".`);
  const next = listContent(read, { ...origin, source: read.source ?? origin.source, label: read.label, readAt: new Date().toISOString() }, problems, rows, current);
  return replaceList(db, ownerId, listId, next, rows) as ListRecord;
}
