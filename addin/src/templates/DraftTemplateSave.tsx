import { useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { TemplateFromDraftResponse } from '../../../shared/api';
import { templateFromDraft } from '../api';
import { useI18n } from '../i18n';
import type { OfficeHost } from '../office';
import { ErrorBar } from '../ui/ErrorBar';
import { useLayout } from '../ui/styles';
import { draftSaveErrorOf, templateErrorOf } from './errors';

/**
 * "Save this draft as a template" when composing in Outlook: Outlook saves the draft first (the
 * server reads it from the mailbox, files and inline images included), then the server stores it.
 */
export function DraftTemplateSave(props: { host: OfficeHost; onSaved: (result: TemplateFromDraftResponse) => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      let itemId: string;
      try {
        itemId = await props.host.saveDraft();
      } catch (e) {
        setError(draftSaveErrorOf(e, t));
        return;
      }
      props.onSaved(await templateFromDraft({ itemId }));
    } catch (e) {
      setError(templateErrorOf(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={layout.tight}>
      <div className={layout.row}>
        <Button size="small" data-testid="template-from-draft" disabled={busy} onClick={() => void save()}>
          {t('templates.fromDraft')}
        </Button>
        {busy && <Spinner size="tiny" label={t('templates.savingDraft')} />}
      </div>
      <ErrorBar error={error} testId="draft-template-error" />
    </div>
  );
}
