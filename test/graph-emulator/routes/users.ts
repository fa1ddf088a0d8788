import { RequestContext, RouteDef } from "../context";
import { DirectoryUser } from "../directory";
import { checkSelect, describeUser, presentUser, SINGLE_USER_ONLY, USER_PROPERTIES } from "../directory-presenter";
import { GraphError } from "../errors";
import { compileFilter } from "../filter";
import { buildPage, DIRECTORY_PAGES, readSelect } from "../odata";
import { collectionReply, entityReply } from "../replies";

const USER_TYPE = "microsoft.graph.user";

function getUser(ctx: RequestContext, user: DirectoryUser) {
  const select = readSelect(ctx.query);
  checkSelect(select, USER_PROPERTIES, USER_TYPE);
  return entityReply(ctx, "users", presentUser(user, select), 200, select);
}

function listUsers(ctx: RequestContext) {
  const select = readSelect(ctx.query);
  checkSelect(select, USER_PROPERTIES, USER_TYPE);
  const filter = ctx.query.get("$filter");
  let users = ctx.env.store.directory.listUsers();
  if (filter) {
    const matches = compileFilter(filter, USER_PROPERTIES, USER_TYPE);
    users = users.filter((user) => matches(describeUser(user)));
  }
  const singleOnly = select?.filter((name) => SINGLE_USER_ONLY.has(name)) ?? [];
  if (singleOnly.length > 0) {
    // Graph fetches these per user from SharePoint and fails the whole page with this odd message.
    const ids = buildPage(users, ctx.query, DIRECTORY_PAGES, ctx.selfUrl).items.map((user) => `'${user.id}'`);
    throw new GraphError(
      400,
      "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
      `The expression "id in (${ids.join(",")})" is not valid.`,
    );
  }
  return collectionReply(ctx, "users", users, DIRECTORY_PAGES, (user) => presentUser(user, select), select);
}

function findUser(ctx: RequestContext): DirectoryUser {
  const user = ctx.env.store.directory.findUser(ctx.params.id);
  if (!user) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return user;
}

/** `GET /me`, `GET /users`, `GET /users/{id|upn}`. */
export const userRoutes: RouteDef[] = [
  { method: "GET", path: "/me", scope: "tenant", handle: (ctx) => getUser(ctx, ctx.user as DirectoryUser) },
  { method: "GET", path: "/users", scope: "tenant", handle: listUsers },
  { method: "GET", path: "/users/:id", scope: "tenant", handle: (ctx) => getUser(ctx, findUser(ctx)) },
];
