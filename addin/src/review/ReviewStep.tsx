import { useState } from 'react';
import { Button, Checkbox, Spinner } from '@fluentui/react-components';
import type { PreviewRequest, Schedule } from '../../../shared/api';
import { createRun, createSchedule, getMe, preview } from '../api';
import { useI18n } from '../i18n';
import { scheduledAtOf } from '../app/extras';
import { runOptionsOf, type Mailing, type UpdateMailing } from '../app/mailing';
import { messageRequestOf } from '../message/files';
import { describeRule } from '../options/describeRepeat';
import { ruleOf, userTimeZone } from '../options/repeat';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { estimateMinutes, replaceField } from './estimate';
import { PreviewPane } from './PreviewPane';
import { previewRequestOf, runRequestOf, scheduleNameOf, scheduleRequestOf } from './runRequest';
import { ScheduleSaved } from './ScheduleSaved';
import { Summary } from './Summary';
import { TemplateChecks } from './TemplateChecks';
import { TestMessage } from './TestMessage';

/** Step 4: summary, template checks, per-recipient preview, test message, and Start (or Save schedule when it repeats). */
export function ReviewStep(props: {
  mailing: Mailing;
  update: UpdateMailing;
  onBack: () => void;
  onStarted: (runId: string) => void;
}) {
  const layout = useLayout();
  const i18n = useI18n();
  const { t } = i18n;
  const { mailing, update } = props;
  const [rowIndex, setRowIndex] = useState(0);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Schedule | null>(null);
  const list = mailing.list!;
  // Subject, body (or the library template they came from) and the files, as the run will send them.
  const message = messageRequestOf(mailing);
  // One recipient of the audience the run would reach, to the address they would get.
  const where = { timeZone: userTimeZone(), locale: i18n.locale };
  const request: PreviewRequest = previewRequestOf(mailing, message, rowIndex, where);
  const merged = useAsync(() => preview(request), [list.id, mailing.emailColumn, JSON.stringify(message), JSON.stringify(request.audience ?? null), rowIndex]);
  const me = useAsync(getMe, []);
  const baseOptions = runOptionsOf(mailing.options, mailing.acceptUnknown);
  // Repeating: saved as a schedule, which has no single start time.
  const repeat = ruleOf(mailing.repeat);
  const repeating = mailing.repeat.kind !== 'once';
  const scheduledAt = repeating ? undefined : scheduledAtOf(mailing.scheduleAt, new Date());
  const options = baseOptions && scheduledAt !== null && (!repeating || repeat) ? { ...baseOptions, ...(scheduledAt && { scheduledAt }) } : null;
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
      const body = runRequestOf(mailing, message, options, where);
      if (repeat) {
        const name = scheduleNameOf(mailing.subject, list.name);
        setSaved(await createSchedule(scheduleRequestOf(body, repeat, mailing.repeat.timeZone, name)));
        setStarting(false);
        return;
      }
      const run = await createRun(body);
      props.onStarted(run.id);
    } catch (e) {
      setStartError(e);
      setStarting(false);
    }
  };

  const perMinute = options?.perMinute ?? me.value?.limits.perMinute ?? 30;
  const minutes = estimateMinutes(merged.value?.total ?? list.rowCount, perMinute, options?.batchSize, options?.batchIntervalSeconds);
  const startsAt = scheduledAt ?? null;
  const finishAt = repeating ? null : new Date((startsAt ? Date.parse(startsAt) : Date.now()) + minutes * 60_000).toISOString();
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
        repeats={repeat ? describeRule(repeat, mailing.repeat.timeZone, i18n) : null}
      />
      {repeating && <p className={layout.muted}>{t('schedule.eachRun')}</p>}
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
      <ScheduleSaved schedule={saved} />
      {analysis && blocked && (
        <p className={layout.muted} data-testid="start-blocked">
          {hasSyntax ? t('review.blockedSyntax') : t('review.blockedUnknown')}
        </p>
      )}
      <div className={layout.actions}>
        <Button data-testid="back" onClick={props.onBack}>
          {t('common.back')}
        </Button>
        {repeating ? (
          <Button appearance="primary" data-testid="save-schedule" disabled={blocked || starting || saved !== null} onClick={() => void start()}>
            {starting ? t('schedule.saving') : t('schedule.save')}
          </Button>
        ) : (
          <Button appearance="primary" data-testid="start" disabled={blocked || starting} onClick={() => void start()}>
            {starting ? t('review.starting') : t('review.start')}
          </Button>
        )}
      </div>
    </section>
  );
}
