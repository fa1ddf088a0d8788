import { useState } from 'react';
import { Button, Checkbox, Spinner } from '@fluentui/react-components';
import type { PreviewRequest } from '../../../shared/api';
import { createRun, getMe, preview } from '../api';
import { useI18n } from '../i18n';
import { addressSourcesOf, scheduledAtOf } from '../app/extras';
import { filterOf } from '../audience/filterModel';
import { runOptionsOf, type Mailing, type UpdateMailing } from '../app/mailing';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { estimateMinutes, replaceField } from './estimate';
import { PreviewPane } from './PreviewPane';
import { Summary } from './Summary';
import { TemplateChecks } from './TemplateChecks';
import { TestMessage } from './TestMessage';

/** Step 4: summary, template checks, per-recipient preview, test message, and Start. */
export function ReviewStep(props: {
  mailing: Mailing;
  update: UpdateMailing;
  onBack: () => void;
  onStarted: (runId: string) => void;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, update } = props;
  const [rowIndex, setRowIndex] = useState(0);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const list = mailing.list!;
  const request: PreviewRequest = {
    listId: list.id,
    emailColumn: mailing.emailColumn ?? undefined,
    template: { subject: mailing.subject, html: mailing.html },
    rowIndex,
  };
  const merged = useAsync(() => preview(request), [list.id, mailing.emailColumn, mailing.subject, mailing.html, rowIndex]);
  const me = useAsync(getMe, []);
  const baseOptions = runOptionsOf(mailing.options, mailing.acceptUnknown);
  const scheduledAt = scheduledAtOf(mailing.scheduleAt, new Date());
  const options = baseOptions && scheduledAt !== null ? { ...baseOptions, ...(scheduledAt && { scheduledAt }) } : null;
  const cc = addressSourcesOf(mailing.cc) ?? undefined;
  const bcc = addressSourcesOf(mailing.bcc) ?? undefined;
  const replyTo = addressSourcesOf(mailing.replyTo)?.[0];
  const filter = filterOf(mailing.filter);
  const analysis = merged.value?.analysis;
  const hasSyntax = (analysis?.syntaxErrors.length ?? 0) > 0;
  const hasUnknown = (analysis?.unknownFields.length ?? 0) > 0;
  const blocked = !analysis || !options || hasSyntax || (hasUnknown && !mailing.acceptUnknown);

  const replace = (field: string, suggestion: string) =>
    update({ subject: replaceField(mailing.subject, field, suggestion), html: replaceField(mailing.html, field, suggestion) });

  const start = async () => {
    if (!options) return;
    setStarting(true);
    setStartError(null);
    try {
      const run = await createRun({
        listId: list.id,
        emailColumn: mailing.emailColumn ?? undefined,
        template: { subject: mailing.subject, html: mailing.html },
        folderId: mailing.folderId ?? undefined,
        options,
        ...(cc && { cc }),
        ...(bcc && { bcc }),
        ...(replyTo && { replyTo }),
        ...(filter && { audience: { filter } }),
      });
      props.onStarted(run.id);
    } catch (e) {
      setStartError(e);
      setStarting(false);
    }
  };

  const perMinute = options?.perMinute ?? me.value?.limits.perMinute ?? 30;
  const minutes = estimateMinutes(merged.value?.total ?? list.rowCount, perMinute, options?.batchSize, options?.batchIntervalSeconds);
  const startsAt = scheduledAt ?? null;
  const finishAt = new Date((startsAt ? Date.parse(startsAt) : Date.now()) + minutes * 60_000).toISOString();
  return (
    <section className={layout.stack} aria-labelledby="review-heading">
      <h2 id="review-heading" className={layout.heading}>
        {t('review.title')}
      </h2>
      <Summary
        listName={list.name}
        count={merged.value?.total ?? list.rowCount}
        emailColumn={mailing.emailColumn ?? t('common.none')}
        folderName={mailing.folderName ?? t('common.none')}
        minutes={minutes}
        startsAt={startsAt}
        finishAt={finishAt}
      />
      <section className={layout.tight} aria-labelledby="checks-heading">
        <h3 id="checks-heading" className={layout.subheading}>
          {t('review.warnings')}
        </h3>
        {merged.loading && !analysis && <Spinner size="tiny" label={t('app.loading')} />}
        <ErrorBar error={merged.error} onRetry={merged.reload} testId="preview-error" />
        {analysis && <TemplateChecks analysis={analysis} onReplace={replace} />}
        {hasUnknown && (
          <Checkbox
            data-testid="accept-unknown"
            checked={mailing.acceptUnknown}
            label={t('review.acceptUnknown')}
            onChange={(_, d) => update({ acceptUnknown: d.checked === true })}
          />
        )}
      </section>
      {merged.value && <PreviewPane preview={merged.value} busy={merged.loading} onIndex={setRowIndex} />}
      <TestMessage request={request} defaultTo={me.value?.user.email ?? ''} disabled={!analysis || hasSyntax} />
      <ErrorBar error={startError} testId="start-error" />
      {analysis && blocked && (
        <p className={layout.muted} data-testid="start-blocked">
          {hasSyntax ? t('review.blockedSyntax') : t('review.blockedUnknown')}
        </p>
      )}
      <div className={layout.actions}>
        <Button data-testid="back" onClick={props.onBack}>
          {t('common.back')}
        </Button>
        <Button appearance="primary" data-testid="start" disabled={blocked || starting} onClick={() => void start()}>
          {starting ? t('review.starting') : t('review.start')}
        </Button>
      </div>
    </section>
  );
}
