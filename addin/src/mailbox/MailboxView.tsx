import { useState } from 'react';
import type { Folder } from '../../../shared/api';
import { getFolders } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { FolderList } from './FolderList';
import { MessageList } from './MessageList';
import { MessageView } from './MessageView';

/** The mailbox: folders, then a folder's messages, then one message exactly as it was sent. */
export function MailboxView(props: { initialFolderId: string | null }) {
  const layout = useLayout();
  const { t } = useI18n();
  const folders = useAsync(getFolders, []);
  const [folderId, setFolderId] = useState<string | null>(props.initialFolderId);
  const [messageId, setMessageId] = useState<string | null>(null);
  const folder: Folder | undefined = folders.value?.folders.find((f) => f.id === folderId);

  return (
    <section className={layout.stack} aria-labelledby="mailbox-heading">
      <h2 id="mailbox-heading" className={layout.heading}>
        {t('mailbox.title')}
      </h2>
      <ErrorBar error={folders.error} onRetry={folders.reload} />
      {messageId && folder ? (
        <MessageView messageId={messageId} folderName={folder.name} onBack={() => setMessageId(null)} />
      ) : folder ? (
        <MessageList
          folder={folder}
          onOpen={setMessageId}
          onBack={() => {
            setFolderId(null);
            folders.reload();
          }}
        />
      ) : (
        folders.value && <FolderList folders={folders.value.folders} onOpen={setFolderId} />
      )}
    </section>
  );
}
