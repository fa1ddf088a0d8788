import type { GraphApi } from '../client';
import { readAll, readPages } from '../paging';
import { buildQuery, quoteOData } from '../requests';
import type { RetryPolicy } from '../retry';
import { addBirthdays, USER_SELECT, userRow, type GraphUserRecord } from './directory';
import type { SourceRow } from './rows';

/** Groups whose name starts with `prefix` (all groups without one), for choosing a source. */
export async function listGroups(api: GraphApi, retry: RetryPolicy, prefix?: string): Promise<Array<{ id: string; name: string; mail: string | null }>> {
  const filter = prefix ? `startswith(displayName,${quoteOData(prefix)})` : undefined;
  const groups = await readAll<{ id: string; displayName: string; mail?: string | null }>(
    api, `/groups${buildQuery({ $select: 'id,displayName,mail', $filter: filter, $top: 999 })}`, retry,
  );
  return groups.map((g) => ({ id: g.id, name: g.displayName, mail: g.mail ?? null }));
}

/**
 * The people of a group, nested groups included, each once: Graph's `transitiveMembers` cast to
 * users, so member groups, devices and contacts are left out by Graph itself.
 */
export async function readGroupMembers(api: GraphApi, retry: RetryPolicy, groupId: string, options: { withDates?: boolean } = {}): Promise<SourceRow[]> {
  const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user${buildQuery({ $select: USER_SELECT, $top: 999 })}`;
  const rows: SourceRow[] = [];
  const seen = new Set<string>();
  for await (const page of readPages<GraphUserRecord>(api, path, retry)) {
    for (const u of page) {
      if (seen.has(u.id) || u.accountEnabled === false) continue;
      seen.add(u.id);
      rows.push(userRow(u));
    }
  }
  return options.withDates ? addBirthdays(api, retry, rows) : rows;
}
