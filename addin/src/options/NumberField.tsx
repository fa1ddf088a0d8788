import { Field, Input } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { parseWhole } from '../app/mailing';

/** A whole-number input with its bounds checked as the user types. */
export function NumberField(props: {
  label: string;
  hint?: string;
  value: string;
  min: number;
  max: number;
  placeholder?: string;
  testId: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const invalid = parseWhole(props.value, props.min, props.max) === null;
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? t('options.invalidNumber', { min: props.min, max: props.max }) : undefined}
    >
      <Input
        data-testid={props.testId}
        inputMode="numeric"
        value={props.value}
        placeholder={props.placeholder}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
