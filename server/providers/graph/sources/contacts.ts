import type { GraphApi } from '../client';
import { readAll, readPages } from '../paging';
import { buildQuery } from '../requests';
import type { RetryPolicy } from '../retry';
import { dateOnly, joined, text, type SourceRow } from './rows';

/** A contact as Graph returns the fields read here. */
interface GraphContact {
  id: string; displayName?: string; givenName?: string; surname?: string; title?: string; companyName?: string; department?: string;
  jobTitle?: string; birthday?: string; mobilePhone?: string; businessPhones?: string[]; homePhones?: string[];
  emailAddresses?: Array<{ address?: string; name?: string }>; categories?: string[];
  businessAddress?: { city?: string; state?: string; countryOrRegion?: string; postalCode?: string; street?: string };
}

const SELECT = [
  'id', 'displayName', 'givenName', 'surname', 'title', 'companyName', 'department', 'jobTitle', 'birthday', 'mobilePhone',
  'businessPhones', 'homePhones', 'emailAddresses', 'categories', 'businessAddress',
].join(',');

/** One row per contact; a contact's several addresses become email, email2, email3. */
export function contactRow(c: GraphContact): SourceRow {
  const emails = (c.emailAddresses ?? []).map((e) => e.address).filter((a): a is string => Boolean(a));
  return {
    id: c.id,
    displayName: text(c.displayName), givenName: text(c.givenName), surname: text(c.surname), title: text(c.title),
    email: emails[0] ?? null, email2: emails[1] ?? null, email3: emails[2] ?? null,
    companyName: text(c.companyName), department: text(c.department), jobTitle: text(c.jobTitle),
    birthday: dateOnly(c.birthday),
    mobilePhone: text(c.mobilePhone), businessPhone: c.businessPhones?.[0] ?? null, homePhone: c.homePhones?.[0] ?? null,
    city: text(c.businessAddress?.city), state: text(c.businessAddress?.state), country: text(c.businessAddress?.countryOrRegion),
    categories: joined(c.categories),
  };
}

/**
 * Every contact of the default Contacts folder, or of one contact folder, 1,000 a page (Outlook's
 * largest), following Graph's next links until the last page.
 */
export async function readContacts(api: GraphApi, retry: RetryPolicy, folderId?: string): Promise<SourceRow[]> {
  const base = folderId ? `/me/contactFolders/${encodeURIComponent(folderId)}/contacts` : '/me/contacts';
  const rows: SourceRow[] = [];
  for await (const page of readPages<GraphContact>(api, `${base}${buildQuery({ $select: SELECT, $top: 1000 })}`, retry)) {
    for (const c of page) rows.push(contactRow(c));
  }
  return rows;
}

/** The user's contact folders (below the default Contacts folder). */
export async function listContactFolders(api: GraphApi, retry: RetryPolicy): Promise<Array<{ id: string; name: string }>> {
  const folders = await readAll<{ id: string; displayName: string }>(api, `/me/contactFolders${buildQuery({ $top: 100 })}`, retry);
  return folders.map((f) => ({ id: f.id, name: f.displayName }));
}
