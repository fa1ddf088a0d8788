/**
 * Checking untrusted filters and audiences (request bodies, saved runs, CLI input) with errors
 * that say where: `children[1].date: must be a real date written yyyy-mm-dd`.
 */
import type { z } from 'zod';
import { AudienceSchema, FilterNodeSchema, MAX_FILTER_DEPTH } from './schema';
import type { Audience, FilterNode } from './schema';

/** One problem in a filter: where (`children[0].value`, or empty for the root) and what. */
export interface FilterIssue {
  path: string;
  message: string;
}

/** The outcome of checking untrusted input. */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: FilterIssue[] };

/** Thrown by `parseFilter` / `parseAudience`; carries every issue with its path. */
export class FilterValidationError extends Error {
  readonly code = 'INVALID_FILTER';
  readonly issues: FilterIssue[];

  constructor(issues: FilterIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'FilterValidationError';
    this.issues = issues;
  }
}

/** Renders a zod path as `children[1].values[0]`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

// Measured without recursion, before zod recurses, so a hostile 10,000-deep body is refused
// cheaply instead of overflowing the stack.
function findTooDeep(input: unknown, prefix: Array<string | number>): FilterIssue | null {
  const stack: Array<{ node: unknown; depth: number; path: Array<string | number> }> = [
    { node: input, depth: 1, path: prefix },
  ];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_FILTER_DEPTH) {
      return { path: formatIssuePath(path), message: `must not nest deeper than ${MAX_FILTER_DEPTH} levels` };
    }
    const { children, child } = node as { children?: unknown; child?: unknown };
    if (Array.isArray(children)) {
      children.forEach((c, i) => stack.push({ node: c, depth: depth + 1, path: [...path, 'children', i] }));
    }
    if (child !== undefined) stack.push({ node: child, depth: depth + 1, path: [...path, 'child'] });
  }
  return null;
}

function toIssues(error: z.ZodError): FilterIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** Checks untrusted input against the filter schema. */
export function checkFilter(input: unknown): CheckResult<FilterNode> {
  const deep = findTooDeep(input, []);
  if (deep) return { ok: false, issues: [deep] };
  const result = FilterNodeSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** Checks an untrusted audience spec (filter plus manual marks). */
export function checkAudience(input: unknown): CheckResult<Audience> {
  const filter = typeof input === 'object' && input !== null ? (input as { filter?: unknown }).filter : undefined;
  const deep = findTooDeep(filter, ['filter']);
  if (deep) return { ok: false, issues: [deep] };
  const result = AudienceSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** Returns the input as a valid filter or throws FilterValidationError. */
export function parseFilter(input: unknown): FilterNode {
  const result = checkFilter(input);
  if (!result.ok) throw new FilterValidationError(result.issues);
  return result.value;
}

/** Returns the input as a valid audience spec or throws FilterValidationError. */
export function parseAudience(input: unknown): Audience {
  const result = checkAudience(input);
  if (!result.ok) throw new FilterValidationError(result.issues);
  return result.value;
}
