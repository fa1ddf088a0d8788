import { Field, Input } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { addressSourcesOf } from '../app/extras';
import type { Mailing, UpdateMailing } from '../app/mailing';

const FIELDS = [
  { key: 'cc', label: 'options.cc' },
  { key: 'bcc', label: 'options.bcc' },
  { key: 'replyTo', label: 'options.replyTo' },
] as const;

/** Whether every typed Cc/Bcc/Reply-To is readable (Reply-To takes one address at most). */
export function addressesValid(m: Pick<Mailing, 'cc' | 'bcc' | 'replyTo'>): boolean {
  const replyTo = addressSourcesOf(m.replyTo);
  return addressSourcesOf(m.cc) !== null && addressSourcesOf(m.bcc) !== null && replyTo !== null && (replyTo?.length ?? 0) <= 1;
}

/** Cc, Bcc and Reply-To for every message: addresses, or `{{column}}` for each recipient's own. */
export function AddressFields(props: { mailing: Mailing; update: UpdateMailing }) {
  const { t } = useI18n();
  return (
    <>
      {FIELDS.map(({ key, label }) => {
        const parsed = addressSourcesOf(props.mailing[key]);
        const invalid = parsed === null || (key === 'replyTo' && (parsed?.length ?? 0) > 1);
        return (
          <Field
            key={key}
            label={t(label)}
            hint={t('options.addressesHint')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t('options.invalidAddresses') : undefined}
          >
            <Input data-testid={`extra-${key}`} value={props.mailing[key]} onChange={(_, d) => props.update({ [key]: d.value })} />
          </Field>
        );
      })}
    </>
  );
}
