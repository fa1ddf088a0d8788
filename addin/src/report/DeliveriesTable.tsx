import { makeStyles, tokens } from '@fluentui/react-components';
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
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
});

/** The per-recipient report rows: address, status and the reason when not sent. */
export function DeliveriesTable(props: { deliveries: Delivery[]; caption: string }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
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
              <td className={styles.cell}>{d.to || t('common.none')}</td>
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
