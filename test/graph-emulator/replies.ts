import { jsonReply, Reply, RequestContext } from "./context";
import { buildPage, PageRules, readCount } from "./odata";

/** `@odata.context` for a path under `$metadata#`, with the $select list appended as Graph does. */
export function contextUrl(ctx: RequestContext, path: string, select?: string[]): string {
  return `${ctx.env.baseUrl}/$metadata#${path}${select ? `(${select.join(",")})` : ""}`;
}

/**
 * One page of a collection with `@odata.context`, `@odata.count` when `$count=true` was asked on an
 * Outlook collection (the total after `$filter`, whatever the page), and `@odata.nextLink` when more remain.
 */
export function collectionReply<T>(
  ctx: RequestContext,
  contextPath: string,
  items: readonly T[],
  rules: PageRules,
  present: (item: T) => Record<string, unknown>,
  select?: string[],
): Reply {
  const page = buildPage(items, ctx.query, rules, ctx.selfUrl);
  const body: Record<string, unknown> = { "@odata.context": contextUrl(ctx, contextPath, select) };
  // Directory collections count only in advanced queries (ConsistencyLevel: eventual), not emulated here.
  if (rules.style === "skip" && readCount(ctx.query)) body["@odata.count"] = items.length;
  if (page.nextLink) body["@odata.nextLink"] = page.nextLink;
  body.value = page.items.map(present);
  return jsonReply(200, body);
}

/** A single resource with its `@odata.context`. */
export function entityReply(ctx: RequestContext, contextPath: string, resource: Record<string, unknown>, status = 200, select?: string[]): Reply {
  const entity = select ? `${contextPath}(${select.join(",")})/$entity` : `${contextPath}/$entity`;
  return jsonReply(status, { "@odata.context": `${ctx.env.baseUrl}/$metadata#${entity}`, ...resource });
}

/** 204 No Content. */
export function noContent(): Reply {
  return { status: 204 };
}
