import { useRef, useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Run, Schedule } from '../../../shared/api';
import { getSchedules } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useCards, useLayout } from '../ui/styles';
import { ScheduleItem } from './ScheduleItem';

/** The user's saved schedules (recurring runs), each with what it did lately and a delete button. */
export function SchedulesSection(props: { runs: readonly Run[] }) {
  const cards = useCards();
  const layout = useLayout();
  const { t } = useI18n();
  const schedules = useAsync(getSchedules, []);
  const [deleted, setDeleted] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const onDeleted = (schedule: Schedule) => {
    setDeleted(schedule.name);
    schedules.reload();
    // The item and its focused button are gone: focus the section instead of the page's start.
    headingRef.current?.focus();
  };

  const list = schedules.value?.schedules;
  return (
    <section className={layout.tight} aria-labelledby="schedules-heading" data-testid="schedules">
      <h3 id="schedules-heading" ref={headingRef} tabIndex={-1} className={layout.subheading}>
        {t('runs.schedules')}
      </h3>
      <ErrorBar error={schedules.error} onRetry={schedules.reload} testId="schedules-error" />
      {schedules.loading && !list && <Spinner size="tiny" label={t('app.loading')} />}
      <div aria-live="polite" className={layout.muted} data-testid="schedule-deleted">
        {deleted && t('runs.scheduleDeleted', { name: deleted })}
      </div>
      {list?.length === 0 && (
        <p className={layout.muted} data-testid="schedules-empty">
          {t('runs.schedulesEmpty')}
        </p>
      )}
      {list && list.length > 0 && (
        <ul className={cards.list} data-testid="schedules-list">
          {list.map((schedule) => (
            <ScheduleItem key={schedule.id} schedule={schedule} runs={props.runs} onDeleted={onDeleted} />
          ))}
        </ul>
      )}
    </section>
  );
}
