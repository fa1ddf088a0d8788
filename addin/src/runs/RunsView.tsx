import { Button, Spinner } from '@fluentui/react-components';
import { getRuns } from '../api';
import { useI18n } from '../i18n';
import type { Step } from '../app/mailing';
import { RunStatusBadge } from '../report/StatusBadge';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useCards, useLayout } from '../ui/styles';
import { SchedulesSection } from './SchedulesSection';

const LIVE = new Set(['scheduled', 'queued', 'running', 'paused']);

/** The user's schedules, then their runs, newest first; opening a run shows its progress or its report. */
export function RunsView(props: { onOpen: (runId: string, step: Step) => void }) {
  const cards = useCards();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const runs = useAsync(getRuns, []);
  return (
    <section className={layout.stack} aria-labelledby="runs-heading">
      <h2 id="runs-heading" className={layout.heading}>
        {t('runs.title')}
      </h2>
      <SchedulesSection runs={runs.value?.runs ?? []} />
      <section className={layout.tight} aria-labelledby="all-runs-heading">
        <h3 id="all-runs-heading" className={layout.subheading}>
          {t('runs.allRuns')}
        </h3>
        <ErrorBar error={runs.error} onRetry={runs.reload} />
        {runs.loading && !runs.value && <Spinner size="tiny" label={t('app.loading')} />}
        {runs.value?.runs.length === 0 && <p className={layout.muted}>{t('runs.empty')}</p>}
        <ul className={cards.list} data-testid="runs-list">
          {runs.value?.runs.map((run) => (
            <li key={run.id} className={cards.card} data-testid="run-item">
              <div className={layout.row}>
                <h4 className={cards.title}>{run.subject}</h4>
                <RunStatusBadge status={run.status} />
              </div>
              <span className={layout.muted}>
                {t('runs.summary', { list: run.listName, sent: run.counts.sent, planned: run.counts.planned })}
              </span>
              <span className={layout.muted}>{t('runs.created', { date: formatDateTime(run.startedAt ?? run.createdAt) })}</span>
              <div>
                <Button size="small" onClick={() => props.onOpen(run.id, LIVE.has(run.status) ? 'sending' : 'report')}>
                  {t('runs.open')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
