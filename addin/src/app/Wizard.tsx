import { Suspense, lazy } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { OfficeHost } from '../office';
import { RecipientsStep } from '../recipients/RecipientsStep';
import { MessageStep } from '../message/MessageStep';
import type { Mailing, UpdateMailing } from './mailing';
import { StepIndicator } from './StepIndicator';

const OptionsStep = lazy(() => import('../options/OptionsStep').then((m) => ({ default: m.OptionsStep })));
const ReviewStep = lazy(() => import('../review/ReviewStep').then((m) => ({ default: m.ReviewStep })));
const SendingStep = lazy(() => import('../sending/SendingStep').then((m) => ({ default: m.SendingStep })));
const ReportStep = lazy(() => import('../report/ReportStep').then((m) => ({ default: m.ReportStep })));

const useStyles = makeStyles({
  wizard: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The guided flow: step indicator, then the current step's screen. */
export function Wizard(props: {
  host: OfficeHost | null;
  mailing: Mailing;
  update: UpdateMailing;
  onOpenFolder: (folderId: string | null) => void;
  onRestart: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { mailing, update } = props;
  const go = (step: Mailing['step']) => update({ step });
  return (
    <div className={styles.wizard}>
      <StepIndicator step={mailing.step} />
      <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
        {mailing.step === 'recipients' && (
          <RecipientsStep host={props.host} mailing={mailing} update={update} onNext={() => go('message')} />
        )}
        {mailing.step === 'message' && (
          <MessageStep
            host={props.host}
            mailing={mailing}
            update={update}
            onBack={() => go('recipients')}
            onNext={() => go('options')}
          />
        )}
        {mailing.step === 'options' && (
          <OptionsStep mailing={mailing} update={update} onBack={() => go('message')} onNext={() => go('review')} />
        )}
        {mailing.step === 'review' && (
          <ReviewStep
            mailing={mailing}
            update={update}
            onBack={() => go('options')}
            onStarted={(runId) => update({ runId, step: 'sending' })}
          />
        )}
        {mailing.step === 'sending' && mailing.runId && (
          <SendingStep runId={mailing.runId} onFinished={() => go('report')} />
        )}
        {mailing.step === 'report' && mailing.runId && (
          <ReportStep runId={mailing.runId} onOpenFolder={props.onOpenFolder} onRestart={props.onRestart} onRetried={() => go('sending')} />
        )}
      </Suspense>
    </div>
  );
}
