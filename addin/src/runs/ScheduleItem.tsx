import { useEffect, useId, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Run, Schedule } from '../../../shared/api';
import { deleteSchedule, updateSchedule } from '../api';
import { useI18n } from '../i18n';
import { describeCron } from '../options/describeRepeat';
import { ErrorBar } from '../ui/ErrorBar';
import { useCards, useLayout } from '../ui/styles';
import { formatRunDate, reasonKeyOf, reasonText, scheduleStatusOf, wasMissed } from './scheduleStatus';

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** One schedule: its rule in words, next and last run, dates it did not send, pause or resume, and delete with a confirmation. */
export function ScheduleItem(props: { schedule: Schedule; runs: readonly Run[]; onDeleted: (schedule: Schedule) => void }) {
  const styles = useStyles();
  const cards = useCards();
  const layout = useLayout();
  const i18n = useI18n();
  const { t, formatDateTime, locale } = i18n;
  const [schedule, setSchedule] = useState(props.schedule);
  useEffect(() => setSchedule(props.schedule), [props.schedule]);
  const id = useId();
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const { last, lastRun, problems } = scheduleStatusOf(schedule, props.runs);

  // Focus follows the question: onto "Keep it" when asked, back onto Delete when kept.
  useEffect(() => {
    if (confirming === true) keepRef.current?.focus();
    if (confirming === false) deleteRef.current?.focus();
  }, [confirming]);

  // Pausing keeps the schedule (and focus on the same button, whose label changes) but plans nothing.
  const togglePause = async () => {
    setBusy(true);
    setError(null);
    try {
      setSchedule(await updateSchedule(schedule.id, { paused: schedule.pausedAt === null }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteSchedule(schedule.id);
      props.onDeleted(schedule);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  // Known codes in the user's language; the server's own sentence only for a code the pane does not know.
  const reasonOf = (reason: string | null) => {
    const key = reasonKeyOf(reason);
    return key ? t(key) : reasonText(reason);
  };

  const lastText = () => {
    if (!last) return t('runs.notRunYet');
    const date = formatDateTime(last.dueAt);
    if (lastRun) return t('runs.lastRun', { date, sent: lastRun.counts.sent, planned: lastRun.counts.planned });
    return last.status === 'planning' ? t('runs.lastRunPlanning', { date }) : t('runs.lastRunPlanned', { date });
  };

  return (
    <li className={cards.card} data-testid="schedule-item">
      <h4 id={`${id}-name`} className={cards.title}>
        {schedule.name}
      </h4>
      <span data-testid="schedule-rule">{describeCron(schedule.cron, schedule.timeZone, i18n)}</span>
      <span data-testid="schedule-next" role="status">
        {schedule.pausedAt
          ? t('schedule.pausedSince', { date: formatDateTime(schedule.pausedAt) })
          : schedule.nextRunAt ? t('schedule.nextRun', { date: formatDateTime(schedule.nextRunAt) }) : t('schedule.noNextRun')}
      </span>
      <span className={layout.muted} data-testid="schedule-last">
        {lastText()}
      </span>
      {problems.length > 0 && (
        <div className={layout.muted}>
          <span id={`${id}-problems`}>{t('runs.problemDates')}</span>
          <ul className={styles.problems} aria-labelledby={`${id}-problems`} data-testid="schedule-problems">
            {problems.map((p) => {
              const date = formatRunDate(p.runDate, locale);
              return (
                <li key={p.runDate} data-status={p.status}>
                  {wasMissed(p) ? t('runs.skippedDate', { date }) : t('runs.failedDate', { date, reason: reasonOf(p.reason) })}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <ErrorBar error={error} testId="schedule-delete-error" />
      {confirming ? (
        <div className={layout.tight} role="group" aria-labelledby={`${id}-confirm`}>
          <MessageBar intent="warning" layout="multiline" data-testid="schedule-confirm">
            <MessageBarBody id={`${id}-confirm`}>{t('runs.confirmDelete', { name: schedule.name })}</MessageBarBody>
          </MessageBar>
          <div className={layout.row}>
            <Button data-testid="schedule-delete-confirm" disabled={busy} onClick={() => void remove()}>
              {t('runs.deleteSchedule')}
            </Button>
            <Button ref={keepRef} data-testid="schedule-delete-keep" appearance="primary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('runs.keepSchedule')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={layout.row}>
          <Button size="small" data-testid="schedule-pause" data-paused={schedule.pausedAt !== null} aria-describedby={`${id}-name`} disabled={busy} onClick={() => void togglePause()}>
            {schedule.pausedAt ? t('schedule.resume') : t('schedule.pause')}
          </Button>
          <Button ref={deleteRef} size="small" data-testid="schedule-delete" aria-describedby={`${id}-name`} onClick={() => setConfirming(true)}>
            {t('runs.deleteSchedule')}
          </Button>
        </div>
      )}
    </li>
  );
}
