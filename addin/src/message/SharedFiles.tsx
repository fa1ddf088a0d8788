import { useId, useState } from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { uploadFile } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { useMessageStyles } from './styles';
import { sharedBytes, sharedFileOf, type MessageFiles } from './files';
import { StoredCopyWarning } from './StoredCopyWarning';
import { discardStoredCopy, removeSharedFileOf, uploadEach, type FilesChange } from './uploads';
import { UploadButton } from './UploadButton';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  name: { minWidth: 0 },
});

/**
 * Files sent with every message: upload (several at once), the list with sizes, remove, and the
 * total. Removing a file uploaded here also deletes it on the server, unless a template has it.
 * `onChange` applies each change to the latest files, so uploads that finish one by one never
 * undo what happened meanwhile (a zip uploaded); Remove waits until the uploads are done.
 */
export function SharedFiles(props: { files: MessageFiles; templateFileIds: readonly string[]; onChange: (change: FilesChange) => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const messageStyles = useMessageStyles();
  const { t, formatBytes } = useI18n();
  const headingId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);

  const upload = async (chosen: File[]) => {
    setError(null);
    try {
      await uploadEach(chosen, async (file) => sharedFileOf(await uploadFile(file)), props.onChange, (file) => setUploading(file.name));
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
    }
  };

  const remove = async (fileId: string) => {
    setRemoveError(null);
    // Whether its stored copy goes is decided on the files as shown, where the user clicked.
    const { stored } = removeSharedFileOf(props.files, fileId, props.templateFileIds);
    props.onChange((current) => removeSharedFileOf(current, fileId, props.templateFileIds).files);
    setRemoveError(await discardStoredCopy(stored));
  };

  const { shared } = props.files;
  return (
    <section className={layout.tight} aria-labelledby={headingId}>
      <h4 id={headingId} className={messageStyles.partTitle}>
        {t('message.sharedFiles')}
      </h4>
      {shared.length === 0 && <span className={layout.muted}>{t('message.noSharedFiles')}</span>}
      {shared.length > 0 && (
        <ul className={styles.list} data-testid="shared-files">
          {shared.map((file) => (
            <li key={file.fileId} className={styles.file} data-testid="shared-file">
              <span className={styles.name}>{file.name}</span>
              <span className={layout.muted}>{formatBytes(file.size)}</span>
              {file.inline && <Badge appearance="tint">{t('message.inlineFile')}</Badge>}
              <Button
                size="small"
                appearance="subtle"
                data-testid="shared-file-remove"
                aria-label={t('message.removeFile', { name: file.name })}
                disabled={uploading !== null}
                onClick={() => void remove(file.fileId)}
              >
                {t('message.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {shared.length > 0 && (
        <span className={layout.muted} data-testid="shared-total">
          {t('message.totalSize', { size: formatBytes(sharedBytes(props.files)) })}
        </span>
      )}
      <UploadButton
        label={t('message.addFiles')}
        multiple
        busyLabel={uploading && t('message.uploading', { fileName: uploading })}
        testId="shared-upload"
        onFiles={upload}
      />
      <ErrorBar error={error} testId="shared-upload-error" />
      <StoredCopyWarning error={removeError} testId="shared-remove-warning" />
    </section>
  );
}
