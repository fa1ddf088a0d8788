import { Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { getMe } from '../api';
import { LOCALE_NAMES, SUPPORTED_LOCALES, useI18n, type Locale } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { BackgroundSending } from './BackgroundSending';
import { limitLines, modeKey } from './settings-model';

const useStyles = makeStyles({
  // Label above value: reads well at 320 px and in long translations.
  facts: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  hint: { margin: 0 },
  language: { maxWidth: '14em' },
});

/** The settings' content: who is signed in, the mode, the mailbox's limits, background sending, the language. */
export function SettingsPanel(props: { onLocaleChange: (l: Locale) => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, locale } = useI18n();
  const me = useAsync(getMe, []);
  const value = me.value;

  return (
    <div className={layout.stack} data-testid="settings-panel">
      <ErrorBar error={me.error} onRetry={me.reload} testId="settings-error" />
      {me.loading && !value && <Spinner size="tiny" label={t('app.loading')} />}
      {value && (
        <>
          <dl className={styles.facts}>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('settings.account')}</dt>
              <dd className={styles.value} data-testid="settings-user">
                {value.user.name} &lt;{value.user.email}&gt;
              </dd>
            </div>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('settings.role')}</dt>
              <dd className={styles.value} data-testid="settings-role">
                {t(value.admin ? 'settings.roleAdmin' : 'settings.roleUser')}
              </dd>
            </div>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('settings.mode')}</dt>
              <dd className={styles.value} data-testid="settings-mode" data-mode={value.mode}>
                {t(modeKey(value.mode))}
              </dd>
            </div>
          </dl>
          <section className={layout.tight} aria-labelledby="settings-limits-heading">
            <h3 id="settings-limits-heading" className={layout.subheading}>
              {t('settings.limits')}
            </h3>
            <dl className={styles.facts}>
              {limitLines(value.limits).map((line) => (
                <div key={line.id} className={styles.fact}>
                  <dt className={styles.term}>{t(line.label)}</dt>
                  <dd className={styles.value} data-testid={`settings-limit-${line.id}`}>
                    {t(line.value, { count: line.count })}
                  </dd>
                </div>
              ))}
            </dl>
            <p className={`${layout.muted} ${styles.hint}`}>
              {t('settings.limitsHint')}
            </p>
          </section>
          {value.backgroundGrant && <BackgroundSending initial={value.backgroundGrant} />}
        </>
      )}
      <Field className={styles.language} label={t('app.language')}>
        <Select value={locale} data-testid="settings-language" onChange={(_, d) => props.onLocaleChange(d.value as Locale)}>
          {SUPPORTED_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
