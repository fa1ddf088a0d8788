import { createRandom } from "../support/random";

/** What an injected fault does to a request. */
export type FaultAction =
  /** Reply with this status and Graph's error body (503 and 429 carry Retry-After). */
  | { type: "status"; status: number; retryAfterSec?: number }
  /** Destroy the socket: the client sees a connection reset and no reply. */
  | { type: "reset" }
  /** Hold the request this long before going on (the concurrency slot stays taken). */
  | { type: "delay"; ms: number }
  /** Hold the request until the rule's `release()` is called. */
  | { type: "hold" };

/** When a fault fires, and what it does. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Path after `/v1.0` (e.g. `/me/messages/AAMk.../send`), matched exactly or by RegExp. */
  path?: string | RegExp;
  /** Only requests to this mailbox (user id). */
  mailbox?: string;
  /** Fire on the Nth matching request only (1-based). */
  nth?: number;
  /** Fire with this probability per matching request, drawn from the seeded generator. */
  probability?: number;
  /** Stop after firing this many times. */
  times?: number;
  /**
   * "before" (default): the request is not carried out. "after": the handler runs and its effect
   * stands (a send really goes out), then the reply is replaced, so the client cannot know.
   */
  phase?: "before" | "after";
  action: FaultAction;
}

/** A live rule: how often it matched and fired, and how to end it. */
export interface FaultHandle {
  readonly matched: number;
  readonly fired: number;
  /** Lets held requests go on and stops holding new ones. */
  release(): void;
  /** Removes the rule (releasing anything it holds). */
  remove(): void;
}

/** A request as fault rules see it. */
export interface FaultTarget {
  method: string;
  path: string;
  mailbox: string | null;
}

class ActiveRule implements FaultHandle {
  matched = 0;
  fired = 0;
  released = false;
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly rule: FaultRule,
    private readonly detach: (rule: ActiveRule) => void,
  ) {}

  wait(): Promise<void> {
    return this.released ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    this.released = true;
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  remove(): void {
    this.release();
    this.detach(this);
  }
}

/** A fault that fired for one request. */
export interface FiredFault {
  action: FaultAction;
  phase: "before" | "after";
  wait?: () => Promise<void>;
}

/** Injected failures, changeable per test; nothing fires until a rule is added. */
export class Faults {
  private rules: ActiveRule[] = [];
  private random: () => number;

  constructor(seed = 1) {
    this.random = createRandom(seed);
  }

  /** Adds a rule; rules are tried in the order added and the first that fires wins. */
  add(rule: FaultRule): FaultHandle {
    const active = new ActiveRule(rule, (gone) => {
      this.rules = this.rules.filter((candidate) => candidate !== gone);
    });
    this.rules.push(active);
    return active;
  }

  /** Restarts the random sequence, so probabilistic faults replay identically. */
  seed(value: number): void {
    this.random = createRandom(value);
  }

  /** Removes every rule, releasing held requests. */
  clear(): void {
    for (const rule of [...this.rules]) rule.remove();
  }

  /** Decides which fault, if any, fires for a request; counts matches as it goes. */
  pick(target: FaultTarget): FiredFault | null {
    for (const active of this.rules) {
      const { rule } = active;
      if (!matches(rule, target)) continue;
      active.matched++;
      if (rule.times !== undefined && active.fired >= rule.times) continue;
      if (rule.nth !== undefined && active.matched !== rule.nth) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.action.type === "hold" && active.released) continue;
      active.fired++;
      return { action: rule.action, phase: rule.phase ?? "before", wait: () => active.wait() };
    }
    return null;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.method && rule.method.toUpperCase() !== target.method) return false;
  if (rule.mailbox && rule.mailbox !== target.mailbox) return false;
  if (rule.path instanceof RegExp) return rule.path.test(target.path);
  return rule.path === undefined || rule.path === target.path;
}
