import { describe, expect, it } from 'vitest';
import type { GraphApi } from './client';
import { GraphMessages } from './messages';
import { DEFAULT_RETRY } from './retry';

const message = (n: number) => ({ id: `m${n}`, subject: `Hello ${n}`, toRecipients: [{ emailAddress: { address: `p${n}@example.test` } }], sentDateTime: '2026-03-10T08:00:00Z' });

/** A Graph that answers every list with the given page and remembers what was asked. */
function graphAnswering(page: Record<string, unknown>) {
  const asked: string[] = [];
  const api = { get: async (path: string) => (asked.push(path), page) } as unknown as GraphApi;
  return { api, asked };
}

describe('listing a Graph folder', () => {
  it('continues after a short page where Graph\'s $skip left off, so nothing is shown twice or skipped', async () => {
    // Graph counted 3 non-message items among the first 10 and returned 7 messages, with a next link.
    const { api, asked } = graphAnswering({ value: [1, 2, 3, 4, 5, 6, 7].map(message), '@odata.count': 25, '@odata.nextLink': 'https://graph.example/next' });
    const page = await new GraphMessages(api, DEFAULT_RETRY).list('inbox', { offset: 10, limit: 10 });
    expect(page.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(page.nextOffset).toBe(20);
    expect(page.total).toBe(25);
    expect(asked).toHaveLength(1);
    expect(decodeURIComponent(asked[0])).toContain('$skip=10');
  });

  it('says there is no next page when Graph links none, and leaves an uncounted total to the caller', async () => {
    const { api } = graphAnswering({ value: [message(1)] });
    const page = await new GraphMessages(api, DEFAULT_RETRY).list('inbox', { offset: 0, limit: 10 });
    expect(page).toMatchObject({ nextOffset: null, total: undefined });
  });
});
