/**
 * The pane's most recent access token per user, kept in memory only and only until it expires:
 * it is the assertion for on-behalf-of while the user has Seriatim open. Never stored, never logged.
 */
export class AssertionCache {
  private readonly byUser = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers a validated token; `exp` in seconds since the epoch. */
  remember(userId: string, token: string, exp: number): void {
    const current = this.byUser.get(userId);
    if (!current || current.expiresAt <= exp * 1000) this.byUser.set(userId, { token, expiresAt: exp * 1000 });
  }

  /** A token still valid for at least a minute, or undefined. */
  current(userId: string): string | undefined {
    const entry = this.byUser.get(userId);
    if (!entry) return undefined;
    if (entry.expiresAt - 60_000 <= this.now()) {
      this.byUser.delete(userId);
      return undefined;
    }
    return entry.token;
  }

  /** Forgets a user's token (sign-out, revocation). */
  forget(userId: string): void {
    this.byUser.delete(userId);
  }
}
