import type { TokenSource } from '../api';

/** Acquires an access token for the server's API scope from the host (e.g. Office SSO / NAA). */
export type TokenAcquirer = () => Promise<string>;

/**
 * The pane's one token owner. Local mode (no acquirer) never sends a token. With an acquirer,
 * no token is sent until the server asks for one (401), so a local-mode server opened from
 * Outlook works without signing in; after that, the token is cached and refreshed on 401.
 */
export function createTokenSource(acquire: TokenAcquirer | null): TokenSource {
  let cached: string | null = null;
  let needed = false;
  const fetchToken = async (): Promise<string | null> => {
    if (!acquire) return null;
    try {
      cached = await acquire();
    } catch {
      cached = null;
    }
    return cached;
  };
  return {
    async getToken() {
      if (!needed) return null;
      return cached ?? fetchToken();
    },
    async refreshToken() {
      needed = true;
      cached = null;
      return fetchToken();
    },
  };
}
