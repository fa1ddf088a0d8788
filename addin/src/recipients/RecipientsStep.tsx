import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { getLists } from '../api';
import { useI18n } from '../i18n';
import type { Mailing, UpdateMailing } from '../app/mailing';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { ListPicker } from './ListPicker';
import { ListDetails } from './ListDetails';
import { EMPTY_FILTER } from '../audience/filterModel';
import { FilterBuilder } from '../audience/FilterBuilder';

/** Step 1: pick a saved or sample list, or upload a file; check count, email column and rows; filter who gets it. */
export function RecipientsStep(props: { mailing: Mailing; update: UpdateMailing; onNext: () => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const lists = useAsync(getLists, []);
  const [uploadedName, setUploadedName] = useState<string | null>(null);
  const { list, emailColumn } = props.mailing;

  const choose = (chosen: ListSummary | null, fromUpload: string | null = null) => {
    setUploadedName(fromUpload);
    props.update({ list: chosen, emailColumn: chosen?.emailColumn ?? null, filter: EMPTY_FILTER });
  };

  const uploaded = (summary: ListSummary, fileName: string) => {
    choose(summary, fileName);
    lists.reload();
  };

  const known = lists.value?.lists ?? [];
  const options = list && !known.some((l) => l.id === list.id) ? [list, ...known] : known;

  return (
    <section className={layout.stack} aria-labelledby="recipients-heading">
      <h2 id="recipients-heading" className={layout.heading}>
        {t('recipients.title')}
      </h2>
      <ErrorBar error={lists.error} onRetry={lists.reload} />
      <ListPicker
        lists={options}
        loading={lists.loading && !lists.value}
        selectedId={list?.id ?? null}
        onSelect={(id) => choose(options.find((l) => l.id === id) ?? null)}
        onUploaded={uploaded}
      />
      {uploadedName && list && (
        <MessageBar intent="success" data-testid="upload-ok">
          <MessageBarBody>{t('recipients.uploaded', { fileName: uploadedName })}</MessageBarBody>
        </MessageBar>
      )}
      {list && (
        <ListDetails
          list={list}
          emailColumn={emailColumn}
          onEmailColumn={(column) => props.update({ emailColumn: column })}
          onDeleted={() => {
            choose(null);
            lists.reload();
          }}
        />
      )}
      {list && (
        <FilterBuilder list={list} emailColumn={emailColumn} value={props.mailing.filter} onChange={(filter) => props.update({ filter })} />
      )}
      {!list && !lists.loading && <p className={layout.muted}>{t('recipients.chooseFirst')}</p>}
      <div className={layout.actions}>
        <span />
        <Button appearance="primary" data-testid="next" disabled={!list || !emailColumn} onClick={props.onNext}>
          {t('common.next')}
        </Button>
      </div>
    </section>
  );
}
