/**
 * A rolling window of weighted events (requests, bytes, recipients): the sum over the last
 * `windowMs` milliseconds, and how long until enough of it expires to admit more.
 */
export class SlidingWindow {
  private readonly events: Array<{ at: number; weight: number }> = [];
  private head = 0;
  private total = 0;

  /** The sum of weights still inside the window. */
  sum(windowMs: number, now = Date.now()): number {
    this.expire(windowMs, now);
    return this.total;
  }

  /** Records an event. */
  add(weight: number, now = Date.now()): void {
    this.events.push({ at: now, weight });
    this.total += weight;
  }

  /** Milliseconds until the sum drops to at most `limit - weight`, so an event of `weight` fits. */
  waitFor(weight: number, limit: number, windowMs: number, now = Date.now()): number {
    this.expire(windowMs, now);
    let excess = this.total + weight - limit;
    for (let i = this.head; i < this.events.length && excess > 0; i++) {
      excess -= this.events[i].weight;
      if (excess <= 0) return this.events[i].at + windowMs - now;
    }
    return excess > 0 ? windowMs : 0;
  }

  private expire(windowMs: number, now: number): void {
    while (this.head < this.events.length && this.events[this.head].at <= now - windowMs) {
      this.total -= this.events[this.head].weight;
      this.head++;
    }
    // Compact now and then so a long soak does not keep every expired entry alive.
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events.splice(0, this.head);
      this.head = 0;
    }
  }
}
