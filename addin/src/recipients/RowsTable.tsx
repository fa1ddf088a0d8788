import { makeStyles, tokens } from '@fluentui/react-components';
import type { RecipientRow } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    width: '100%',
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
});

/** A compact, horizontally scrollable table of the first rows of a list. */
export function RowsTable(props: { columns: string[]; rows: RecipientRow[]; caption: string; more: number }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  return (
    <div className={layout.scroll} tabIndex={0} role="region" aria-label={props.caption}>
      <table className={styles.table} data-testid="rows-table">
        <caption className={styles.caption}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col" className={`${styles.cell} ${styles.head}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {props.columns.map((c) => (
                <td key={c} className={styles.cell} title={String(row[c] ?? '')}>
                  {row[c] === null || row[c] === undefined ? '' : String(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.more > 0 && <p className={layout.muted}>{t('recipients.moreRows', { count: props.more })}</p>}
    </div>
  );
}
