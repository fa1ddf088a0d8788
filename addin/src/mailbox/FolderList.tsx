import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Folder } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  button: { width: '100%', justifyContent: 'space-between', fontWeight: tokens.fontWeightRegular },
  count: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: tokens.spacingHorizontalS },
});

/** The mailbox's folders with their message counts. */
export function FolderList(props: { folders: Folder[]; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  if (props.folders.length === 0) return <p className={layout.muted}>{t('mailbox.noFolders')}</p>;
  return (
    <nav aria-label={t('mailbox.folders')}>
      <h3 className={layout.subheading}>{t('mailbox.folders')}</h3>
      <ul className={styles.list} data-testid="folder-list">
        {props.folders.map((f) => (
          <li key={f.id}>
            <Button
              appearance="subtle"
              className={styles.button}
              data-testid="mailbox-folder"
              data-folder-name={f.name}
              onClick={() => props.onOpen(f.id)}
            >
              <span>{f.name}</span>
              <span className={styles.count}>{t('common.messages', { count: f.messageCount })}</span>
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
