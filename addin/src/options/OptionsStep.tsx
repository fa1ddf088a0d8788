import { useEffect, useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { ApiError, createFolder, getFolders, getMe } from '../api';
import { useI18n } from '../i18n';
import { OPTION_LIMITS, parseWhole, runOptionsOf, type Mailing, type OptionInputs, type UpdateMailing } from '../app/mailing';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { FolderPicker } from './FolderPicker';
import { scheduledAtOf } from '../app/extras';
import { AddressFields, addressesValid } from './AddressFields';
import { NumberField } from './NumberField';
import { ScheduleField } from './ScheduleField';
import { RepeatField } from './RepeatField';
import { repeatProblem } from './repeat';

/** Step 3: folder for sent copies, start time or repeat rule, error threshold, batches, pace, Cc/Bcc/Reply-To. */
export function OptionsStep(props: { mailing: Mailing; update: UpdateMailing; onBack: () => void; onNext: () => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, update } = props;
  const folders = useAsync(getFolders, []);
  const me = useAsync(getMe, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const list = folders.value?.folders ?? [];

  useEffect(() => {
    const { folder } = mailing;
    if (folder.mode === 'existing' && folder.id === null && list.length > 0) {
      const sent = list.find((f) => f.wellKnownName === 'sentitems') ?? list[0];
      update({ folder: { mode: 'existing', id: sent.id } });
    }
  }, [list, mailing, update]);

  const setOption = (key: keyof OptionInputs) => (value: string) =>
    update({ options: { ...mailing.options, [key]: value } });

  const folderMissing =
    mailing.folder.mode === 'existing' ? mailing.folder.id === null : mailing.folder.name.trim() === '';
  const limit = me.value?.limits.perMinute;
  const optionsValid =
    runOptionsOf(mailing.options, false) !== null &&
    parseWhole(mailing.options.perMinute, 1, limit ?? OPTION_LIMITS.perMinute.max) !== null &&
    (mailing.repeat.kind === 'once' ? scheduledAtOf(mailing.scheduleAt, new Date()) !== null : repeatProblem(mailing.repeat) === null) &&
    addressesValid(mailing);

  const next = async () => {
    setTried(true);
    setError(null);
    if (folderMissing || !optionsValid) return;
    const { folder } = mailing;
    if (folder.mode === 'existing') {
      update({ folderId: folder.id, folderName: list.find((f) => f.id === folder.id)?.name ?? null });
      props.onNext();
      return;
    }
    setBusy(true);
    try {
      const name = folder.name.trim();
      const created = await createFolder({ name }).catch(async (e: unknown) => {
        if (!(e instanceof ApiError) || e.code !== 'FOLDER_EXISTS') throw e;
        const found = (await getFolders()).folders.find((f) => f.name.toLowerCase() === name.toLowerCase());
        if (!found) throw e;
        return found;
      });
      update({ folder: { mode: 'existing', id: created.id }, folderId: created.id, folderName: created.name });
      folders.reload();
      props.onNext();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={layout.stack} aria-labelledby="options-heading">
      <h2 id="options-heading" className={layout.heading}>
        {t('options.title')}
      </h2>
      <ErrorBar error={folders.error ?? me.error} onRetry={() => (folders.reload(), me.reload())} />
      {folders.loading && !folders.value ? (
        <Spinner size="tiny" label={t('app.loading')} />
      ) : (
        <FolderPicker
          folders={list}
          choice={mailing.folder}
          invalid={tried && folderMissing}
          onChange={(folder) => update({ folder })}
        />
      )}
      <RepeatField value={mailing.repeat} onChange={(repeat) => update({ repeat })} />
      {mailing.repeat.kind === 'once' && (
        <ScheduleField value={mailing.scheduleAt} onChange={(scheduleAt) => update({ scheduleAt })} />
      )}
      <NumberField
        label={t('options.maxErrors')}
        hint={t('options.maxErrorsHint')}
        testId="max-errors"
        value={mailing.options.maxErrors}
        {...OPTION_LIMITS.maxErrors}
        onChange={setOption('maxErrors')}
      />
      <NumberField
        label={t('options.batchSize')}
        hint={t('options.batchSizeHint')}
        testId="batch-size"
        value={mailing.options.batchSize}
        {...OPTION_LIMITS.batchSize}
        onChange={setOption('batchSize')}
      />
      <NumberField
        label={t('options.batchInterval')}
        testId="batch-interval"
        value={mailing.options.batchInterval}
        {...OPTION_LIMITS.batchInterval}
        onChange={setOption('batchInterval')}
      />
      <NumberField
        label={t('options.perMinute')}
        hint={limit ? t('options.perMinuteHint', { limit }) : undefined}
        placeholder={limit ? String(limit) : undefined}
        testId="per-minute"
        value={mailing.options.perMinute}
        min={OPTION_LIMITS.perMinute.min}
        max={limit ?? OPTION_LIMITS.perMinute.max}
        onChange={setOption('perMinute')}
      />
      <AddressFields mailing={mailing} update={update} />
      <ErrorBar error={error} testId="options-error" />
      <div className={layout.actions}>
        <Button data-testid="back" onClick={props.onBack}>
          {t('common.back')}
        </Button>
        <Button appearance="primary" data-testid="next" disabled={busy} onClick={() => void next()}>
          {t('common.next')}
        </Button>
      </div>
    </section>
  );
}
