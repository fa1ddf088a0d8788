import { useId } from 'react';
import { Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { describeRule, weekdayName } from './describeRepeat';
import {
  MAX_DAY_OF_MONTH, REPEAT_KINDS, WEEK_ORDER, repeatProblem, ruleOf, timeZoneOptions, type RepeatInput,
} from './repeat';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  days: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, margin: 0 },
  when: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  time: { flex: '0 1 9em', minWidth: 0 },
  zone: { flex: '1 1 12em', minWidth: 0 },
  rule: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

const DAYS_OF_MONTH = [...Array.from({ length: MAX_DAY_OF_MONTH }, (_, i) => String(i + 1)), 'last'];

/** Once, or every day / weekday / week on chosen days / month, at a time in a time zone. */
export function RepeatField(props: { value: RepeatInput; onChange: (value: RepeatInput) => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const daysId = useId();
  const value = props.value;
  const set = (patch: Partial<RepeatInput>) => props.onChange({ ...value, ...patch });
  const problem = repeatProblem(value);
  const rule = ruleOf(value);
  const toggleDay = (day: number, on: boolean) =>
    set({ weekdays: on ? [...value.weekdays, day] : value.weekdays.filter((d) => d !== day) });

  return (
    <div className={layout.stack}>
      <Field label={t('options.repeat')} hint={t('options.repeatHint')}>
        <Select
          className={layout.shrink}
          data-testid="repeat"
          value={value.kind}
          onChange={(_, d) => set({ kind: d.value as RepeatInput['kind'] })}
        >
          {REPEAT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`options.repeat.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.kind !== 'once' && (
        <>
          {value.kind === 'weekly' && (
            <fieldset className={styles.group} aria-describedby={problem === 'days' ? `${daysId}-error` : undefined}>
              <legend className={styles.legend}>{t('options.repeatDays')}</legend>
              <div className={styles.days}>
                {WEEK_ORDER.map((day) => (
                  <Checkbox
                    key={day}
                    data-testid={`repeat-day-${day}`}
                    label={weekdayName(day, locale)}
                    checked={value.weekdays.includes(day)}
                    onChange={(_, d) => toggleDay(day, d.checked === true)}
                  />
                ))}
              </div>
              {problem === 'days' && (
                <p id={`${daysId}-error`} className={styles.error}>
                  {t('options.repeatDaysMissing')}
                </p>
              )}
            </fieldset>
          )}
          {value.kind === 'monthly' && (
            <Field
              label={t('options.repeatDayOfMonth')}
              validationMessage={problem === 'dayOfMonth' ? t('options.repeatDayInvalid') : undefined}
            >
              <Select
                className={layout.shrink}
                data-testid="repeat-day-of-month"
                value={value.dayOfMonth}
                onChange={(_, d) => set({ dayOfMonth: d.value })}
              >
                {DAYS_OF_MONTH.map((day) => (
                  <option key={day} value={day}>
                    {day === 'last' ? t('options.repeatLastDay') : i18n.formatNumber(Number(day))}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <div className={styles.when}>
            <Field
              className={styles.time}
              label={t('options.repeatTime')}
              validationMessage={problem === 'time' ? t('options.repeatTimeInvalid') : undefined}
            >
              <Input type="time" data-testid="repeat-time" value={value.time} onChange={(_, d) => set({ time: d.value })} />
            </Field>
            <Field
              className={styles.zone}
              label={t('options.repeatZone')}
              validationMessage={problem === 'zone' ? t('options.repeatZoneInvalid') : undefined}
            >
              <Select
                className={layout.shrink}
                data-testid="repeat-zone"
                value={value.timeZone}
                onChange={(_, d) => set({ timeZone: d.value })}
              >
                {timeZoneOptions(value.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <p className={styles.rule} aria-live="polite" data-testid="repeat-rule">
            {rule ? describeRule(rule, value.timeZone, i18n) : ''}
          </p>
        </>
      )}
    </div>
  );
}
