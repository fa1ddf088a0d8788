import { useMemo, useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import type { FilterNode } from '../../../shared/audience/schema';
import { deleteList, getListRows } from '../api';
import { isRowChosen, type CompanyChoice } from '../audience/companies';
import { NO_MARKS, hasMarks, markKeyOf, markingOn, toggleMark, type RowMarks } from '../audience/marks';
import { useRowVerdicts, type EvaluationContext } from '../audience/useRowVerdicts';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { RowsTable, type RowMarking } from './RowsTable';
import { ProblemsList } from './ProblemsList';
import { SourceInfo } from './SourceInfo';

const PAGE_SIZE = 10;
const NO_ROWS: never[] = [];

/** Who gets what, as far as the rows table needs it to mark rows in and out. */
export interface RowAudience {
  marks: RowMarks;
  onMarks: (marks: RowMarks) => void;
  filter: FilterNode | undefined;
  /** The server's evaluation context, once a preview has answered. */
  context: EvaluationContext | undefined;
  companies: CompanyChoice;
  /** The address columns in use, in order of preference. */
  addressColumns: string[];
}

/**
 * The chosen list: recipient count, where in Outlook it came from, the email column (changeable),
 * its rows page by page with a mark per row (in or out of this run), import problems.
 */
export function ListDetails(props: {
  list: ListSummary;
  emailColumn: string | null;
  onEmailColumn: (column: string | null) => void;
  onRefreshed: (list: ListSummary) => void;
  onDeleted: () => void;
  audience: RowAudience;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const { list, audience } = props;
  const [offset, setOffset] = useState(0);
  const rows = useAsync(() => getListRows(list.id, offset, PAGE_SIZE), [list.id, list.updatedAt, offset]);
  const shown = rows.value?.rows ?? NO_ROWS;
  const shownOffset = rows.value?.offset ?? 0;
  const total = rows.value?.total ?? list.rowCount;
  // Marks name people by the list's key column; by position only when it has none (said below).
  const marks = useMemo(() => markingOn(audience.marks, list.keyColumn), [audience.marks, list.keyColumn]);
  const verdicts = useRowVerdicts(shown, shownOffset, audience.filter, marks, audience.context);

  const remove = async () => {
    await deleteList(list.id);
    props.onDeleted();
  };

  const marking: RowMarking = {
    standings: shown.map((row, i) => ({
      verdict: verdicts[i].verdict,
      chosen: isRowChosen(list, audience.companies, row),
      markable: markKeyOf(row, shownOffset + i, marks.by) !== null,
    })),
    keyColumn: marks.by,
    whoOf: (i) => {
      const column = audience.addressColumns.find((c) => shown[i]?.[c] !== null && shown[i]?.[c] !== undefined && shown[i]?.[c] !== '');
      return column ? String(shown[i][column]) : '';
    },
    onToggle: (i) => {
      const key = markKeyOf(shown[i], shownOffset + i, marks.by);
      if (key !== null) audience.onMarks(toggleMark(marks, key, verdicts[i].verdict, verdicts[i].matches));
    },
  };
  const last = Math.min(shownOffset + shown.length, total);

  return (
    <div className={layout.stack}>
      <Text weight="semibold" data-testid="list-count">
        {t('common.recipients', { count: list.rowCount })}
      </Text>
      {list.origin && <SourceInfo list={{ ...list, origin: list.origin }} onRefreshed={props.onRefreshed} />}
      <Field
        label={t('recipients.emailColumn')}
        validationState={props.emailColumn ? 'none' : 'warning'}
        validationMessage={props.emailColumn ? undefined : t('recipients.emailColumnMissing')}
      >
        <Select
          className={layout.shrink}
          data-testid="email-column"
          value={props.emailColumn ?? ''}
          onChange={(_, d) => props.onEmailColumn(d.value || null)}
        >
          {!props.emailColumn && <option value="">{t('common.none')}</option>}
          {list.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={rows.error} onRetry={rows.reload} />
      {rows.value && (
        <div className={layout.tight}>
          <RowsTable
            columns={list.columns.map((c) => c.name)}
            rows={shown}
            offset={shownOffset}
            caption={t('recipients.rows.range', { from: shown.length ? shownOffset + 1 : 0, to: last, total })}
            marking={marking}
          />
          {total > PAGE_SIZE && (
            <div className={layout.row}>
              <Button size="small" data-testid="rows-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('recipients.rows.previous')}
              </Button>
              <Button size="small" data-testid="rows-next" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('recipients.rows.next')}
              </Button>
            </div>
          )}
          <span className={layout.muted}>{t('recipients.marks.hint')}</span>
          {!marks.by && (
            <span className={layout.muted} data-testid="marks-by-position">
              {t('recipients.marks.byPosition')}
            </span>
          )}
          {hasMarks(marks) && (
            <div className={layout.row}>
              <span data-testid="marks-summary">
                {t('recipients.marks.summary', { out: marks.exclude.length, in: marks.include.length })}
              </span>
              <Button size="small" appearance="subtle" data-testid="marks-clear" onClick={() => audience.onMarks(NO_MARKS)}>
                {t('recipients.marks.clear')}
              </Button>
            </div>
          )}
        </div>
      )}
      {list.problems.length > 0 && <ProblemsList problems={list.problems} />}
      {list.source !== 'sample' && (
        <div>
          <Button size="small" appearance="subtle" data-testid="delete-list" onClick={() => void remove()}>
            {t('recipients.delete')}
          </Button>
        </div>
      )}
    </div>
  );
}
