import { useEffect, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Spinner } from '@fluentui/react-components';
import type { RunStatus } from '../../../shared/api';
import { controlRun } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { CountsGrid } from './CountsGrid';
import { useRunProgress } from './useRunProgress';

const FINISHED: RunStatus[] = ['completed', 'cancelled'];

/** Step 5: live progress of the run with pause, resume and cancel; moves on to the report when done. */
export function SendingStep(props: { runId: string; onFinished: () => void }) {
  const layout = useLayout();
  const { t, formatTime, formatDateTime } = useI18n();
  // Today: just the time ("continues at 09:12"); a later day: with its date.
  const formatWait = (iso: string) => (new Date(iso).toDateString() === new Date().toDateString() ? formatTime(iso) : formatDateTime(iso));
  const { progress, error } = useRunProgress(props.runId);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const status = progress?.status;
  const finished = status !== undefined && FINISHED.includes(status);

  useEffect(() => {
    if (finished) props.onFinished();
  }, [finished]);

  const act = async (action: 'pause' | 'resume' | 'cancel') => {
    setBusy(true);
    setActionError(null);
    setConfirming(false);
    try {
      await controlRun(props.runId, action);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const counts = progress?.counts;
  const done = counts ? counts.sent + counts.failed + counts.skipped : 0;
  const planned = counts?.planned ?? 0;
  return (
    <section className={layout.stack} aria-labelledby="sending-heading">
      <h2 id="sending-heading" className={layout.heading}>
        {t('sending.title')}
      </h2>
      <ErrorBar error={error} />
      {!progress && !error && <Spinner size="tiny" label={t('app.loading')} />}
      {progress && counts && (
        <>
          <Field
            label={t(`runStatus.${progress.status}`)}
          >
            <ProgressBar
              data-testid="progress"
              value={planned > 0 ? done / planned : 0}
              max={1}
              thickness="large"
              aria-valuetext={t('sending.progress', { sent: counts.sent, planned })}
            />
          </Field>
          <div aria-live="polite" aria-atomic="true" data-testid="progress-text" className={layout.tight}>
            <span>{t('sending.progress', { sent: counts.sent, planned })}</span>
            {progress.ratePerMinute > 0 && <span className={layout.muted}>{t('sending.rate', { rate: Math.round(progress.ratePerMinute) })}</span>}
            {progress.estimatedFinishAt && progress.status === 'running' && (
              <span className={layout.muted}>{t('sending.eta', { time: formatTime(progress.estimatedFinishAt) })}</span>
            )}
            {progress.waitingUntil && Date.parse(progress.waitingUntil) - Date.now() > 60_000 && (
              <span data-testid="continues-at">{t('sending.continuesAt', { time: formatWait(progress.waitingUntil) })}</span>
            )}
          </div>
          {progress.status === 'paused' && progress.pauseReason && (
            <MessageBar intent="warning">
              <MessageBarBody data-testid="pause-reason">{progress.pauseReason}</MessageBarBody>
            </MessageBar>
          )}
          <CountsGrid counts={counts} />
        </>
      )}
      <ErrorBar error={actionError} testId="action-error" />
      {confirming && (
        <MessageBar intent="warning" layout="multiline" data-testid="confirm-cancel">
          <MessageBarBody>{t('sending.confirmCancel')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.row}>
        {status === 'paused' ? (
          <Button data-testid="resume" appearance="primary" disabled={busy} onClick={() => void act('resume')}>
            {t('sending.resume')}
          </Button>
        ) : (
          <Button data-testid="pause" disabled={busy || !progress || finished} onClick={() => void act('pause')}>
            {t('sending.pause')}
          </Button>
        )}
        {confirming ? (
          <>
            <Button data-testid="cancel-confirm" disabled={busy} onClick={() => void act('cancel')}>
              {t('sending.cancel')}
            </Button>
            <Button data-testid="cancel-keep" appearance="primary" onClick={() => setConfirming(false)}>
              {t('sending.keep')}
            </Button>
          </>
        ) : (
          <Button data-testid="cancel" disabled={busy || !progress || finished} onClick={() => setConfirming(true)}>
            {t('sending.cancel')}
          </Button>
        )}
        {finished && (
          <Button appearance="primary" onClick={props.onFinished}>
            {t('sending.showReport')}
          </Button>
        )}
      </div>
    </section>
  );
}
