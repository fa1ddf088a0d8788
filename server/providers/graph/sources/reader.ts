import type { GroupChoice, ListSource } from '../../../../shared/api';
import { AppError } from '../../../errors';
import type { GraphApi } from '../client';
import { DRAFT_VISIBLE_DELAYS_MS } from '../draft';
import { isNotFound, toAppError } from '../errors';
import { buildQuery } from '../requests';
import { withRetry, type RetryPolicy } from '../retry';
import { listContactFolders, readContacts } from './contacts';
import { readDirectoryUsers } from './directory';
import { readDraftRecipients } from './draft-recipients';
import { listGroups, readGroupMembers } from './groups';
import type { SourceRow } from './rows';

/** A column of a source's rows and its type, as an import would have typed it. */
export interface SourceColumn { name: string; type: 'text' | 'email' | 'date' | 'phone' }

/** What reading a source gave: its rows (every row has every column), and what the source is called there. */
/** What a source gave; `source` is how to read it again when that differs from how it was asked for (a draft's immutable id). */
export interface SourceRead { columns: SourceColumn[]; rows: SourceRow[]; label: string | null; source?: ListSource }

/** The recipient sources of one signed-in user's Microsoft 365, read with their own token. */
export interface RecipientSources {
  contactFolders(): Promise<Array<{ id: string; name: string }>>;
  groups(prefix: string): Promise<GroupChoice[]>;
  read(source: ListSource): Promise<SourceRead>;
}

const typed = (names: string, type: SourceColumn['type']) => names.split(' ').map((name) => ({ name, type }));

/** Contact fields, in the order a list shows them; Outlook's id (stable, for marks by key) last. */
export const CONTACT_COLUMNS: SourceColumn[] = [
  ...typed('displayName givenName surname title', 'text'), ...typed('email email2 email3', 'email'),
  ...typed('companyName department jobTitle', 'text'), ...typed('birthday', 'date'),
  ...typed('mobilePhone businessPhone homePhone', 'phone'), ...typed('city state country categories id', 'text'),
];

/** Directory user fields (a group's members have the same), birthday and hire date included; the user's id last. */
export const USER_COLUMNS: SourceColumn[] = [
  ...typed('displayName givenName surname', 'text'), ...typed('email', 'email'),
  ...typed('userPrincipalName jobTitle department companyName officeLocation city country', 'text'),
  ...typed('mobilePhone businessPhone', 'phone'), ...typed('employeeId', 'text'),
  ...typed('birthday hireDate employeeHireDate', 'date'), ...typed('preferredLanguage id', 'text'),
];

/** A draft's addressees. */
export const DRAFT_COLUMNS: SourceColumn[] = [...typed('email', 'email'), ...typed('name recipientType', 'text')];

/** Runs a Graph read for the user: a missing folder, group or draft is NOT_FOUND, anything else a coded error. */
async function reading<T>(missing: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) throw new AppError('NOT_FOUND', missing);
    throw toAppError(err);
  }
}

/** The Graph recipient sources of the user whose token `api` carries. */
export function graphSources(graph: { api: GraphApi; retry: RetryPolicy; draftDelaysMs?: readonly number[] }): RecipientSources {
  const { api, retry, draftDelaysMs = DRAFT_VISIBLE_DELAYS_MS } = graph;
  const nameOf = (path: string) => withRetry(retry, () => api.get<{ displayName?: string }>(`${path}${buildQuery({ $select: 'id,displayName' })}`))
    .then((found) => found.displayName ?? null);

  const readSource = async (source: ListSource): Promise<SourceRead> => {
    switch (source.kind) {
      case 'contacts': {
        const label = source.folderId ? await nameOf(`/me/contactFolders/${encodeURIComponent(source.folderId)}`) : null;
        return { columns: CONTACT_COLUMNS, rows: await readContacts(api, retry, source.folderId), label };
      }
      case 'directory':
        return { columns: USER_COLUMNS, rows: await readDirectoryUsers(api, retry, { withDates: true }), label: null };
      case 'group': {
        const label = await nameOf(`/groups/${encodeURIComponent(source.groupId)}`);
        return { columns: USER_COLUMNS, rows: await readGroupMembers(api, retry, source.groupId, { withDates: true }), label };
      }
      case 'draft': {
        const draft = await readDraftRecipients(api, retry, source.itemId, draftDelaysMs);
        // Remember the immutable id: the REST id the pane gave changes once the draft is sent.
        return { columns: DRAFT_COLUMNS, rows: draft.rows, label: draft.subject || null, source: { kind: 'draft', itemId: draft.id ?? source.itemId } };
      }
    }
  };

  return {
    contactFolders: () => reading('The contact folders could not be found.', () => listContactFolders(api, retry)),
    async groups(prefix) {
      const found = await reading('The groups could not be found.', () => listGroups(api, retry, prefix));
      return found.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 50);
    },
    read: (source) => reading(missingMessage(source), () => readSource(source)),
  };
}

function missingMessage(source: ListSource): string {
  switch (source.kind) {
    case 'contacts': return source.folderId
      ? `There is no contact folder with id "${source.folderId}" in your mailbox; choose one of GET /api/sources's contactFolders.`
      : 'Your Contacts folder could not be found.';
    case 'group': return `There is no group with id "${source.groupId}" that you can see; search with GET /api/sources?q=.`;
    case 'draft': return `There is no draft with id "${source.itemId}" in your mailbox.`;
    default: return 'The directory could not be found.';
  }
}
