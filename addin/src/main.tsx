import { createRoot } from 'react-dom/client';
import { configureApi } from './api';
import { createAuth, fetchAuthConfig } from './auth';
import { resolveLocale } from './i18n';
import { connectOffice } from './office';
import { Root } from './app/Root';

/** Boots the pane: connects to Outlook when opened by it, learns how to sign in, picks the locale, renders. */
async function boot(): Promise<void> {
  const search = window.location.search;
  const [host, authConfig] = await Promise.all([connectOffice(search), fetchAuthConfig()]);
  const auth = createAuth(authConfig, host);
  configureApi({ tokens: auth.tokens });
  const locale = resolveLocale({
    query: new URLSearchParams(search).get('lang'),
    officeLanguage: host?.displayLanguage,
    browserLanguages: navigator.languages,
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element');
  createRoot(container).render(<Root host={host} auth={auth} initialLocale={locale} />);
}

void boot();
