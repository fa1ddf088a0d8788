import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import { LOCALE_NAMES, SUPPORTED_LOCALES, useI18n, type Locale } from '../i18n';
import { SettingsButton } from '../settings/SettingsButton';

/** The pane's top-level views. */
export type View = 'compose' | 'runs' | 'history' | 'mailbox';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { width: '20px', height: '20px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXS,
    // Wide panes: one row (brand, views, language). Narrow panes: the views get their own row.
    '@media (min-width: 600px)': { order: 1, flexGrow: 1, justifyContent: 'flex-end' },
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline', textUnderlineOffset: '4px' },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, '@media (min-width: 600px)': { order: 2 } },
  language: { minWidth: '7.5em', width: '7.5em' },
});

const VIEWS: { view: View; key: 'nav.compose' | 'nav.runs' | 'nav.history' | 'nav.mailbox' }[] = [
  { view: 'compose', key: 'nav.compose' },
  { view: 'runs', key: 'nav.runs' },
  { view: 'history', key: 'nav.history' },
  { view: 'mailbox', key: 'nav.mailbox' },
];

/** Title, navigation between the guided flow, runs and mailbox, the language picker and the settings. */
export function Header(props: { view: View; onView: (v: View) => void; onLocaleChange: (l: Locale) => void }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <img className={styles.logo} src="/assets/icon-32.png" alt="" />
        <h1 className={styles.title}>{t('app.title')}</h1>
      </div>
      <div className={styles.tools}>
        <Select
          className={styles.language}
          size="small"
          aria-label={t('app.language')}
          value={locale}
          data-testid="language"
          onChange={(_, d) => props.onLocaleChange(d.value as Locale)}
        >
          {SUPPORTED_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </Select>
        <SettingsButton onLocaleChange={props.onLocaleChange} />
      </div>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        {VIEWS.map(({ view, key }) => (
          <Button
            key={view}
            size="small"
            appearance={props.view === view ? 'secondary' : 'subtle'}
            className={props.view === view ? styles.current : undefined}
            aria-current={props.view === view ? 'page' : undefined}
            data-testid={`nav-${view}`}
            onClick={() => props.onView(view)}
          >
            {t(key)}
          </Button>
        ))}
      </nav>
    </header>
  );
}
