import { useId, useRef, useState } from 'react';
import { Button, Field, Select, Spinner } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { uploadList } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A select of saved and sample lists, and an upload button for a CSV/XLSX file. */
export function ListPicker(props: {
  lists: ListSummary[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onUploaded: (list: ListSummary, fileName: string) => void;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setUploading(file.name);
    try {
      props.onUploaded(await uploadList(file), file.name);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className={layout.stack}>
      <Field label={t('recipients.pick')} hint={!props.loading && props.lists.length === 0 ? t('recipients.noLists') : undefined}>
        <Select
            className={layout.shrink}
          data-testid="list-select"
          value={props.selectedId ?? ''}
          disabled={props.loading}
          onChange={(_, d) => props.onSelect(d.value || null)}
        >
          <option value="">{t('recipients.pickPlaceholder')}</option>
          {props.lists.map((l) => (
            <option key={l.id} value={l.id}>
              {`${l.name} (${t('common.recipients', { count: l.rowCount })})`}
            </option>
          ))}
        </Select>
      </Field>
      <div className={layout.tight}>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          className={layout.visuallyHidden}
          data-testid="upload-input"
          tabIndex={-1}
          aria-label={t('recipients.upload')}
          onChange={(e) => void upload(e.target.files?.[0])}
        />
        <div className={layout.row}>
          <Button data-testid="upload-button" disabled={uploading !== null} onClick={() => input.current?.click()}>
            {t('recipients.upload')}
          </Button>
          {uploading && <Spinner size="tiny" label={t('recipients.uploading', { fileName: uploading })} />}
        </div>
        <span className={layout.muted}>{t('recipients.uploadHint')}</span>
      </div>
      <ErrorBar error={error} testId="upload-error" />
    </div>
  );
}
