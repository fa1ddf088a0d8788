import { useEffect, useId, useState } from 'react';
import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import type { AudienceSpec, ListSummary } from '../../../shared/api';
import { uploadZip } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { useMessageStyles } from './styles';
import { recipientChoiceOf, type MessageFiles, type RecipientFileChoice } from './files';
import { FileCheck } from './FileCheck';
import { StoredCopyWarning } from './StoredCopyWarning';
import { UploadButton } from './UploadButton';
import { discardStoredCopy, removeZipOf, type FilesChange } from './uploads';

/**
 * Per-recipient files: upload a zip, choose the list column naming each recipient's file and,
 * optionally, the column with a password for their PDFs; then see whose files are missing.
 * Removing the zip also deletes it on the server.
 */
export function RecipientFilesPicker(props: {
  list: ListSummary | null;
  emailColumn: string | null;
  files: MessageFiles;
  /** Applies a change to the latest files (an upload of files for everyone may finish meanwhile). */
  onChange: (change: FilesChange) => void;
  /** Who the run reaches (see audience/audienceSpec.ts): the file check looks at those recipients only. */
  audience?: AudienceSpec;
}) {
  const layout = useLayout();
  const messageStyles = useMessageStyles();
  const { t, formatBytes } = useI18n();
  const headingId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const choice = props.files.perRecipient;
  const columns = props.list?.columns.map((c) => c.name) ?? [];
  const set = (next: RecipientFileChoice | null) => props.onChange((current) => ({ ...current, perRecipient: next }));
  const change = (patch: Partial<RecipientFileChoice>) =>
    props.onChange((current) => (current.perRecipient ? { ...current, perRecipient: { ...current.perRecipient, ...patch } } : current));

  const upload = async ([file]: File[]) => {
    setError(null);
    setUploading(file.name);
    try {
      set(recipientChoiceOf(await uploadZip(file)));
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
    }
  };

  // The zip leaves the message at once; deleting it on the server is best effort.
  const removeZip = async () => {
    setRemoveError(null);
    const { stored } = removeZipOf(props.files);
    props.onChange((current) => removeZipOf(current).files);
    setRemoveError(await discardStoredCopy(stored));
  };

  // A column of another list (chosen before the list changed) counts as not chosen.
  const column = choice?.column && columns.includes(choice.column) ? choice.column : null;
  const password = choice?.passwordColumn && columns.includes(choice.passwordColumn) ? choice.passwordColumn : null;
  const stale = choice !== null && (column !== choice.column || password !== choice.passwordColumn);
  useEffect(() => {
    if (stale) change({ column, passwordColumn: password });
  }, [stale]);
  return (
    <section className={layout.tight} aria-labelledby={headingId}>
      <h4 id={headingId} className={messageStyles.partTitle}>
        {t('message.recipientFiles')}
      </h4>
      {!choice && (
        <>
          <span className={layout.muted}>{t('message.recipientFilesHint')}</span>
          <UploadButton
            label={t('message.uploadZip')}
            accept=".zip,application/zip,application/x-zip-compressed"
            busyLabel={uploading && t('message.uploading', { fileName: uploading })}
            testId="zip-upload"
            onFiles={upload}
          />
        </>
      )}
      {choice && (
        <>
          <div className={layout.row}>
            <span data-testid="zip-summary">
              {t('message.zipSummary', { name: choice.set.name, count: choice.set.fileCount, size: formatBytes(choice.set.totalSize) })}
            </span>
            <Button size="small" appearance="subtle" data-testid="zip-remove" onClick={() => void removeZip()}>
              {t('message.removeZip')}
            </Button>
          </div>
          <Field label={t('message.fileColumn')} required>
            <ColumnSelect testId="file-column" columns={columns} value={column} none={t('message.chooseColumn')} onChange={(c) => change({ column: c })} />
          </Field>
          <Field label={t('message.passwordColumn')} hint={t('message.passwordHint')}>
            <ColumnSelect testId="password-column" columns={columns} value={password} none={t('message.noPassword')} onChange={(c) => change({ passwordColumn: c })} />
          </Field>
          <Checkbox
            data-testid="skip-missing"
            checked={choice.skipMissing}
            label={t('message.skipMissing')}
            onChange={(_, d) => change({ skipMissing: d.checked === true })}
          />
          {props.list && column && (
            <FileCheck listId={props.list.id} emailColumn={props.emailColumn} audience={props.audience} files={props.files} />
          )}
        </>
      )}
      <ErrorBar error={error} testId="zip-upload-error" />
      <StoredCopyWarning error={removeError} testId="zip-remove-warning" />
    </section>
  );
}

/** One of the list's columns, or none (the first option, labelled `none`). */
function ColumnSelect(props: { testId: string; columns: readonly string[]; value: string | null; none: string; onChange: (column: string | null) => void }) {
  const layout = useLayout();
  return (
    <Select className={layout.shrink} data-testid={props.testId} value={props.value ?? ''} onChange={(_, d) => props.onChange(d.value || null)}>
      <option value="">{props.none}</option>
      {props.columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </Select>
  );
}
