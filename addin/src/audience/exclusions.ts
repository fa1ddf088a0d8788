import { ApiError } from '../api';

/**
 * The addresses and domains typed into "leave out these addresses or domains": one per line, or
 * separated by `;` or `,`; blanks dropped, repeats (in any case) given once. Whether each is an
 * address or a domain is the server's to say (see `invalidExclusions`).
 */
export function parseExclusions(text: string): string[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const part of text.split(/[\n\r;,]+/)) {
    const entry = part.trim();
    if (!entry || seen.has(entry.toLowerCase())) continue;
    seen.add(entry.toLowerCase());
    entries.push(entry);
  }
  return entries;
}

/** An entry the server refused, with its message. */
export interface InvalidExclusion {
  entry: string;
  message: string;
}

const EXCLUSION_PATH = /^audience\.exclusions\.(\d+)$/;

/**
 * The entries a `VALIDATION_FAILED` answer refuses (issues at `audience.exclusions.N`), in the
 * order sent; empty for any other error.
 */
export function invalidExclusions(error: unknown, sent: readonly string[]): InvalidExclusion[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  const found = new Map<number, string>();
  for (const issue of issues as Array<{ path?: unknown; message?: unknown }>) {
    const match = typeof issue.path === 'string' ? EXCLUSION_PATH.exec(issue.path) : null;
    const index = match ? Number(match[1]) : -1;
    if (index >= 0 && index < sent.length && !found.has(index)) found.set(index, String(issue.message ?? ''));
  }
  return [...found.keys()].sort((a, b) => a - b).map((i) => ({ entry: sent[i], message: found.get(i)! }));
}
