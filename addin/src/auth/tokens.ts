import type { TokenSource } from '../api';

/** Why the pane could not get a token: no way to sign in here, the user must consent, or sign-in failed. */
export type SignInProblem = 'unavailable' | 'consent' | 'failed';

/** An acquisition failure with the problem to show. */
export class SignInError extends Error {
  /** Wraps why sign-in could not produce a token. */
  constructor(readonly problem: SignInProblem, message: string = problem) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Acquires an access token for the server's API scope; `claims` answers a claims challenge. */
export type TokenAcquirer = (claims?: string) => Promise<string>;

/**
 * The API client's token source over an acquirer: caches the token, asks again (with the server's
 * claims) after a 401, and reports failures through `onProblem` instead of throwing at the caller.
 */
export function createTokenSource(acquire: TokenAcquirer, onProblem: (p: SignInProblem | null) => void): TokenSource {
  let cached: Promise<string | null> | null = null;
  const fetchToken = (claims?: string): Promise<string | null> =>
    acquire(claims).then(
      (token) => (onProblem(null), token),
      (error: unknown) => {
        cached = null;
        onProblem(error instanceof SignInError ? error.problem : 'failed');
        return null;
      },
    );
  return {
    getToken: () => (cached ??= fetchToken()),
    refreshToken: (claims?: string) => (cached = fetchToken(claims)),
    consentRequired: () => onProblem('consent'),
  };
}
