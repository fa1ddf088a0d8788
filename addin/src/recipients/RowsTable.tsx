import { useId } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { RecipientRow } from '../../../shared/api';
import type { AudienceVerdict } from '../../../shared/audience/selection';
import { useI18n, type MessageKey } from '../i18n';
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
  mark: { display: 'flex', alignItems: 'center', paddingLeft: 0, paddingRight: tokens.spacingHorizontalXS },
  out: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/** How one shown row stands: its verdict, and whether a company choice leaves it out altogether. */
export interface RowStanding {
  verdict: AudienceVerdict;
  /** False for a company list's row of a kind not chosen: no mark changes anything. */
  chosen: boolean;
  /** False for a row with no value in the key column marks name rows by: no mark can name it. */
  markable: boolean;
}

/** Marking rows in or out of the run: each shown row's standing, and the toggle. */
export interface RowMarking {
  standings: RowStanding[];
  /** Who a row is, for its checkbox's name (its address, else nothing). */
  whoOf: (index: number) => string;
  /** The column marks name rows by (none: by position), to say why a row without a value there cannot be marked. */
  keyColumn: string | undefined;
  onToggle: (index: number) => void;
}

const STATUS: Partial<Record<AudienceVerdict, MessageKey>> = {
  markedOut: 'recipients.marks.leftOut',
  markedIn: 'recipients.marks.includedAnyway',
  notMatched: 'recipients.marks.filteredOut',
};

const cellText = (value: RecipientRow[string] | undefined) => (value === null || value === undefined ? '' : String(value));

/**
 * A compact, horizontally scrollable table of a page of a list's rows. With `marking`, the first
 * column says whether each row gets the message; unticking leaves it out, ticking a filtered-out
 * row includes it anyway.
 */
export function RowsTable(props: { columns: string[]; rows: RecipientRow[]; offset: number; caption: string; marking?: RowMarking }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { marking } = props;
  const statusOf = (standing: RowStanding) => (standing.chosen ? STATUS[standing.verdict] : 'recipients.marks.notChosen');
  const idOf = useId();
  return (
    <div className={layout.scroll} tabIndex={0} role="region" aria-label={props.caption}>
      <table className={styles.table} data-testid="rows-table">
        <caption className={styles.caption} data-testid="rows-range">
          {props.caption}
        </caption>
        <thead>
          <tr>
            {marking && (
              <th scope="col" className={`${styles.cell} ${styles.head}`}>
                {t('recipients.marks.column')}
              </th>
            )}
            {props.columns.map((c) => (
              <th key={c} scope="col" className={`${styles.cell} ${styles.head}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => {
            const standing = marking?.standings[i];
            const selected = standing ? standing.chosen && (standing.verdict === 'matched' || standing.verdict === 'markedIn') : true;
            const status = standing && statusOf(standing);
            const n = props.offset + i + 1;
            const who = marking?.whoOf(i);
            const unmarkable = marking && standing?.chosen && !standing.markable ? marking.keyColumn : undefined;
            const noteIds = [status && `${idOf}-${i}-status`, unmarkable !== undefined && `${idOf}-${i}-why`].filter(Boolean).join(' ');
            return (
              <tr key={props.offset + i} data-testid="row">
                {marking && standing && (
                  <td className={styles.cell}>
                    <span className={styles.mark}>
                      <Checkbox
                        data-testid="row-mark"
                        checked={selected}
                        disabled={!standing.chosen || !standing.markable}
                        aria-label={who ? t('recipients.marks.rowWho', { n, who }) : t('recipients.marks.row', { n })}
                        aria-describedby={noteIds || undefined}
                        onChange={() => marking.onToggle(i)}
                      />
                      {status && (
                        <span id={`${idOf}-${i}-status`} className={styles.status} data-testid="row-status">
                          {t(status)}
                        </span>
                      )}
                      {unmarkable !== undefined && (
                        <span id={`${idOf}-${i}-why`} className={styles.status} data-testid="row-unmarkable">
                          {t('recipients.marks.noKey', { column: unmarkable })}
                        </span>
                      )}
                    </span>
                  </td>
                )}
                {props.columns.map((c) => (
                  <td key={c} className={selected ? styles.cell : `${styles.cell} ${styles.out}`} title={cellText(row[c])}>
                    {cellText(row[c])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
