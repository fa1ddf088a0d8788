import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { getHistory } from '../api';
import { useI18n } from '../i18n';
import type { OfficeHost } from '../office';
import { StatusBadge } from '../report/StatusBadge';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useCards, useLayout } from '../ui/styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '12em' },
});

/** What the user has sent to one person across runs; on the read surface, the open message's sender. */
export function HistoryView(props: { host: OfficeHost | null }) {
  const styles = useStyles();
  const cards = useCards();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const [draft, setDraft] = useState('');
  const [address, setAddress] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void props.host?.readSender().then((sender) => {
      if (current && sender) {
        setDraft(sender.address);
        setAddress(sender.address);
      }
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [props.host]);
  const history = useAsync(async () => (address ? getHistory(address) : null), [address]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) setAddress(draft.trim());
  };
  const entries = history.value?.entries;
  return (
    <section className={layout.stack} aria-labelledby="history-heading">
      <h2 id="history-heading" className={layout.heading}>
        {t('history.title')}
      </h2>
      <form className={styles.form} onSubmit={submit}>
        <Field className={styles.grow} label={t('history.address')}>
          <Input type="email" value={draft} data-testid="history-address" onChange={(_, d) => setDraft(d.value)} />
        </Field>
        <Button type="submit" data-testid="history-show">
          {t('history.show')}
        </Button>
      </form>
      <ErrorBar error={history.error} onRetry={history.reload} />
      {history.loading && address && <Spinner size="tiny" label={t('app.loading')} />}
      {address && entries && (
        <p className={layout.muted} data-testid="history-summary">
          {t('history.summary', { address, count: entries.length })}
        </p>
      )}
      <ul className={cards.list} data-testid="history-list">
        {entries?.map((e) => (
          <li key={e.deliveryId} className={cards.card} data-testid="history-item">
            <div className={layout.row}>
              <h3 className={cards.title}>{e.subject}</h3>
              <StatusBadge status={e.status} />
            </div>
            <span className={layout.muted}>{formatDateTime(e.sentAt ?? e.runCreatedAt)}</span>
            {e.reason && <span className={layout.muted}>{e.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
