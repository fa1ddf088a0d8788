import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Schedule } from '../../../shared/api';
import { useI18n } from '../i18n';

/** The confirmation after saving a schedule: its next run in the user's locale and time zone. */
export function ScheduleSaved(props: { schedule: Schedule | null }) {
  const { t, formatDateTime } = useI18n();
  const { schedule } = props;
  return (
    <div aria-live="polite">
      {schedule && (
        <MessageBar intent="success" layout="multiline" data-testid="schedule-saved">
          <MessageBarBody>
            <MessageBarTitle>{t('schedule.saved')}</MessageBarTitle>
            <div data-testid="schedule-saved-next">
              {schedule.nextRunAt ? t('schedule.nextRun', { date: formatDateTime(schedule.nextRunAt) }) : t('schedule.noNextRun')}
            </div>
            <div>{t('schedule.seeRuns')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
