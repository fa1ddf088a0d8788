import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { mergeTag } from './insertAtCursor';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, border: 0, padding: 0, margin: 0 },
  legend: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, padding: 0, marginBottom: tokens.spacingVerticalXS },
  button: { fontFamily: tokens.fontFamilyMonospace, minWidth: 'auto' },
});

/** One button per list field; pressing one inserts `{{field}}` where the cursor was. */
export function FieldButtons(props: { fields: string[]; onInsert: (tag: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (props.fields.length === 0) return <p>{t('message.noFields')}</p>;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t('message.fields')}</legend>
      {props.fields.map((field) => (
        <Button
          key={field}
          size="small"
          className={styles.button}
          data-testid={`field-${field}`}
          // Keep the caret where it is in the subject or body while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onInsert(mergeTag(field))}
        >
          {mergeTag(field)}
        </Button>
      ))}
    </fieldset>
  );
}
