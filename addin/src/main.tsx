import { createRoot } from 'react-dom/client';
import { configureApi } from './api';
import { createTokenSource } from './auth';
import { resolveLocale } from './i18n';
import { connectOffice } from './office';
import { Root } from './app/Root';

/** Boots the pane: connects to Outlook when opened by it, picks the locale, renders. */
async function boot(): Promise<void> {
  const search = window.location.search;
  const host = await connectOffice(search);
  configureApi({ tokens: createTokenSource(host?.getAccessToken ?? null) });
  const locale = resolveLocale({
    query: new URLSearchParams(search).get('lang'),
    officeLanguage: host?.displayLanguage,
    browserLanguages: navigator.languages,
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element');
  createRoot(container).render(<Root host={host} initialLocale={locale} />);
}

void boot();
