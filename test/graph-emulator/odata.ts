import { badRequest } from "./errors";

/** One $expand entry, with its nested $filter when given (`singleValueExtendedProperties($filter=...)`). */
export interface ExpandOption {
  property: string;
  filter?: string;
}

/** How a collection is paged: Outlook lists use $skip, directory lists use an opaque $skiptoken. */
export type PagingStyle = "skip" | "skiptoken";

/** Page-size rules of one collection. */
export interface PageRules {
  style: PagingStyle;
  defaultSize: number;
  maxSize: number;
  /** Directory lists reject a $top above the maximum; Outlook lists clamp it. */
  rejectOversize: boolean;
}

/** Outlook collections (messages, folders, contacts): 10 by default, at most 1000 a page. */
export const OUTLOOK_PAGES: PageRules = { style: "skip", defaultSize: 10, maxSize: 1000, rejectOversize: false };

/** Directory collections (users, group members): 100 by default, at most 999 a page. */
export const DIRECTORY_PAGES: PageRules = { style: "skiptoken", defaultSize: 100, maxSize: 999, rejectOversize: true };

/** Reads `$select` into a property list, or undefined when absent. */
export function readSelect(query: URLSearchParams): string[] | undefined {
  const raw = query.get("$select");
  if (raw === null || raw.trim() === "") return undefined;
  return raw.split(",").map((part) => part.trim()).filter(Boolean);
}

/** Reads `$count`: true or false, anything else refused as OData does. */
export function readCount(query: URLSearchParams): boolean {
  const raw = query.get("$count");
  if (raw === null) return false;
  if (raw.toLowerCase() === "true") return true;
  if (raw.toLowerCase() === "false") return false;
  throw badRequest(`Invalid value '${raw}' for $count query option found. The $count query option requires a Boolean value.`);
}

/** Splits `$expand` on top-level commas and reads each entry's nested `$filter`. */
export function readExpand(query: URLSearchParams): ExpandOption[] {
  const raw = query.get("$expand");
  if (!raw) return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "(") depth++;
    if (raw[i] === ")") depth--;
    if (raw[i] === "," && depth === 0) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  return parts.map((part) => {
    const match = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/.exec(part);
    if (!match) throw badRequest(`Invalid $expand clause: '${part}'.`);
    const nested = match[2] ? /\$filter=(.*)$/.exec(match[2]) : null;
    return { property: match[1], filter: nested ? nested[1] : undefined };
  });
}

/** Keeps only the selected properties (and those Graph always returns) of a presented resource. */
export function applySelect(
  resource: Record<string, unknown>,
  select: string[] | undefined,
  alwaysKept: readonly string[],
): Record<string, unknown> {
  if (!select) return resource;
  const wanted = new Set([...select, ...alwaysKept]);
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (wanted.has(key) || key.startsWith("@odata.")) picked[key] = value;
  }
  return picked;
}

// Graph writes "$", "," and quotes literally in its links and spaces as %20; clients follow them verbatim.
function serializeQuery(query: URLSearchParams): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%24/g, "$").replace(/%2C/gi, ",");
  return [...query].map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(`emu:${offset}`).toString("base64url");
}

function readOffset(query: URLSearchParams, style: PagingStyle): number {
  if (style === "skip") {
    const skip = Number(query.get("$skip") ?? "0");
    if (!Number.isInteger(skip) || skip < 0) throw badRequest("The value of $skip must be a non-negative integer.");
    return skip;
  }
  const token = query.get("$skiptoken");
  if (!token) return 0;
  const match = /^emu:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw badRequest("Invalid $skiptoken.", "Request_BadRequest");
  return Number(match[1]);
}

function readPageSize(query: URLSearchParams, rules: PageRules): number {
  const raw = query.get("$top");
  if (raw === null) return rules.defaultSize;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || (rules.rejectOversize && top > rules.maxSize)) {
    const code = rules.style === "skiptoken" ? "Request_BadRequest" : "BadRequest";
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${rules.maxSize} inclusive.`, code);
  }
  return Math.min(top, rules.maxSize);
}

/** One page of a collection with its `@odata.nextLink`, built from the request's own URL. */
export function buildPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  rules: PageRules,
  selfUrl: string,
): { items: T[]; nextLink?: string } {
  const offset = readOffset(query, rules.style);
  const size = readPageSize(query, rules);
  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { items: page };
  const next = new URLSearchParams(query);
  next.set("$top", String(size));
  if (rules.style === "skip") next.set("$skip", String(offset + size));
  else next.set("$skiptoken", encodeSkipToken(offset + size));
  return { items: page, nextLink: `${selfUrl}?${serializeQuery(next)}` };
}

/** Sorts by `$orderby=prop [asc|desc]` when present; other lists keep the store's order. */
export function applyOrderBy<T extends Record<string, unknown>>(items: T[], query: URLSearchParams): T[] {
  const raw = query.get("$orderby");
  if (!raw) return items;
  const [property, direction] = raw.trim().split(/\s+/);
  const sign = direction?.toLowerCase() === "desc" ? -1 : 1;
  return [...items].sort((a, b) => {
    const left = a[property];
    const right = b[property];
    if (left === right) return 0;
    if (left === undefined || left === null) return -sign;
    if (right === undefined || right === null) return sign;
    return (left < right ? -1 : 1) * sign;
  });
}
