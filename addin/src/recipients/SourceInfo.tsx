import { useEffect, useRef, useState } from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import type { ListOrigin, ListSummary } from '../../../shared/api';
import { refreshList } from '../api';
import { useI18n, type Translator } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';

/** Where in Outlook a list came from, in the user's language. */
function describeOrigin(t: Translator['t'], origin: ListOrigin): string {
  const label = origin.label ?? '';
  switch (origin.source.kind) {
    case 'contacts': return origin.source.folderId ? t('recipients.source.origin.folder', { label }) : t('recipients.source.origin.contacts');
    case 'directory': return t('recipients.source.origin.directory');
    case 'group': return t('recipients.source.origin.group', { label });
    case 'draft': return label ? t('recipients.source.origin.draft', { label }) : t('recipients.source.origin.draftUntitled');
  }
}

/** A list read from Outlook: its source, when it was read, and a button to read it again. */
export function SourceInfo(props: { list: ListSummary & { origin: ListOrigin }; onRefreshed: (list: ListSummary) => void }) {
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { origin } = props.list;
  // Once another list is shown this one is gone: its refresh must not bring it back.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const refresh = async () => {
    setError(null);
    setBusy(true);
    const { id } = props.list;
    try {
      const summary = await refreshList(id);
      if (mounted.current && summary.id === id) props.onRefreshed(summary);
    } catch (err) {
      if (mounted.current) setError(err);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div className={layout.tight} data-testid="source-info">
      <Text>{t('recipients.source.from', { source: describeOrigin(t, origin) })}</Text>
      <span className={layout.muted} data-testid="source-read-at">{t('recipients.source.readAt', { time: formatDateTime(origin.readAt) })}</span>
      <div className={layout.row}>
        <Button size="small" data-testid="source-refresh" disabled={busy} onClick={() => void refresh()}>
          {t('recipients.source.refresh')}
        </Button>
        {busy && <Spinner size="tiny" label={t('recipients.source.refreshing')} />}
      </div>
      <ErrorBar error={error} testId="source-refresh-error" />
    </div>
  );
}
