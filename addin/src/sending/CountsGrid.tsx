import { makeStyles, tokens } from '@fluentui/react-components';
import type { RunCounts } from '../../../shared/api';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(6.5em, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  cell: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

const SHOWN: (keyof RunCounts)[] = ['sent', 'failed', 'skipped', 'pending'];

/** The run's counts by delivery status, as a small grid of figures. */
export function CountsGrid(props: { counts: RunCounts }) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  return (
    <dl className={styles.grid}>
      {SHOWN.map((key) => (
        <div key={key} className={styles.cell}>
          <dt className={styles.term}>{t(`counts.${key}`)}</dt>
          <dd className={styles.value} data-testid={`count-${key}`}>
            {formatNumber(key === 'pending' ? props.counts.pending + props.counts.sending : props.counts[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
