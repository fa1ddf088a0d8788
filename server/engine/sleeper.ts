/** Waits that end early when the engine is woken (pause, resume, cancel, new work) or stopped. */
export class Sleeper {
  private readonly waiting = new Set<() => void>();

  /** Resolves after `ms`, or sooner when `wakeAll` is called. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, Math.min(ms, 2_147_000_000)));
      this.waiting.add(done);
    });
  }

  /** Ends every current wait. */
  wakeAll(): void {
    for (const done of [...this.waiting]) done();
  }
}
