import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { SavedTemplate } from '../../../shared/api';
import { createTemplate } from '../api';
import { useI18n } from '../i18n';
import type { Mailing } from '../app/mailing';
import { attachmentInputsOf } from '../message/files';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A first guess at a template's name: the subject on one line, within the library's 200 characters. */
function suggestedName(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** "Save as template": the current subject, body and files under a name, with an optional note. */
export function SaveTemplateForm(props: {
  mailing: Pick<Mailing, 'subject' | 'html' | 'files'>;
  onSaved: (template: SavedTemplate) => void;
  onError: (error: unknown) => void;
}) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { subject, html, files } = props.mailing;
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  // Set when the form closes (saved or cancelled), not on first show: its buttons are gone, so
  // focus goes back to the button that opened it.
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setOpen(false);
  };
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    openerRef.current?.focus();
  }, [open]);
  const ready = subject.trim() !== '' && html.trim() !== '';

  const start = () => {
    setName(suggestedName(subject));
    setNote('');
    setOpen(true);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || saving) return;
    setSaving(true);
    try {
      const saved = await createTemplate({
        name: name.trim(),
        subject,
        html,
        ...(note.trim() && { note: note.trim() }),
        ...(files.shared.length > 0 && { attachments: attachmentInputsOf(files.shared) }),
      });
      close();
      props.onSaved(saved);
    } catch (error) {
      props.onError(error);
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <div className={layout.tight}>
        <div className={layout.row}>
          <Button ref={openerRef} size="small" data-testid="template-save-open" disabled={!ready} onClick={start}>
            {t('templates.saveCurrent')}
          </Button>
        </div>
        {!ready && <span className={layout.muted}>{t('templates.needContent')}</span>}
      </div>
    );
  }
  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-label={t('templates.saveCurrent')}>
      <Field label={t('templates.name')} required>
        <Input data-testid="template-name-input" value={name} maxLength={200} autoFocus onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('templates.note')}>
        <Textarea data-testid="template-note-input" value={note} maxLength={2000} resize="vertical" onChange={(_, d) => setNote(d.value)} />
      </Field>
      <div className={layout.row}>
        <Button size="small" appearance="primary" type="submit" data-testid="template-save" disabled={!name.trim()} disabledFocusable={saving}>
          {t('templates.save')}
        </Button>
        <Button size="small" onClick={close}>
          {t('templates.cancel')}
        </Button>
      </div>
    </form>
  );
}
