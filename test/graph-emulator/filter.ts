import { badRequest } from "./errors";
import { FilterNode, parseFilter } from "./filter-parser";

type Scope = Record<string, unknown>;

/** A compiled $filter: true when a presented resource matches. */
export type FilterPredicate = (resource: Record<string, unknown>) => boolean;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function resolvePath(segments: string[], root: Record<string, unknown>, scope: Scope): unknown {
  let current: unknown = segments[0] in scope ? scope[segments[0]] : root[segments[0]];
  for (const segment of segments.slice(1)) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const PROPERTY_ID = /^(\w+)\s+\{([0-9a-f-]{36})\}\s+(name|id)\s+(.+?)\s*$/i;

// Exchange and Entra ID compare strings without regard to case.
function normaliseString(value: string): string {
  return value.replace(/\s+/g, " ").trim().toLowerCase();
}

// Graph documents that the Name part of an extended property id is matched case-sensitively,
// while the type and GUID are not.
function canonicalPropertyId(value: string): string | null {
  const match = PROPERTY_ID.exec(value.trim());
  if (!match) return null;
  const [, type, guid, kind, name] = match;
  const label = kind.toLowerCase() === "id" ? name.toLowerCase() : name;
  return `${type.toLowerCase()} {${guid.toLowerCase()}} ${kind.toLowerCase()} ${label}`;
}

function compare(left: unknown, right: unknown): number | null {
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "string" && typeof right === "string") {
    if (ISO_DATE.test(left) && ISO_DATE.test(right)) return Date.parse(left) - Date.parse(right);
    const leftId = canonicalPropertyId(left);
    const rightId = canonicalPropertyId(right);
    if (leftId !== null && rightId !== null) return leftId === rightId ? 0 : leftId < rightId ? -1 : 1;
    const a = normaliseString(left);
    const b = normaliseString(right);
    return a === b ? 0 : a < b ? -1 : 1;
  }
  if (typeof left === "boolean" && typeof right === "boolean") return left === right ? 0 : 1;
  return null;
}

function isEqual(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined) {
    return (left ?? null) === (right ?? null);
  }
  return compare(left, right) === 0;
}

function evaluateBinary(node: Extract<FilterNode, { kind: "binary" }>, root: Record<string, unknown>, scope: Scope): unknown {
  if (node.op === "and") return truthy(evaluate(node.left, root, scope)) && truthy(evaluate(node.right, root, scope));
  if (node.op === "or") return truthy(evaluate(node.left, root, scope)) || truthy(evaluate(node.right, root, scope));
  const left = evaluate(node.left, root, scope);
  const right = evaluate(node.right, root, scope);
  if (node.op === "eq") return isEqual(left, right);
  if (node.op === "ne") return !isEqual(left, right);
  const order = compare(left, right);
  if (order === null) return false;
  if (node.op === "gt") return order > 0;
  if (node.op === "ge") return order >= 0;
  if (node.op === "lt") return order < 0;
  return order <= 0;
}

function evaluateCall(node: Extract<FilterNode, { kind: "call" }>, root: Record<string, unknown>, scope: Scope): unknown {
  const [subject, needle] = node.args.map((arg) => evaluate(arg, root, scope));
  if (typeof subject !== "string" || typeof needle !== "string") return false;
  const haystack = subject.toLowerCase();
  const part = needle.toLowerCase();
  if (node.name === "startswith") return haystack.startsWith(part);
  if (node.name === "endswith") return haystack.endsWith(part);
  return haystack.includes(part);
}

function evaluateLambda(node: Extract<FilterNode, { kind: "lambda" }>, root: Record<string, unknown>, scope: Scope): unknown {
  const collection = resolvePath(node.collection, root, scope);
  const items = Array.isArray(collection) ? collection : [];
  const test = (item: unknown) => truthy(evaluate(node.body, root, { ...scope, [node.variable]: item }));
  return node.quantifier === "any" ? items.some(test) : items.every(test);
}

function evaluate(node: FilterNode, root: Record<string, unknown>, scope: Scope): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "path":
      return resolvePath(node.segments, root, scope);
    case "not":
      return !truthy(evaluate(node.operand, root, scope));
    case "binary":
      return evaluateBinary(node, root, scope);
    case "call":
      return evaluateCall(node, root, scope);
    case "lambda":
      return evaluateLambda(node, root, scope);
  }
}

function truthy(value: unknown): boolean {
  return value === true;
}

function collectRootProperties(node: FilterNode, bound: Set<string>, out: Set<string>): void {
  if (node.kind === "path" && !bound.has(node.segments[0])) out.add(node.segments[0]);
  if (node.kind === "not") collectRootProperties(node.operand, bound, out);
  if (node.kind === "binary") {
    collectRootProperties(node.left, bound, out);
    collectRootProperties(node.right, bound, out);
  }
  if (node.kind === "call") node.args.forEach((arg) => collectRootProperties(arg, bound, out));
  if (node.kind === "lambda") {
    if (!bound.has(node.collection[0])) out.add(node.collection[0]);
    collectRootProperties(node.body, new Set([...bound, node.variable]), out);
  }
}

/**
 * Compiles a $filter against a resource type. Properties outside `known` fail the way Graph fails
 * for a property the type does not have, so typos in the provider surface as errors, not as empty lists.
 */
export function compileFilter(source: string, known: ReadonlySet<string>, typeName: string): FilterPredicate {
  const tree = parseFilter(source);
  const used = new Set<string>();
  collectRootProperties(tree, new Set(), used);
  for (const property of used) {
    if (!known.has(property)) {
      throw badRequest(`Could not find a property named '${property}' on type '${typeName}'.`);
    }
  }
  return (resource) => truthy(evaluate(tree, resource, {}));
}
