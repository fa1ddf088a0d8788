import type { IPublicClientApplication } from '@azure/msal-browser';
import type { OfficeHost } from '../office';
import { SignInError, type SignInProblem, type TokenAcquirer } from './tokens';

/** The app registration and API scope the server announced. */
export interface SignInSettings {
  clientId: string;
  authority: string;
  scope: string;
}

/** The dialog page's URL with what it needs to sign in (kept out of the pane's main bundle). */
export function dialogUrl(settings: SignInSettings, claims?: string): string {
  const query = new URLSearchParams({ ...settings, ...(claims ? { claims } : {}) });
  return `${window.location.origin}/auth-dialog.html?${query}`;
}

/**
 * Tokens for the server's API in Outlook: MSAL's nested app authentication (loaded on first use,
 * so local mode never downloads it) silently, then with a popup; when NAA is missing or fails, the
 * Office dialog page. Only access tokens for `settings.scope` are requested.
 */
export function createNaaAcquirer(settings: SignInSettings, host: OfficeHost): TokenAcquirer {
  let app: Promise<IPublicClientApplication> | null = null;
  const load = () =>
    (app ??= import('@azure/msal-browser').then((msal) =>
      msal.createNestablePublicClientApplication({ auth: { clientId: settings.clientId, authority: settings.authority } }),
    ));

  const viaNaa = async (claims?: string): Promise<string | null> => {
    if (!host.supportsNaa) return null;
    const pca = await load();
    const request = { scopes: [settings.scope], ...(claims ? { claims } : {}) };
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      return (await pca.acquireTokenSilent({ ...request, ...(account ? { account } : {}) })).accessToken;
    } catch {
      // Interaction needed (first use, consent, a claims challenge): ask the user.
    }
    try {
      return (await pca.acquireTokenPopup(request)).accessToken;
    } catch {
      return null;
    }
  };

  return async (claims) => {
    const token = await viaNaa(claims).catch(() => null);
    if (token) return token;
    if (!host.openDialog) throw new SignInError(host.supportsNaa ? 'failed' : 'unavailable');
    const answer = await host.openDialog(dialogUrl(settings, claims)).catch(() => ({ error: 'closed' }));
    if ('token' in answer) return answer.token;
    const problem: SignInProblem = /consent|AADSTS65001/i.test(answer.error) ? 'consent' : 'failed';
    throw new SignInError(problem, answer.error);
  };
}
