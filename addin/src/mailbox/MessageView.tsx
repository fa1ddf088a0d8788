import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { getMessage, rawMessagePath } from '../api';
import { useI18n } from '../i18n';
import { DownloadLink } from '../ui/DownloadLink';
import { ErrorBar } from '../ui/ErrorBar';
import { SandboxedFrame } from '../ui/SandboxedFrame';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  headers: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5em, auto) 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    maxHeight: '16em',
    overflowY: 'auto',
  },
  name: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  value: { margin: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, margin: 0 },
});

/** One stored message: its headers and its body, sandboxed, plus a link to the raw MIME. */
export function MessageView(props: { messageId: string; folderName: string; onBack: () => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const message = useAsync(() => getMessage(props.messageId), [props.messageId]);
  const m = message.value;
  return (
    <div className={layout.stack}>
      <div>
        <Button size="small" data-testid="message-back" onClick={props.onBack}>
          {t('mailbox.backToMessages', { folder: props.folderName })}
        </Button>
      </div>
      <ErrorBar error={message.error} onRetry={message.reload} />
      {m && (
        <>
          <h3 className={layout.subheading} data-testid="message-detail-subject">
            {m.subject || t('mailbox.noSubject')}
          </h3>
          <section aria-labelledby="headers-heading" className={layout.tight}>
            <h4 id="headers-heading" className={layout.subheading}>
              {t('mailbox.headers')}
            </h4>
            <dl className={styles.headers} data-testid="message-headers" tabIndex={0}>
              {m.headers.map((h, i) => (
                <div key={i} style={{ display: 'contents' }}>
                  <dt className={styles.name}>{h.name}</dt>
                  <dd className={styles.value}>{h.value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="body-heading" className={layout.tight}>
            <h4 id="body-heading" className={layout.subheading}>
              {t('mailbox.body')}
            </h4>
            {m.html !== null ? (
              <SandboxedFrame html={m.html} title={t('mailbox.bodyFrame')} testId="message-body" />
            ) : m.text !== null ? (
              <pre className={styles.text} data-testid="message-body">
                {m.text}
              </pre>
            ) : (
              <p className={layout.muted}>{t('mailbox.noBody')}</p>
            )}
          </section>
          <DownloadLink path={rawMessagePath(m.id)} fileName={`${m.id.replace(/[^\w.-]+/g, '_').slice(0, 100)}.eml`} testId="message-raw">
            {t('mailbox.raw')}
          </DownloadLink>
        </>
      )}
    </div>
  );
}
