// The Office dialog page (auth-dialog.html): signs in with MSAL's redirect flow when nested app
// authentication cannot be used, then hands the access token to the pane and closes.
import { PublicClientApplication } from '@azure/msal-browser';
import { answerOpener } from '../office';

const KEY = 'seriatim.signin';

/** Settings arrive in the query on the first load and are kept across the redirect to Entra ID. */
function readSettings(): { clientId: string; authority: string; scope: string; claims?: string } | null {
  const query = new URLSearchParams(window.location.search);
  if (query.get('clientId')) sessionStorage.setItem(KEY, JSON.stringify(Object.fromEntries(query)));
  const saved = sessionStorage.getItem(KEY);
  return saved ? JSON.parse(saved) : null;
}

/** Finishes a redirect that came back, or starts one. */
async function signIn(): Promise<void> {
  const settings = readSettings();
  if (!settings) throw new Error('The sign-in dialog was opened without settings');
  const redirectUri = `${window.location.origin}${window.location.pathname}`;
  const pca = new PublicClientApplication({ auth: { clientId: settings.clientId, authority: settings.authority, redirectUri } });
  await pca.initialize();
  const result = await pca.handleRedirectPromise();
  if (result?.accessToken) {
    sessionStorage.removeItem(KEY);
    await answerOpener({ token: result.accessToken });
    return;
  }
  await pca.acquireTokenRedirect({ scopes: [settings.scope], ...(settings.claims ? { claims: settings.claims } : {}) });
}

signIn().catch((error: unknown) => answerOpener({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
