import type { GraphApi } from './client';
import { withRetry, type RetryPolicy } from './retry';

/** One page of a Graph collection. */
export interface Page<T> { value: T[]; '@odata.nextLink'?: string }

/**
 * Reads a collection page by page, following `@odata.nextLink` as Graph hands it out (never
 * building skip tokens ourselves). Each page is retried on throttling within the policy.
 */
export async function* readPages<T>(api: GraphApi, path: string, retry: RetryPolicy): AsyncGenerator<T[]> {
  let next: string | undefined = path;
  while (next) {
    const link: string = next;
    const page: Page<T> = await withRetry(retry, () => api.get<Page<T>>(link));
    yield page.value;
    next = page['@odata.nextLink'];
  }
}

/** Every item of a collection. */
export async function readAll<T>(api: GraphApi, path: string, retry: RetryPolicy): Promise<T[]> {
  const items: T[] = [];
  for await (const page of readPages<T>(api, path, retry)) items.push(...page);
  return items;
}
