import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { OfficeHost } from '../office';
import type { Mailing, UpdateMailing } from '../app/mailing';
import { ErrorBar } from '../ui/ErrorBar';
import { describeError } from '../ui/errors';
import { useLayout } from '../ui/styles';
import { FieldButtons } from './FieldButtons';
import { filesComplete, type MessageFiles as Files } from './files';
import { insertAt } from './insertAtCursor';
import type { FilesChange } from './uploads';

// Loaded when first shown, so the pane's first screen stays within its script budget.
const TemplateLibrary = lazy(() => import('../templates/TemplateLibrary'));
const MessageFiles = lazy(() => import('./MessageFiles'));

const useStyles = makeStyles({
  body: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: '14em' },
});

type Target = 'subject' | 'html';

/**
 * Step 2: subject and HTML body, with buttons inserting the list's fields; starts from the draft in
 * compose mode. The template library fills it from (or saves it to) a saved template; files go
 * with every message or one per recipient.
 */
export function MessageStep(props: {
  host: OfficeHost | null;
  mailing: Mailing;
  update: UpdateMailing;
  onBack: () => void;
  onNext: () => void;
}) {
  const layout = useLayout();
  const styles = useStyles();
  const { t } = useI18n();
  const { mailing, update, host } = props;
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastTarget = useRef<Target>('html');
  const [draftError, setDraftError] = useState<unknown>(null);
  const [draftNote, setDraftNote] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const libraryId = useId();
  // Uploads and a template's files land after later clicks: each change applies to the files as
  // they are by then (kept here, as `update` only merges a patch), never to a copy from the click.
  // One ref for both, so neither drops what the other just added.
  const latestFiles = useRef<Files>(mailing.files);
  latestFiles.current = mailing.files;
  const changeFiles = (change: FilesChange) => {
    latestFiles.current = change(latestFiles.current);
    update({ files: latestFiles.current });
  };

  const loadDraft = async () => {
    if (!host?.canReadDraft) return;
    setDraftError(null);
    try {
      const draft = await host.readDraft();
      update({ subject: draft.subject, html: draft.html, draftLoaded: true });
      setDraftNote(true);
    } catch (e) {
      setDraftError(e);
    }
  };

  useEffect(() => {
    if (host?.canReadDraft && !mailing.draftLoaded && !mailing.subject && !mailing.html) void loadDraft();
    // Only on first show: later edits must not be overwritten by the draft.
  }, []);

  const insert = (tag: string) => {
    const target = lastTarget.current;
    const element = target === 'subject' ? subjectRef.current : bodyRef.current;
    const value = target === 'subject' ? mailing.subject : mailing.html;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = insertAt(value, start, end, tag);
    update(target === 'subject' ? { subject: next.value } : { html: next.value });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const fields = mailing.list?.columns.map((c) => c.name) ?? [];
  const written = mailing.subject.trim() !== '' && mailing.html.trim() !== '';
  const filesReady = filesComplete(mailing.files, fields);
  const complete = written && filesReady;

  return (
    <section className={layout.stack} aria-labelledby="message-heading">
      <h2 id="message-heading" className={layout.heading}>
        {t('message.title')}
      </h2>
      <div className={layout.row}>
        <Button
          size="small"
          data-testid="templates-toggle"
          aria-expanded={libraryOpen}
          aria-controls={libraryOpen ? libraryId : undefined}
          onClick={() => setLibraryOpen((open) => !open)}
        >
          {t('message.templates')}
        </Button>
        {host?.canReadDraft && (
          <Button size="small" data-testid="load-draft" onClick={() => void loadDraft()}>
            {t('message.fromDraft')}
          </Button>
        )}
      </div>
      {libraryOpen && (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <TemplateLibrary id={libraryId} host={host} mailing={mailing} update={update} changeFiles={changeFiles} />
        </Suspense>
      )}
      {mailing.fromTemplate && (
        <p className={layout.muted} data-testid="template-origin">
          {t('message.templateLoaded', { name: mailing.fromTemplate.name })}
        </p>
      )}
      {draftNote && (
        <MessageBar intent="info" data-testid="draft-loaded">
          <MessageBarBody>{t('message.draftLoaded')}</MessageBarBody>
        </MessageBar>
      )}
      {draftError !== null && (
        <ErrorBar error={new Error(t('message.draftFailed', { message: describeError(draftError, t) }))} />
      )}
      <Field label={t('message.subject')} required>
        <Input
          ref={subjectRef}
          data-testid="subject"
          value={mailing.subject}
          onFocus={() => (lastTarget.current = 'subject')}
          onChange={(_, d) => update({ subject: d.value })}
        />
      </Field>
      <FieldButtons fields={fields} onInsert={insert} />
      <Field label={t('message.body')} hint={t('message.bodyHint')} required>
        <Textarea
          ref={bodyRef}
          data-testid="body"
          textarea={{ className: styles.body }}
          resize="vertical"
          value={mailing.html}
          onFocus={() => (lastTarget.current = 'html')}
          onChange={(_, d) => update({ html: d.value })}
        />
      </Field>
      <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
        <MessageFiles mailing={mailing} changeFiles={changeFiles} />
      </Suspense>
      {!written && <p className={layout.muted}>{t('message.needContent')}</p>}
      {!filesReady && <p className={layout.muted}>{t('message.needFileColumn')}</p>}
      <div className={layout.actions}>
        <Button data-testid="back" onClick={props.onBack}>
          {t('common.back')}
        </Button>
        <Button appearance="primary" data-testid="next" disabled={!complete} onClick={props.onNext}>
          {t('common.next')}
        </Button>
      </div>
    </section>
  );
}
