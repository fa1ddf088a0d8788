import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, Spinner } from '@fluentui/react-components';
import type { GroupChoice, ListSource, ListSummary, SourceKind } from '../../../shared/api';
import { createListFromSource, getSources } from '../api';
import { useI18n, type Translator } from '../i18n';
import type { OfficeHost } from '../office';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';

/** The list's name in the user's language: the folder's or group's own name where there is one. */
function listName(t: Translator['t'], kind: SourceKind, folder: string | null, group: string | null): string {
  if (kind === 'contacts') return folder ? t('recipients.source.name.folder', { folder }) : t('recipients.source.name.contacts');
  if (kind === 'group') return t('recipients.source.name.group', { group: group ?? '' });
  return kind === 'directory' ? t('recipients.source.name.directory') : t('recipients.source.name.draft');
}

/**
 * "From Outlook" (Microsoft 365 only): contacts (all or one folder), the directory, a group found
 * by the start of its name, or the To and Cc of the draft being written. Creates a list and hands
 * it over to be selected.
 */
export function OutlookSource(props: { host: OfficeHost | null; onCreated: (list: ListSummary) => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  return (
    <div className={layout.tight}>
      <div>
        <Button ref={openRef} data-testid="source-open" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {t('recipients.source.open')}
        </Button>
      </div>
      {open && (
        <div id={panelId}>
          <SourceForm host={props.host} onCreated={(list) => {
            // The panel (and the Create button with focus) goes: focus returns to what opened it.
            openRef.current?.focus();
            setOpen(false);
            props.onCreated(list);
          }} />
        </div>
      )}
    </div>
  );
}

function SourceForm(props: { host: OfficeHost | null; onCreated: (list: ListSummary) => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const headingId = useId();
  const sources = useAsync(() => getSources(), []);
  const [kind, setKind] = useState<SourceKind>('contacts');
  const [folderId, setFolderId] = useState('');
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<{ query: string; found: GroupChoice[] } | null>(null);
  const [groupId, setGroupId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canDraft = props.host?.canSaveDraft === true;
  const folders = sources.value?.contactFolders ?? [];

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    setError(null);
    try {
      const found = (await getSources(q)).groups ?? [];
      setGroups({ query: q, found });
      setGroupId(found[0]?.id ?? '');
    } catch (err) {
      setError(err);
    }
  };

  const create = async () => {
    setError(null);
    setBusy(true);
    try {
      let source: ListSource;
      if (kind === 'contacts') source = folderId ? { kind, folderId } : { kind };
      else if (kind === 'group') source = { kind, groupId };
      else if (kind === 'draft') source = { kind, itemId: await props.host!.saveDraft() };
      else source = { kind };
      const folder = folders.find((f) => f.id === folderId)?.name ?? null;
      const group = groups?.found.find((g) => g.id === groupId)?.name ?? null;
      props.onCreated(await createListFromSource({ name: listName(t, kind, folder, group), source }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const ready = !busy && sources.value?.available === true && (kind !== 'group' || groupId !== '');
  return (
    <section className={layout.stack} aria-labelledby={headingId} data-testid="source-panel">
      <h3 id={headingId} className={layout.subheading}>{t('recipients.source.heading')}</h3>
      <ErrorBar error={sources.error} onRetry={sources.reload} />
      {sources.loading && !sources.value && <Spinner size="tiny" label={t('app.loading')} />}
      {sources.value && !sources.value.available && (
        <p className={layout.muted} data-testid="source-unavailable">{t('recipients.source.unavailable')}</p>
      )}
      {sources.value?.available && (
        <>
          <Field label={t('recipients.source.kind')}>
            <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as SourceKind)} data-testid="source-kind">
              <Radio value="contacts" label={t('recipients.source.contacts')} data-testid="source-contacts" />
              <Radio value="directory" label={t('recipients.source.directory')} data-testid="source-directory" />
              <Radio value="group" label={t('recipients.source.group')} data-testid="source-group" />
              {canDraft && <Radio value="draft" label={t('recipients.source.draft')} data-testid="source-draft" />}
            </RadioGroup>
          </Field>
          {kind === 'contacts' && (
            <Field label={t('recipients.source.folder')}>
              <Select className={layout.shrink} data-testid="source-folder" value={folderId} onChange={(_, d) => setFolderId(d.value)}>
                <option value="">{t('recipients.source.allContacts')}</option>
                {folders.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
              </Select>
            </Field>
          )}
          {kind === 'directory' && <p className={layout.muted}>{t('recipients.source.directoryHint')}</p>}
          {kind === 'draft' && <p className={layout.muted}>{t('recipients.source.draftHint')}</p>}
          {kind === 'group' && (
            <GroupSearch query={query} onQuery={setQuery} onSearch={search} groups={groups} groupId={groupId} onGroup={setGroupId} />
          )}
          <div className={layout.row}>
            <Button appearance="primary" data-testid="source-create" disabled={!ready} onClick={() => void create()}>
              {t('recipients.source.create')}
            </Button>
            {busy && <Spinner size="tiny" label={t('recipients.source.creating')} />}
          </div>
        </>
      )}
      <ErrorBar error={error} testId="source-error" />
    </section>
  );
}

function GroupSearch(props: {
  query: string;
  onQuery: (q: string) => void;
  onSearch: (e: FormEvent) => void;
  groups: { query: string; found: GroupChoice[] } | null;
  groupId: string;
  onGroup: (id: string) => void;
}) {
  const layout = useLayout();
  const { t } = useI18n();
  const { groups } = props;
  return (
    <div className={layout.tight}>
      <form className={layout.row} role="search" onSubmit={props.onSearch}>
        <Field label={t('recipients.source.groupSearch')} className={layout.shrink}>
          <Input type="search" data-testid="source-group-query" value={props.query} maxLength={100} onChange={(_, d) => props.onQuery(d.value)} />
        </Field>
        <Button type="submit" data-testid="source-group-search" disabled={!props.query.trim()}>
          {t('recipients.source.search')}
        </Button>
      </form>
      <div aria-live="polite">
        {groups && groups.found.length === 0 && (
          <p className={layout.muted} data-testid="source-no-groups">{t('recipients.source.noGroups', { query: groups.query })}</p>
        )}
      </div>
      {groups && groups.found.length > 0 && (
        <Field label={t('recipients.source.groupPick')}>
          <Select className={layout.shrink} data-testid="source-group-select" value={props.groupId} onChange={(_, d) => props.onGroup(d.value)}>
            {groups.found.map((g) => <option key={g.id} value={g.id}>{g.mail ? `${g.name} (${g.mail})` : g.name}</option>)}
          </Select>
        </Field>
      )}
    </div>
  );
}
