import { AppError } from '../../../errors';
import { runBatches } from '../batch';
import type { GraphApi } from '../client';
import { readPages } from '../paging';
import { buildQuery } from '../requests';
import type { RetryPolicy } from '../retry';
import { dateOnly, text, type SourceRow } from './rows';

/** A directory user as Graph returns the fields read here. */
export interface GraphUserRecord {
  id: string; displayName?: string; givenName?: string; surname?: string; mail?: string; userPrincipalName?: string; jobTitle?: string;
  department?: string; companyName?: string; officeLocation?: string; city?: string; country?: string; mobilePhone?: string;
  businessPhones?: string[]; employeeId?: string; employeeHireDate?: string; preferredLanguage?: string; accountEnabled?: boolean;
}

/** Fields a user list may select (birthday and hireDate are not among them: Graph serves those per user only). */
export const USER_SELECT = [
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'companyName', 'officeLocation',
  'city', 'country', 'mobilePhone', 'businessPhones', 'employeeId', 'employeeHireDate', 'preferredLanguage', 'accountEnabled',
].join(',');

/** One row per user; `email` is the mailbox address, else the sign-in name. */
export function userRow(u: GraphUserRecord): SourceRow {
  return {
    id: u.id, displayName: text(u.displayName), givenName: text(u.givenName), surname: text(u.surname),
    email: text(u.mail) ?? text(u.userPrincipalName), userPrincipalName: text(u.userPrincipalName),
    jobTitle: text(u.jobTitle), department: text(u.department), companyName: text(u.companyName), officeLocation: text(u.officeLocation),
    city: text(u.city), country: text(u.country), mobilePhone: text(u.mobilePhone), businessPhone: u.businessPhones?.[0] ?? null,
    employeeId: text(u.employeeId), employeeHireDate: dateOnly(u.employeeHireDate), preferredLanguage: text(u.preferredLanguage),
  };
}

/**
 * Adds `birthday` and `hireDate` to user rows. Graph returns them only for one user at a time
 * (a list that selects them fails), so they are read per user, 20 to a `$batch`, each throttled
 * inner request retried after its own Retry-After. A user deleted meanwhile (404) gets nulls; any
 * other failure fails the read with what went wrong, since a list whose birthdays are silently
 * missing would quietly stop a birthday schedule.
 */
export async function addBirthdays(api: GraphApi, retry: RetryPolicy, rows: SourceRow[]): Promise<SourceRow[]> {
  const replies = await runBatches(
    api,
    rows.map((r, i) => ({ id: String(i), method: 'GET' as const, url: `/users/${encodeURIComponent(String(r.id))}?$select=id,birthday,hireDate` })),
    retry,
  );
  const failed = rows.map((_, i) => replies.get(String(i))).filter((reply) => !reply || (reply.status !== 200 && reply.status !== 404));
  if (failed.length > 0) {
    const first = failed[0];
    const denied = first?.status === 403;
    const code = (first?.body as { error?: { code?: string } } | undefined)?.error?.code;
    throw new AppError(
      denied ? 'FORBIDDEN' : 'PROVIDER_FAILED',
      `Microsoft 365 did not give the birthday and hire date of ${failed.length} of ${rows.length} people (HTTP ${first?.status ?? 'no answer'}${code ? ` ${code}` : ''}). `
        + (denied ? 'Reading them needs the User.Read.All permission with admin consent (see docs/deploy.md).' : 'Try again in a few minutes.'),
      { failed: failed.length, of: rows.length, status: first?.status ?? null, providerCode: code ?? null },
    );
  }
  return rows.map((r, i) => {
    const reply = replies.get(String(i));
    const body = reply?.status === 200 ? (reply.body as { birthday?: string; hireDate?: string }) : {};
    return { ...r, birthday: dateOnly(body.birthday), hireDate: dateOnly(body.hireDate) };
  });
}

/** Users of the directory (999 a page), optionally with birthday and hireDate. */
export async function readDirectoryUsers(api: GraphApi, retry: RetryPolicy, options: { withDates?: boolean } = {}): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const page of readPages<GraphUserRecord>(api, `/users${buildQuery({ $select: USER_SELECT, $top: 999 })}`, retry)) {
    // A disabled account (someone who has left) is nobody to greet.
    for (const u of page) if (u.accountEnabled !== false) rows.push(userRow(u));
  }
  return options.withDates ? addBirthdays(api, retry, rows) : rows;
}
