import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AudienceDropped, AudiencePreview } from '../../../shared/api';
import { useI18n, type MessageKey } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
  value: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  count: { fontWeight: tokens.fontWeightSemibold },
});

/** The reasons rows drop out, in the order the planner checks them. */
const REASONS: Array<[keyof AudienceDropped, MessageKey]> = [
  ['filteredOut', 'audience.dropped.filteredOut'],
  ['markedOut', 'audience.dropped.markedOut'],
  ['noAddress', 'audience.dropped.noAddress'],
  ['invalidAddress', 'audience.dropped.invalidAddress'],
  ['suppressed', 'audience.dropped.suppressed'],
  ['excluded', 'audience.dropped.excluded'],
  ['duplicate', 'audience.dropped.duplicate'],
];

/** The live count of who gets it, and why the other rows drop out (the preview's tally). */
export function AudienceSummary(props: { preview: AudiencePreview | undefined; loading: boolean; error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatNumber } = useI18n();
  const { preview } = props;
  const reasons = preview ? REASONS.filter(([key]) => preview.dropped[key] > 0) : [];
  return (
    <section className={layout.tight} aria-labelledby="audience-result-heading" data-testid="audience-summary">
      <h3 id="audience-result-heading" className={layout.subheading}>
        {t('audience.result')}
      </h3>
      <div className={layout.row}>
        {/* Always present, so the first count after choosing a list is announced too. */}
        <span aria-live="polite" className={styles.count} data-testid="filter-count">
          {preview ? t('audience.count', { sendable: preview.sendable, rows: preview.rows }) : ''}
        </span>
        {props.loading && <Spinner size="extra-tiny" aria-label={t('app.loading')} />}
      </div>
      {preview && preview.deliveries > preview.selected && <span className={layout.muted}>{t('audience.severalAddresses')}</span>}
      {reasons.length > 0 && (
        <>
          <span id="audience-dropped-heading">{t('audience.dropped.title')}</span>
          <dl className={styles.grid} data-testid="audience-dropped">
            {reasons.map(([key, label]) => (
              <div key={key} style={{ display: 'contents' }} data-testid={`dropped-${key}`}>
                <dt className={styles.term}>{t(label)}</dt>
                <dd className={styles.value}>{formatNumber(preview!.dropped[key])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <ErrorBar error={props.error} onRetry={props.onRetry} testId="filter-error" />
    </section>
  );
}
