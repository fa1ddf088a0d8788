import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PreviewRequest } from '../../../shared/api';
import { sendTestMessage } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';

/** Sends the merged message of the previewed recipient to an address of the user's choice. */
export function TestMessage(props: { request: PreviewRequest; defaultTo: string; disabled: boolean }) {
  const layout = useLayout();
  const { t } = useI18n();
  const [to, setTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const address = to ?? props.defaultTo;

  const send = async () => {
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      await sendTestMessage({ ...props.request, to: address.trim() });
      setSentTo(address.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={layout.tight} aria-labelledby="test-heading">
      <h3 id="test-heading" className={layout.subheading}>
        {t('review.test')}
      </h3>
      <form
        className={layout.row}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field label={t('review.testTo')} style={{ flex: '1 1 12em' }}>
          <Input type="email" data-testid="test-to" value={address} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Button type="submit" data-testid="test-send" disabled={busy || props.disabled || !address.includes('@')} style={{ alignSelf: 'flex-end' }}>
          {t('review.testSend')}
        </Button>
      </form>
      <div aria-live="polite">
        {sentTo && (
          <MessageBar intent="success" data-testid="test-result">
            <MessageBarBody>{t('review.testSent', { to: sentTo })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ErrorBar error={error} testId="test-error" />
    </section>
  );
}
