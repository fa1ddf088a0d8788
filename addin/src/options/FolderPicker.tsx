import { Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { Folder } from '../../../shared/api';
import { useI18n } from '../i18n';
import type { FolderChoice } from '../app/mailing';
import { useLayout } from '../ui/styles';

/** Choice of the folder for sent copies: an existing one, or the name of a new one. */
export function FolderPicker(props: {
  folders: Folder[];
  choice: FolderChoice;
  onChange: (choice: FolderChoice) => void;
  invalid: boolean;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const { choice } = props;
  return (
    <div className={layout.stack}>
      <Field label={t('options.folder')}>
        <RadioGroup
          value={choice.mode}
          layout="horizontal"
          onChange={(_, d) =>
            props.onChange(d.value === 'new' ? { mode: 'new', name: '' } : { mode: 'existing', id: props.folders[0]?.id ?? null })
          }
        >
          <Radio value="existing" label={t('options.folderExisting')} data-testid="folder-mode-existing" />
          <Radio value="new" label={t('options.folderNew')} data-testid="folder-mode-new" />
        </RadioGroup>
      </Field>
      {choice.mode === 'existing' ? (
        <Field label={t('options.folderPick')} validationMessage={props.invalid ? t('options.needFolder') : undefined}>
          <Select
            className={layout.shrink}
            data-testid="folder-select"
            value={choice.id ?? ''}
            onChange={(_, d) => props.onChange({ mode: 'existing', id: d.value || null })}
          >
            {choice.id === null && <option value="">{t('common.none')}</option>}
            {props.folders.map((f) => (
              <option key={f.id} value={f.id}>
                {`${f.name} (${t('common.messages', { count: f.messageCount })})`}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field
          label={t('options.folderName')}
          validationMessage={props.invalid ? t('options.needFolder') : undefined}
          required
        >
          <Input
            data-testid="folder-name"
            value={choice.name}
            maxLength={255}
            onChange={(_, d) => props.onChange({ mode: 'new', name: d.value })}
          />
        </Field>
      )}
    </div>
  );
}
