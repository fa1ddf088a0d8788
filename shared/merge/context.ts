/**
 * A rendering context: one view on mustache's context stack. Mirrors mustache's Context, including
 * its per-context lookup cache, so that lookups behave identically even when a lambda mutates data.
 */
export class Context {
  /** Raw looked-up values by name slot (mustache's `cache`); CACHED_UNDEFINED stands for undefined. */
  cache: unknown[] | null = null;
  /** Finished interpolation strings by interpolation slot, reused when a field is merged many times. */
  merged: Array<string | undefined> | null = null;

  constructor(readonly view: unknown, readonly parent: Context | null) {}
}

const CACHED_UNDEFINED = Symbol('undefined');

/** A name as it appears in a tag, resolved once at compile time. */
export interface NameRef {
  /** The name as written, e.g. `company.name` or `.`. */
  name: string;
  /** Its segments when it is dotted (mustache treats a leading dot as part of a plain name). */
  path: string[] | null;
  /** Index of this name in the per-context lookup cache. */
  slot: number;
}

/** Hands out one NameRef per distinct name, numbering their cache slots. */
export class NameTable {
  private readonly refs = new Map<string, NameRef>();

  /** The NameRef for a name as written in a tag. */
  refOf(name: string): NameRef {
    let ref = this.refs.get(name);
    if (ref === undefined) {
      ref = { name, path: name.indexOf('.') > 0 ? name.split('.') : null, slot: this.refs.size };
      this.refs.set(name, ref);
    }
    return ref;
  }
}

/** Resolves a name the way mustache's Context.lookup does, calling a function value on the view. */
export function lookupValue(ctx: Context, ref: NameRef): unknown {
  const value = findValue(ctx, ref);
  return typeof value === 'function' ? value.call(ctx.view) : value;
}

/** Resolves a name without calling functions (mustache caches the uncalled value). */
export function findValue(ctx: Context, ref: NameRef): unknown {
  if (ref.name === '.') return ctx.view;
  let cache = ctx.cache;
  if (cache === null) cache = ctx.cache = [];
  const cached = cache[ref.slot];
  if (cached !== undefined) return cached === CACHED_UNDEFINED ? undefined : cached;
  const value = ref.path === null ? findPlain(ctx, ref.name) : findDotted(ctx, ref.path);
  cache[ref.slot] = value === undefined ? CACHED_UNDEFINED : value;
  return value;
}

function findPlain(ctx: Context, name: string): unknown {
  for (let c: Context | null = ctx; c !== null; c = c.parent) {
    const view = c.view;
    if (view !== null && typeof view === 'object') {
      if (name in view) return (view as Record<string, unknown>)[name];
    } else if (view == null) {
      // mustache reads view[name] before checking, which throws on a null view; so do we.
      throw new TypeError(`Cannot read properties of ${view} (reading '${name}')`);
    }
  }
  return undefined;
}

// A dotted name is walked from each context in turn; it is found only where its last segment exists.
function findDotted(ctx: Context, path: string[]): unknown {
  const last = path.length - 1;
  for (let c: Context | null = ctx; c !== null; c = c.parent) {
    let value: unknown = c.view;
    let hit = false;
    for (let i = 0; value != null && i < path.length; i++) {
      if (i === last) hit = hasProperty(value, path[i]) || primitiveHasOwnProperty(value, path[i]);
      value = (value as Record<string, unknown>)[path[i]];
    }
    if (hit) return value;
  }
  return undefined;
}

function hasProperty(obj: unknown, name: string): boolean {
  return obj != null && typeof obj === 'object' && name in obj;
}

function primitiveHasOwnProperty(value: unknown, name: string): boolean {
  if (value == null || typeof value === 'object') return false;
  const own = (value as { hasOwnProperty?: (n: string) => boolean }).hasOwnProperty;
  return typeof own === 'function' && own.call(value, name);
}
