import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import {
  Button,
  Field,
  Input,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SavedTemplate, SavedTemplateSummary } from '../../../shared/api';
import { deleteTemplate, duplicateTemplate, updateTemplate } from '../api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** What happened to a template, for the library to announce and reload. */
export type TemplateChange =
  | { kind: 'renamed' | 'duplicated'; template: SavedTemplate }
  | { kind: 'deleted'; id: string; name: string };

/**
 * One saved template: its name, subject, dates and files; Use, and a menu to rename (inline),
 * duplicate or delete (after a confirmation) it.
 */
export function TemplateItem(props: {
  template: SavedTemplateSummary;
  busy: boolean;
  /** The Use button, for the library to give focus back to once its question closes. */
  useButtonRef?: Ref<HTMLButtonElement>;
  onUse: () => void;
  onChange: (change: TemplateChange) => void;
  onError: (error: unknown) => void;
}) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatDateTime } = useI18n();
  const { template } = props;
  const nameId = useId();
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [name, setName] = useState(template.name);
  const [working, setWorking] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  // Set when a rename or a delete question closes (not on first show): the buttons that had focus
  // are gone, so focus goes back to "More", which opened them.
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setMode('idle');
  };
  useEffect(() => {
    if (mode !== 'idle' || !refocus.current) return;
    refocus.current = false;
    moreRef.current?.focus();
  }, [mode]);

  const act = async (work: () => Promise<TemplateChange>) => {
    setWorking(true);
    try {
      const change = await work();
      props.onChange(change);
      // Renamed: back to the item's buttons. Deleted: the item goes away and the library takes
      // focus. Duplicated: the menu already gave focus back to "More".
      if (change.kind === 'renamed') close();
      if (change.kind === 'deleted') setMode('idle');
    } catch (e) {
      props.onError(e);
    } finally {
      setWorking(false);
    }
  };
  const startRename = () => {
    setName(template.name);
    setMode('rename');
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (working) return;
    const wanted = name.trim();
    if (!wanted || wanted === template.name) return close();
    void act(async () => ({ kind: 'renamed', template: await updateTemplate(template.id, { name: wanted }) }));
  };
  const duplicate = () => void act(async () => ({ kind: 'duplicated', template: await duplicateTemplate(template.id) }));
  const remove = () =>
    void act(async () => {
      await deleteTemplate(template.id);
      return { kind: 'deleted', id: template.id, name: template.name };
    });

  const sent = template.lastSentAt ? t('templates.lastSent', { date: formatDateTime(template.lastSentAt) }) : t('templates.neverSent');
  return (
    <li className={styles.item} data-testid="template-item" data-name={template.name}>
      <span id={nameId} className={styles.name} data-testid="template-name">
        {template.name}
      </span>
      <span className={layout.muted}>{template.subject || t('mailbox.noSubject')}</span>
      <span className={layout.muted} data-testid="template-dates">
        {`${t('templates.updated', { date: formatDateTime(template.updatedAt) })} · ${sent}`}
        {template.attachmentCount > 0 && ` · ${t('templates.files', { count: template.attachmentCount })}`}
      </span>
      {template.note && <span className={layout.muted}>{template.note}</span>}
      {mode === 'idle' && (
        <div className={layout.row}>
          <Button
            ref={props.useButtonRef}
            size="small"
            appearance="primary"
            data-testid="template-use"
            aria-describedby={nameId}
            disabled={props.busy || working}
            onClick={props.onUse}
          >
            {t('templates.use')}
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton ref={moreRef} size="small" data-testid="template-actions" aria-describedby={nameId} disabled={props.busy || working}>
                {t('templates.more')}
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem data-testid="template-rename" onClick={startRename}>
                  {t('templates.rename')}
                </MenuItem>
                <MenuItem data-testid="template-duplicate" onClick={duplicate}>
                  {t('templates.duplicate')}
                </MenuItem>
                <MenuItem data-testid="template-delete" onClick={() => setMode('delete')}>
                  {t('templates.delete')}
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      )}
      {mode === 'rename' && (
        <form className={styles.form} onSubmit={rename}>
          <Field label={t('templates.newName', { name: template.name })} required>
            <Input data-testid="template-rename-input" value={name} maxLength={200} autoFocus onChange={(_, d) => setName(d.value)} />
          </Field>
          <div className={layout.row}>
            <Button size="small" appearance="primary" type="submit" data-testid="template-rename-save" disabled={!name.trim()} disabledFocusable={working}>
              {t('templates.save')}
            </Button>
            <Button size="small" onClick={close}>
              {t('templates.cancel')}
            </Button>
          </div>
        </form>
      )}
      {mode === 'delete' && (
        <div className={styles.form} role="group" aria-labelledby={`${nameId}-confirm`}>
          <span id={`${nameId}-confirm`}>{t('templates.confirmDelete', { name: template.name })}</span>
          <div className={layout.row}>
            <Button size="small" appearance="primary" data-testid="template-delete-confirm" disabledFocusable={working} onClick={remove}>
              {t('templates.delete')}
            </Button>
            <Button size="small" autoFocus onClick={close}>
              {t('templates.keep')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
