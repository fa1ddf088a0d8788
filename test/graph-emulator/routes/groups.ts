import { RequestContext, RouteDef } from "../context";
import { DirectoryGroup, DirectoryMember } from "../directory";
import { describeGroup, presentGroup, presentMember } from "../directory-presenter";
import { GraphError } from "../errors";
import { compileFilter } from "../filter";
import { DIRECTORY_PAGES, readSelect } from "../odata";
import { collectionReply, entityReply } from "../replies";

const GROUP_FILTERABLE: ReadonlySet<string> = new Set(["id", "displayName", "mail", "mailNickname", "description", "mailEnabled", "securityEnabled"]);

function groupOf(ctx: RequestContext): DirectoryGroup {
  const group = ctx.env.store.directory.findGroup(ctx.params.id);
  if (!group) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return group;
}

function listMembers(ctx: RequestContext, transitive: boolean, usersOnly: boolean) {
  const directory = ctx.env.store.directory;
  const group = groupOf(ctx);
  let members: DirectoryMember[] = transitive ? directory.transitiveMembers(group) : directory.members(group);
  if (usersOnly) members = members.filter((member) => member.type === "user");
  const select = readSelect(ctx.query);
  // A cast to microsoft.graph.user yields a users collection; otherwise members are directoryObjects.
  const contextPath = usersOnly ? "users" : "directoryObjects";
  return collectionReply(ctx, contextPath, members, DIRECTORY_PAGES, (member) => presentMember(member, select), select);
}

/** Groups and their members; `transitiveMembers` flattens nested groups, each member once. */
export const groupRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/groups",
    scope: "tenant",
    handle: (ctx) => {
      const select = readSelect(ctx.query);
      let groups = ctx.env.store.directory.listGroups();
      const filter = ctx.query.get("$filter");
      if (filter) {
        const matches = compileFilter(filter, GROUP_FILTERABLE, "microsoft.graph.group");
        groups = groups.filter((group) => matches(describeGroup(group)));
      }
      return collectionReply(ctx, "groups", groups, DIRECTORY_PAGES, (group) => presentGroup(group, select), select);
    },
  },
  {
    method: "GET",
    path: "/groups/:id",
    scope: "tenant",
    handle: (ctx) => entityReply(ctx, "groups", presentGroup(groupOf(ctx), readSelect(ctx.query))),
  },
  { method: "GET", path: "/groups/:id/members", scope: "tenant", handle: (ctx) => listMembers(ctx, false, false) },
  { method: "GET", path: "/groups/:id/members/microsoft.graph.user", scope: "tenant", handle: (ctx) => listMembers(ctx, false, true) },
  { method: "GET", path: "/groups/:id/transitiveMembers", scope: "tenant", handle: (ctx) => listMembers(ctx, true, false) },
  { method: "GET", path: "/groups/:id/transitiveMembers/microsoft.graph.user", scope: "tenant", handle: (ctx) => listMembers(ctx, true, true) },
];
