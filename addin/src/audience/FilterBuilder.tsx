import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { NO_VALUE, OPERATORS, type ConditionInput, type FilterInput, type Operator } from './filterModel';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  condition: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  part: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
});

/**
 * Conditions on the list's columns (AND/OR, birthday and work-anniversary rules); the live count
 * of the whole audience is the Recipients step's `AudienceSummary`.
 */
export function FilterBuilder(props: { list: ListSummary; value: FilterInput; onChange: (f: FilterInput) => void }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { value, onChange } = props;

  const columns = props.list.columns.map((c) => c.name);
  const change = (id: number, patch: Partial<ConditionInput>) =>
    onChange({ ...value, conditions: value.conditions.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  const add = () => {
    const id = Math.max(0, ...value.conditions.map((c) => c.id)) + 1;
    onChange({ ...value, conditions: [...value.conditions, { id, field: columns[0] ?? '', operator: 'equals', value: '' }] });
  };
  const remove = (id: number) => onChange({ ...value, conditions: value.conditions.filter((c) => c.id !== id) });

  return (
    <section className={layout.tight} aria-labelledby="filter-heading">
      <h3 id="filter-heading" className={layout.subheading}>
        {t('audience.title')}
      </h3>
      {value.conditions.length > 1 && (
        <RadioGroup
          layout="horizontal"
          aria-label={t('audience.match')}
          value={value.op}
          onChange={(_, d) => onChange({ ...value, op: d.value === 'or' ? 'or' : 'and' })}
        >
          <Radio value="and" label={t('audience.all')} data-testid="filter-and" />
          <Radio value="or" label={t('audience.any')} data-testid="filter-or" />
        </RadioGroup>
      )}
      <ul className={styles.list}>
        {value.conditions.map((c, i) => (
          <li key={c.id} className={styles.condition} data-testid="filter-condition">
            <Field className={styles.part} label={t('audience.field')}>
              <Select className={layout.shrink} value={c.field} data-testid="filter-field" onChange={(_, d) => change(c.id, { field: d.value })}>
                {columns.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.part} label={t('audience.operator')}>
              <Select
                className={layout.shrink}
                value={c.operator}
                data-testid="filter-operator"
                onChange={(_, d) => change(c.id, { operator: d.value as Operator })}
              >
                {OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {t(`audience.op.${op}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {!NO_VALUE.has(c.operator) && (
              <Field className={styles.part} label={t('audience.value')}>
                <Input value={c.value} data-testid="filter-value" onChange={(_, d) => change(c.id, { value: d.value })} />
              </Field>
            )}
            <Button size="small" aria-label={t('audience.remove', { n: i + 1 })} data-testid="filter-remove" onClick={() => remove(c.id)}>
              ×
            </Button>
          </li>
        ))}
      </ul>
      <div className={layout.row}>
        <Button size="small" data-testid="filter-add" onClick={add} disabled={columns.length === 0}>
          {t('audience.add')}
        </Button>
      </div>
    </section>
  );
}
