import type { AuthConfigResponse } from '../../../shared/api';
import type { TokenSource } from '../api';
import type { OfficeHost } from '../office';
import { createNaaAcquirer } from './naa';
import { createTokenSource, type SignInProblem } from './tokens';

/** The pane's one owner of the token story, and the sign-in problem to show (if any). */
export interface Auth {
  tokens: TokenSource;
  problem(): SignInProblem | null;
  subscribe(listener: () => void): () => void;
}

const NO_TOKENS: TokenSource = { getToken: async () => null, refreshToken: async () => null };

/** Builds the auth of this server's mode: none in local mode; NAA with the dialog fallback otherwise. */
export function createAuth(config: AuthConfigResponse, host: OfficeHost | null): Auth {
  let problem: SignInProblem | null = null;
  const listeners = new Set<() => void>();
  const setProblem = (next: SignInProblem | null) => {
    if (next === problem) return;
    problem = next;
    for (const l of listeners) l();
  };
  let tokens = NO_TOKENS;
  if (config.mode === 'microsoft') {
    // Outside Outlook, or in a host with neither NAA nor dialogs, there is no way to sign in.
    if (!host || (!host.supportsNaa && !host.openDialog)) problem = 'unavailable';
    else tokens = createTokenSource(createNaaAcquirer(config, host), setProblem);
  }
  return {
    tokens,
    problem: () => problem,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
