import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Delivery } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'normal' },
  // A link-like action under the address: no extra column at 320 px.
  action: { minWidth: 0, paddingLeft: 0, paddingRight: 0, fontSize: tokens.fontSizeBase200, justifyContent: 'flex-start', textAlign: 'left' },
});

/**
 * The per-recipient report rows: address, status and the reason when not sent; with `onSuppress`,
 * each addressed row can be put on the suppression list ("do not mail again").
 */
export function DeliveriesTable(props: { deliveries: Delivery[]; caption: string; onSuppress?: (delivery: Delivery) => Promise<void> }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const [suppressed, setSuppressed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  // The row just suppressed: its button gives way to text, which takes focus so it is not lost.
  const [justSuppressed, setJustSuppressed] = useState<string | null>(null);
  const suppressedRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (justSuppressed) suppressedRef.current?.focus();
  }, [justSuppressed]);
  const suppress = async (d: Delivery) => {
    if (!props.onSuppress) return;
    setBusy(d.id);
    try {
      await props.onSuppress(d);
      setSuppressed((s) => new Set(s).add(d.id));
      setJustSuppressed(d.id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={layout.scroll}>
      <table className={styles.table} data-testid="report-table">
        <caption className={layout.visuallyHidden}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {t('report.to')}
            </th>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {t('report.status')}
            </th>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {t('report.reason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.deliveries.map((d) => (
            <tr key={d.id} data-testid="report-row" data-status={d.status}>
              <td className={styles.cell}>
                <span data-testid="report-to">{d.to || t('common.none')}</span>
                {props.onSuppress && d.to && d.reason !== 'SUPPRESSED' && (
                  <div>
                    {suppressed.has(d.id) ? (
                      <span
                        ref={d.id === justSuppressed ? suppressedRef : undefined}
                        className={layout.muted}
                        tabIndex={d.id === justSuppressed ? -1 : undefined}
                        data-testid="report-suppressed"
                      >
                        {t('report.suppressed')}
                      </span>
                    ) : (
                      <Button
                        className={styles.action}
                        size="small"
                        appearance="transparent"
                        data-testid="report-suppress"
                        aria-label={t('report.suppressLabel', { address: d.to })}
                        disabledFocusable={busy === d.id}
                        // The report shows the error (onSuppress); the row just stays unsuppressed.
                        onClick={() => void suppress(d).catch(() => undefined)}
                      >
                        {t('report.suppress')}
                      </Button>
                    )}
                  </div>
                )}
              </td>
              <td className={styles.cell}>
                <StatusBadge status={d.status} />
              </td>
              <td className={styles.cell}>{d.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
