import { useState } from 'react';
import { Button, makeStyles } from '@fluentui/react-components';
import type { BackgroundGrantStatus } from '../../../shared/api';
import { allowBackgroundSending, revokeBackgroundSending } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { grantActionOf } from './settings-model';

const useStyles = makeStyles({ text: { margin: 0 } });

/**
 * Microsoft mode: "Keep sending when Outlook is closed", allowed or revoked in place. The one
 * button keeps focus while its label flips, and the status line is a live region, so a screen
 * reader hears the outcome.
 */
export function BackgroundSending(props: { initial: BackgroundGrantStatus }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const [status, setStatus] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const action = grantActionOf(status);

  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(action === 'revoke' ? await revokeBackgroundSending() : await allowBackgroundSending());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={layout.tight} aria-labelledby="settings-background-heading" data-testid="settings-background">
      <h3 id="settings-background-heading" className={layout.subheading}>
        {t('settings.background')}
      </h3>
      <p id="settings-background-explain" className={`${layout.muted} ${styles.text}`}>
        {t('settings.backgroundExplain')}
      </p>
      <p role="status" className={styles.text} data-testid="settings-grant-status">
        {status.granted ? t('settings.backgroundOn', { date: formatDateTime(status.grantedAt) }) : t('settings.backgroundOff')}
      </p>
      <ErrorBar error={error} testId="settings-grant-error" />
      <div className={layout.row}>
        <Button
          appearance={action === 'allow' ? 'primary' : 'secondary'}
          disabledFocusable={busy}
          aria-describedby="settings-background-explain"
          data-testid="settings-grant-action"
          data-action={action}
          onClick={() => void change()}
        >
          {action === 'revoke' ? t('settings.revoke') : t('settings.allow')}
        </Button>
      </div>
    </section>
  );
}
