import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { deleteList, getListRows } from '../api';
import { useI18n } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { RowsTable } from './RowsTable';
import { ProblemsList } from './ProblemsList';
import { SourceInfo } from './SourceInfo';

const PREVIEW_ROWS = 5;

/** The chosen list: recipient count, where in Outlook it came from, the email column (changeable), first rows, import problems. */
export function ListDetails(props: {
  list: ListSummary;
  emailColumn: string | null;
  onEmailColumn: (column: string | null) => void;
  onRefreshed: (list: ListSummary) => void;
  onDeleted: () => void;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const { list } = props;
  const rows = useAsync(() => getListRows(list.id, 0, PREVIEW_ROWS), [list.id, list.updatedAt]);

  const remove = async () => {
    await deleteList(list.id);
    props.onDeleted();
  };

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
        <RowsTable
          columns={list.columns.map((c) => c.name)}
          rows={rows.value.rows}
          caption={t('recipients.firstRows')}
          more={Math.max(0, rows.value.total - rows.value.rows.length)}
        />
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
