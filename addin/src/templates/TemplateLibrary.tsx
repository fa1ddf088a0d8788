import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { SavedTemplateSummary, SkippedAttachment, TemplateFromDraftResponse } from '../../../shared/api';
import { getTemplate, listTemplates } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import type { OfficeHost } from '../office';
import type { Mailing, UpdateMailing } from '../app/mailing';
import { messageFromTemplate, originOf } from '../message/files';
import type { FilesChange } from '../message/uploads';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { DraftTemplateSave } from './DraftTemplateSave';
import { SaveTemplateForm } from './SaveTemplateForm';
import { TemplateItem, type TemplateChange } from './TemplateItem';
import { templateErrorOf } from './errors';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  skipped: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type Notice = { text: string; skipped?: SkippedAttachment[] };

/**
 * The template library inside the Message step (loaded on demand): use a saved template (subject,
 * body and its files), save the message — or, composing in Outlook, the draft itself — as a new
 * one, and rename, duplicate or delete them. A template's files go through `changeFiles`, onto
 * the files as they are when it has loaded.
 */
export default function TemplateLibrary(props: {
  id: string;
  host: OfficeHost | null;
  mailing: Mailing;
  update: UpdateMailing;
  changeFiles: (change: FilesChange) => void;
}) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, update, changeFiles } = props;
  const library = useAsync(listTemplates, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<SavedTemplateSummary | null>(null);
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The Use button that asked "replace the message?" (only that item gets the ref).
  const askingUseRef = useRef<HTMLButtonElement>(null);
  // Set when the question closes: its buttons are gone, so focus goes back to the Use button on
  // Cancel, or to the library heading on Replace (loading disables every Use button, and the heading
  // sits just above an error, should the template fail to load).
  const refocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current.focus();
    refocus.current = null;
  }, [confirming]);
  const closeQuestion = (focusTo: HTMLElement | null) => {
    refocus.current = focusTo;
    setConfirming(null);
  };

  const fail = (e: unknown) => {
    setNotice(null);
    setError(templateErrorOf(e, t));
  };
  const announce = (text: string, skipped?: SkippedAttachment[]) => {
    setError(null);
    setNotice({ text, skipped });
    library.reload();
  };

  const load = async (summary: SavedTemplateSummary) => {
    setConfirming(null);
    setError(null);
    setNotice(null);
    setLoadingId(summary.id);
    try {
      const template = await getTemplate(summary.id);
      const { subject, html, fromTemplate } = messageFromTemplate(template, mailing.files);
      update({ subject, html, fromTemplate, draftLoaded: true });
      // Its files onto the files as they are by now, not the copy from the click: an upload that
      // finished while it loaded stays.
      changeFiles((current) => messageFromTemplate(template, current).files);
    } catch (e) {
      fail(e);
    } finally {
      setLoadingId(null);
    }
  };
  const hasContent = mailing.subject.trim() !== '' || mailing.html.trim() !== '' || mailing.files.shared.length > 0;
  const use = (summary: SavedTemplateSummary) => (hasContent ? setConfirming(summary) : void load(summary));

  const changed = (change: TemplateChange) => {
    if (change.kind === 'deleted') {
      // A run must not name a template that is gone: the message stays, sent as it is.
      if (mailing.fromTemplate?.id === change.id) update({ fromTemplate: null });
      // Its item (and the button that had focus) goes: focus moves to the library, just above the notice.
      headingRef.current?.focus();
      return announce(t('templates.deleted', { name: change.name }));
    }
    if (change.kind === 'renamed' && mailing.fromTemplate?.id === change.template.id) {
      update({ fromTemplate: { ...mailing.fromTemplate, name: change.template.name } });
    }
    announce(t(change.kind === 'renamed' ? 'templates.renamed' : 'templates.duplicated', { name: change.template.name }));
  };
  const fromDraft = (result: TemplateFromDraftResponse) =>
    announce(t('templates.draftSaved', { name: result.template.name }), result.skipped);

  const templates = library.value?.templates ?? [];
  return (
    <section id={props.id} className={styles.panel} aria-labelledby={`${props.id}-heading`} data-testid="template-library">
      <h3 ref={headingRef} id={`${props.id}-heading`} className={layout.subheading} tabIndex={-1}>
        {t('templates.title')}
      </h3>
      <SaveTemplateForm
        mailing={mailing}
        onError={fail}
        onSaved={(saved) => {
          // The message now is this template: a run from it records when it was last sent.
          update({ fromTemplate: originOf(saved) });
          announce(t('templates.saved', { name: saved.name }));
        }}
      />
      {props.host?.canSaveDraft && <DraftTemplateSave host={props.host} onSaved={fromDraft} />}
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="templates-notice">
          <MessageBarBody>
            {notice.text}
            {notice.skipped && notice.skipped.length > 0 && (
              <>
                {` ${t('templates.draftSkipped')}`}
                <ul className={styles.skipped} data-testid="templates-skipped">
                  {notice.skipped.map((s, i) => (
                    <li key={`${s.name}-${i}`}>{`${s.name} (${skippedKind(s.kind, t)})`}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} testId="templates-error" />
      <ErrorBar error={library.error} onRetry={library.reload} testId="templates-load-error" />
      {confirming && (
        <div className={layout.tight} role="group" aria-labelledby={`${props.id}-replace`} data-testid="template-replace">
          <span id={`${props.id}-replace`}>{t('templates.confirmReplace', { name: confirming.name })}</span>
          <div className={layout.row}>
            <Button
              size="small"
              appearance="primary"
              data-testid="template-replace-confirm"
              onClick={() => {
                closeQuestion(headingRef.current);
                void load(confirming);
              }}
            >
              {t('templates.replace')}
            </Button>
            <Button size="small" data-testid="template-replace-cancel" autoFocus onClick={() => closeQuestion(askingUseRef.current ?? headingRef.current)}>
              {t('templates.cancel')}
            </Button>
          </div>
        </div>
      )}
      {library.loading && !library.value && <Spinner size="tiny" label={t('app.loading')} />}
      {library.value && templates.length === 0 && <p className={layout.muted}>{t('templates.empty')}</p>}
      {templates.length > 0 && (
        <ul className={styles.list} aria-label={t('templates.list')} data-testid="template-list">
          {templates.map((template) => (
            <TemplateItem
              // By id: a renamed template keeps its item, so focus stays on its "More" button.
              key={template.id}
              template={template}
              busy={loadingId !== null}
              useButtonRef={confirming?.id === template.id ? askingUseRef : undefined}
              onUse={() => use(template)}
              onChange={changed}
              onError={fail}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A skipped draft attachment's kind in words (Graph's type names), or as the server gave it. */
function skippedKind(kind: string, t: (key: MessageKey) => string): string {
  if (kind === 'itemAttachment') return t('templates.kind.item');
  if (kind === 'referenceAttachment') return t('templates.kind.reference');
  return kind;
}
