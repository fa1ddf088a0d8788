import { Field, Input } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { scheduledAtOf } from '../app/extras';

/** When to start: a local date and time, or empty for at once. */
export function ScheduleField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const invalid = scheduledAtOf(props.value, new Date()) === null;
  return (
    <Field
      label={t('options.schedule')}
      hint={t('options.scheduleHint')}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? t('options.schedulePast') : undefined}
    >
      <Input type="datetime-local" data-testid="schedule-at" value={props.value} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}
