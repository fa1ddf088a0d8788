import { useEffect, useRef } from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { chosenColumns, moveColumn, orderedCandidates, toggleColumn, type AddressChoiceInput } from './addressChoice';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  arrow: { minWidth: '32px' },
});

/**
 * For a list with several address columns (work, private; Outlook's email, email2, email3): which
 * to use in order of preference, and whether each row gets its first valid address or every one.
 */
export function AddressColumns(props: {
  candidates: string[];
  emailColumn: string | null;
  value: AddressChoiceInput;
  onChange: (value: AddressChoiceInput) => void;
}) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { value, emailColumn } = props;
  const chosen = chosenColumns(value, emailColumn);
  const shown = orderedCandidates(props.candidates, chosen);
  const arrows = useRef(new Map<string, HTMLButtonElement>());
  const moved = useRef<{ column: string; by: -1 | 1 } | null>(null);

  // A moved column keeps focus on the arrow pressed; at the top or bottom that arrow is disabled,
  // so focus goes to the other one instead of being lost.
  useEffect(() => {
    const last = moved.current;
    moved.current = null;
    if (!last) return;
    const place = chosen.indexOf(last.column);
    const atEnd = last.by === -1 ? place === 0 : place === chosen.length - 1;
    const by = atEnd ? -last.by : last.by;
    arrows.current.get(`${by === -1 ? 'up' : 'down'}:${last.column}`)?.focus();
  });

  const arrowRef = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) arrows.current.set(key, el);
    else arrows.current.delete(key);
  };
  const move = (column: string, by: -1 | 1) => {
    moved.current = { column, by };
    props.onChange(moveColumn(value, emailColumn, column, by));
  };
  return (
    <fieldset className={styles.group} data-testid="address-columns">
      <legend className={styles.legend}>{t('audience.addresses.title')}</legend>
      <span className={layout.muted} id="address-columns-hint">
        {t('audience.addresses.hint')}
      </span>
      <ul className={styles.list} aria-describedby="address-columns-hint">
        {shown.map((column) => {
          const place = chosen.indexOf(column);
          const inUse = place >= 0;
          return (
            <li key={column} className={styles.item} data-testid="address-column">
              <Checkbox
                className={styles.name}
                data-testid={`address-use-${column}`}
                checked={inUse}
                disabled={inUse && chosen.length === 1}
                label={inUse && chosen.length > 1 ? `${place + 1}. ${column}` : column}
                onChange={() => props.onChange(toggleColumn(value, emailColumn, column))}
              />
              {inUse && chosen.length > 1 && (
                <>
                  <Button
                    size="small"
                    className={styles.arrow}
                    ref={arrowRef(`up:${column}`)}
                    data-testid={`address-up-${column}`}
                    aria-label={t('audience.addresses.up', { column })}
                    disabled={place === 0}
                    onClick={() => move(column, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    className={styles.arrow}
                    ref={arrowRef(`down:${column}`)}
                    data-testid={`address-down-${column}`}
                    aria-label={t('audience.addresses.down', { column })}
                    disabled={place === chosen.length - 1}
                    onClick={() => move(column, 1)}
                  >
                    ↓
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <Field label={t('audience.addresses.mode')}>
        <RadioGroup value={value.mode} onChange={(_, d) => props.onChange({ ...value, mode: d.value === 'all' ? 'all' : 'first' })}>
          <Radio value="first" label={t('audience.addresses.first')} data-testid="addresses-first" />
          <Radio value="all" label={t('audience.addresses.all')} data-testid="addresses-all" />
        </RadioGroup>
      </Field>
    </fieldset>
  );
}
