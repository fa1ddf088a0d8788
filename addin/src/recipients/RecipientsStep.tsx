import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { getLists, getMe } from '../api';
import { useI18n } from '../i18n';
import type { Mailing, UpdateMailing } from '../app/mailing';
import type { OfficeHost } from '../office';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { ListPicker } from './ListPicker';
import { ListDetails } from './ListDetails';
import { OutlookSource } from './OutlookSource';
import { EMPTY_FILTER } from '../audience/filterModel';
import { FilterBuilder } from '../audience/FilterBuilder';
import { AudienceChoices } from '../audience/AudienceChoices';
import { AudienceSummary } from '../audience/AudienceSummary';
import { CompanyChoice } from '../audience/CompanyChoice';
import { DEFAULT_ADDRESS_CHOICE, afterEmailColumnChange, chosenColumns, keepExistingColumns } from '../audience/addressChoice';
import { DEFAULT_COMPANY_CHOICE } from '../audience/companies';
import { NO_MARKS, marksAfterNewRows } from '../audience/marks';
import { useAudience } from '../audience/useAudience';

/** A list just made: from a file, or read from Outlook. */
type Notice = { kind: 'upload' | 'source'; name: string };

/**
 * Step 1: pick a saved or sample list, upload a file or (Microsoft 365) read one from Outlook; check
 * count, email column and rows; say who gets it — filter, rows marked in or out, which of each
 * company's addresses, which address columns, addresses or domains left out — with a live count.
 */
export function RecipientsStep(props: { host?: OfficeHost | null; mailing: Mailing; update: UpdateMailing; onNext: () => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const lists = useAsync(getLists, []);
  // Outlook sources need a Microsoft 365 mailbox; elsewhere the choice is not offered at all.
  const me = useAsync(getMe, []);
  // What was just imported or read from Outlook, said once the new list is chosen.
  const [notice, setNotice] = useState<Notice | null>(null);
  const { mailing } = props;
  const { list, emailColumn } = mailing;
  const audience = useAudience(mailing);
  // The mailing as last rendered, for answers that arrive after the user has moved on.
  const latest = useRef(mailing);
  useEffect(() => {
    latest.current = mailing;
  });

  // Another list: its own filter, marks and columns; the exclusions are addresses, not rows, and stay.
  const choose = (chosen: ListSummary | null, done: Notice | null = null) => {
    setNotice(done);
    props.update({
      list: chosen, emailColumn: chosen?.emailColumn ?? null, filter: EMPTY_FILTER,
      marks: NO_MARKS, addressChoice: DEFAULT_ADDRESS_CHOICE, companies: DEFAULT_COMPANY_CHOICE,
    });
  };

  const uploaded = (summary: ListSummary, done: Notice) => {
    choose(summary, done);
    lists.reload();
  };

  // The same columns again: the chosen address column and filter still apply; marks keyed by a
  // column the list still keys by follow their people, marks by position (which a refresh may have
  // moved) go. A refresh answering after another list was chosen only updates the lists offered.
  const refreshed = (summary: ListSummary) => {
    lists.reload();
    const now = latest.current;
    if (now.list?.id !== summary.id) return;
    setNotice(null);
    const marks = marksAfterNewRows(now.marks, summary.keyColumn);
    props.update({ list: summary, marks, addressChoice: keepExistingColumns(now.addressChoice, summary) });
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
        onUploaded={(summary, fileName) => uploaded(summary, { kind: 'upload', name: fileName })}
      />
      {me.value?.provider === 'graph' && (
        <OutlookSource host={props.host ?? null} onCreated={(created) => uploaded(created, { kind: 'source', name: created.name })} />
      )}
      {notice && list && (
        <MessageBar intent="success" data-testid="upload-ok">
          <MessageBarBody>
            {notice.kind === 'upload' ? t('recipients.uploaded', { fileName: notice.name }) : t('recipients.source.created', { name: notice.name })}
          </MessageBarBody>
        </MessageBar>
      )}
      {list && (
        <ListDetails
          key={list.id}
          list={list}
          emailColumn={emailColumn}
          onEmailColumn={(column) => props.update({ emailColumn: column, addressChoice: afterEmailColumnChange(mailing.addressChoice) })}
          onRefreshed={refreshed}
          onDeleted={() => {
            choose(null);
            lists.reload();
          }}
          audience={{
            marks: mailing.marks,
            onMarks: (marks) => props.update({ marks }),
            filter: audience.filter,
            context: audience.context,
            companies: mailing.companies,
            addressColumns: chosenColumns(mailing.addressChoice, emailColumn),
          }}
        />
      )}
      {list?.companies && <CompanyChoice value={mailing.companies} onChange={(companies) => props.update({ companies })} />}
      {list && <FilterBuilder list={list} value={mailing.filter} onChange={(filter) => props.update({ filter })} />}
      {list && <AudienceChoices list={list} mailing={mailing} update={props.update} invalid={audience.invalid} />}
      {list && <AudienceSummary preview={audience.preview} loading={audience.loading} error={audience.error} onRetry={audience.reload} />}
      {!list && !lists.loading && <p className={layout.muted}>{t('recipients.chooseFirst')}</p>}
      <div className={layout.actions}>
        <span />
        <Button appearance="primary" data-testid="next" disabled={!list || !emailColumn || !audience.companiesOk || audience.invalid.length > 0} onClick={props.onNext}>
          {t('common.next')}
        </Button>
      </div>
    </section>
  );
}
