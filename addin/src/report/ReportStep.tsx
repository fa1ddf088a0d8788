import { useState } from 'react';
import { Button, Field, Select, Spinner } from '@fluentui/react-components';
import { DeliveryStatus, type Delivery } from '../../../shared/api';
import { getDeliveries, getRun, reportCsvPath, reportXlsxPath, retryFailed, suppressDelivery } from '../api';
import { useI18n } from '../i18n';
import { CountsGrid } from '../sending/CountsGrid';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { DownloadLink } from '../ui/DownloadLink';
import { useLayout } from '../ui/styles';
import { usePaged } from '../ui/usePaged';
import { DeliveriesTable } from './DeliveriesTable';
import { RunStatusBadge } from './StatusBadge';

const PAGE = 50;

/** Step 6: the per-recipient report with a status filter, paging, CSV/Excel downloads and retrying the failed. */
export function ReportStep(props: {
  runId: string;
  onOpenFolder: (folderId: string) => void;
  onRestart: () => void;
  onRetried: () => void;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const run = useAsync(() => getRun(props.runId), [props.runId]);
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<unknown>(null);
  const [suppressError, setSuppressError] = useState<unknown>(null);

  const suppress = async (d: Delivery) => {
    setSuppressError(null);
    try {
      await suppressDelivery(d.id);
    } catch (e) {
      setSuppressError(e);
      throw e;
    }
  };

  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await retryFailed(props.runId);
      props.onRetried();
    } catch (e) {
      setRetryError(e);
      setRetrying(false);
    }
  };

  const report = usePaged(async (offset) => {
    const page = await getDeliveries(props.runId, status, offset, PAGE);
    return { items: page.deliveries, total: page.total };
  }, [props.runId, status]);
  const { items: rows, total, loading, error } = report;

  return (
    <section className={layout.stack} aria-labelledby="report-heading">
      <h2 id="report-heading" className={layout.heading}>
        {t('report.title')}
      </h2>
      <ErrorBar error={run.error} onRetry={run.reload} />
      {run.value && (
        <div className={layout.tight}>
          <div className={layout.row}>
            <strong>{run.value.subject}</strong>
            <RunStatusBadge status={run.value.status} />
          </div>
          <CountsGrid counts={run.value.counts} />
        </div>
      )}
      <div className={layout.row}>
        <Field label={t('report.filter')} orientation="horizontal">
          <Select
            className={layout.shrink}
            data-testid="report-filter"
            value={status ?? ''}
            onChange={(_, d) => setStatus(d.value ? DeliveryStatus.parse(d.value) : null)}
          >
            <option value="">{t('report.all')}</option>
            {DeliveryStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`counts.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <DownloadLink path={reportCsvPath(props.runId)} fileName={`seriatim-report-${props.runId}.csv`} testId="report-csv">
          {t('report.download')}
        </DownloadLink>
        <DownloadLink path={reportXlsxPath(props.runId)} fileName={`seriatim-report-${props.runId}.xlsx`} testId="report-xlsx">
          {t('report.downloadXlsx')}
        </DownloadLink>
        {run.value && run.value.counts.failed > 0 && run.value.status !== 'cancelled' && (
          <Button size="small" data-testid="retry-failed" disabled={retrying} onClick={() => void retry()}>
            {t('report.retryFailed')}
          </Button>
        )}
      </div>
      <ErrorBar error={retryError} testId="retry-error" />
      <ErrorBar error={error} onRetry={report.reload} />
      <ErrorBar error={suppressError} testId="suppress-error" />
      <DeliveriesTable deliveries={rows} caption={t('report.title')} onSuppress={suppress} />
      {!loading && rows.length === 0 && !error && <p className={layout.muted}>{t('report.empty')}</p>}
      {loading && <Spinner size="tiny" label={t('app.loading')} />}
      {!loading && report.hasMore && (
        <Button onClick={report.loadMore}>{t('common.loadMore')}</Button>
      )}
      <div className={layout.actions}>
        {run.value ? (
          <Button data-testid="open-folder" onClick={() => props.onOpenFolder(run.value!.folderId)}>
            {t('report.openFolder')}
          </Button>
        ) : (
          <span />
        )}
        <Button appearance="primary" data-testid="new-run" onClick={props.onRestart}>
          {t('report.newRun')}
        </Button>
      </div>
    </section>
  );
}
