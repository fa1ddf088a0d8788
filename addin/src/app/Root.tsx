import { useEffect, useMemo, useState } from 'react';
import { AriaLiveAnnouncer, FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createTranslator, I18nProvider, type Locale } from '../i18n';
import type { Auth } from '../auth';
import type { OfficeHost } from '../office';
import { App } from './App';

/** Office's theme when known, else the system's colour scheme. */
function pickTheme(host: OfficeHost | null): 'light' | 'dark' {
  if (host?.theme) return host.theme;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Providers around the app: Fluent theme, the announcer that lets message bars speak to screen
 * readers (Fluent announces through it, and says nothing without one), and the translator.
 */
export function Root(props: { host: OfficeHost | null; auth: Auth; initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(props.initialLocale);
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const theme = pickTheme(props.host) === 'dark' ? webDarkTheme : webLightTheme;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator.t('app.title');
  }, [locale, translator]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>
        <I18nProvider translator={translator}>
          <App host={props.host} auth={props.auth} onLocaleChange={setLocale} />
        </I18nProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
