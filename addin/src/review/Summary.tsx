import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** What will happen: list and count, email column, folder, when it starts or how it repeats, how long it takes and when it ends. */
export function Summary(props: {
  listName: string;
  count: number;
  emailColumn: string;
  folderName: string;
  minutes: number;
  startsAt: string | null;
  /** Null for a schedule: each run ends at its own time. */
  finishAt: string | null;
  /** The repeat rule in words, for a schedule. */
  repeats?: string | null;
}) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const items: [string, string, string][] = [
    [t('review.list'), `${props.listName} · ${t('common.recipients', { count: props.count })}`, 'summary-list'],
    [t('review.emailColumn'), props.emailColumn, 'summary-email'],
    [t('review.folder'), props.folderName, 'summary-folder'],
    ...(props.startsAt ? [[t('review.startsAt'), formatDateTime(props.startsAt), 'summary-start'] as [string, string, string]] : []),
    ...(props.repeats ? [[t('schedule.repeats'), props.repeats, 'summary-repeats'] as [string, string, string]] : []),
    [t('review.duration'), t('review.minutes', { count: props.minutes }), 'summary-duration'],
    ...(props.finishAt ? [[t('review.finishAt'), formatDateTime(props.finishAt), 'summary-finish'] as [string, string, string]] : []),
  ];
  return (
    <section className={layout.tight} aria-labelledby="summary-heading">
      <h3 id="summary-heading" className={layout.subheading}>
        {t('review.summary')}
      </h3>
      <dl className={styles.grid}>
        {items.map(([term, value, id]) => (
          <div key={id} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
