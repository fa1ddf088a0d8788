import { RouteDef } from "./context";

/** A route that matched, with its path parameters. */
export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDef;
  method: string;
  pattern: RegExp;
  names: string[];
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split("/")
    .map((segment) => {
      if (segment.startsWith(":")) {
        names.push(segment.slice(1));
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  // Graph path segments are case-insensitive ("/Me/MailFolders" works), ids are not: only literals fold.
  return { pattern: new RegExp(`^${source}/?$`, "i"), names };
}

/** Matches a method and path to a route. Mailbox routes are mounted under `/me` and `/users/:user`. */
export class Router {
  private readonly compiled: CompiledRoute[] = [];

  constructor(routes: RouteDef[]) {
    for (const route of routes) {
      if (route.path instanceof RegExp) {
        this.compiled.push({ route, method: route.method, pattern: route.path, names: [] });
        continue;
      }
      const prefixes = route.scope === "mailbox" ? ["/me", "/users/:user"] : [""];
      for (const prefix of prefixes) {
        const { pattern, names } = compile(prefix + route.path);
        this.compiled.push({ route, method: route.method, pattern, names });
      }
    }
  }

  /** The first route matching a decoded path, or whether some route had the path (for 405). */
  match(method: string, path: string): RouteMatch | "method-not-allowed" | null {
    let pathKnown = false;
    for (const entry of this.compiled) {
      const found = entry.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (entry.method !== method) continue;
      const params: Record<string, string> = {};
      if (entry.names.length > 0) {
        entry.names.forEach((name, index) => (params[name] = found[index + 1]));
      } else if (found.groups) {
        for (const [name, value] of Object.entries(found.groups)) params[name] = value;
      }
      return { route: entry.route, params };
    }
    return pathKnown ? "method-not-allowed" : null;
  }
}
