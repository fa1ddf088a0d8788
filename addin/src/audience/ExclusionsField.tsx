import { Field, Textarea } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { InvalidExclusion } from './exclusions';

/**
 * "Leave out these addresses or domains" for this run only: one per line, or separated by `;` or
 * `,`. The entries the server refuses are named next to the field.
 */
export function ExclusionsField(props: { value: string; invalid: InvalidExclusion[]; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const bad = props.invalid.map((i) => i.entry);
  return (
    <Field
      label={t('audience.exclusions.label')}
      hint={t('audience.exclusions.hint')}
      validationState={bad.length > 0 ? 'error' : 'none'}
      validationMessage={bad.length > 0 ? <span data-testid="exclusions-invalid">{t('audience.exclusions.invalid', { entries: bad.join(', ') })}</span> : undefined}
    >
      <Textarea
        data-testid="exclusions"
        value={props.value}
        resize="vertical"
        rows={2}
        placeholder="ayse@example.com; example.org"
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
