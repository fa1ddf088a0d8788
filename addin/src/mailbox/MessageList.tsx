import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Folder, MessageSummary } from '../../../shared/api';
import { getMessages } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { usePaged } from '../ui/usePaged';

const PAGE = 50;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  subject: { fontWeight: tokens.fontWeightSemibold, textAlign: 'left' },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** A folder's messages, newest first as the server gives them, each opening its detail. */
export function MessageList(props: { folder: Folder; onOpen: (id: string) => void; onBack: () => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const list = usePaged(async (offset) => {
    const page = await getMessages(props.folder.id, offset, PAGE);
    return { items: page.messages, total: page.total, nextOffset: page.nextOffset };
  }, [props.folder.id]);
  const { items: messages, total, loading, error } = list;

  return (
    <div className={layout.stack}>
      <div>
        <Button size="small" data-testid="mailbox-back" onClick={props.onBack}>
          {t('mailbox.backToFolders')}
        </Button>
      </div>
      <h3 className={layout.subheading} data-testid="mailbox-folder-title">
        {props.folder.name} · <span data-testid="mailbox-count">{t('common.messages', { count: total })}</span>
      </h3>
      <ErrorBar error={error} onRetry={list.reload} />
      <ul className={styles.list} data-testid="message-list">
        {messages.map((m) => (
          <li key={m.id} className={styles.item} data-testid="message-row">
            <Link as="button" className={styles.subject} data-testid="message-subject" onClick={() => props.onOpen(m.id)}>
              {m.subject || t('mailbox.noSubject')}
            </Link>
            <span className={styles.meta}>
              {t('mailbox.to')}: <span data-testid="message-to">{m.to.join(', ')}</span> · {formatDateTime(m.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {!loading && messages.length === 0 && !error && <p className={layout.muted}>{t('mailbox.empty')}</p>}
      {loading && <Spinner size="tiny" label={t('app.loading')} />}
      {!loading && list.hasMore && <Button onClick={list.loadMore}>{t('common.loadMore')}</Button>}
    </div>
  );
}
