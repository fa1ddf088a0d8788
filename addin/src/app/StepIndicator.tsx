import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { STEPS, type Step } from './mailing';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    counterReset: 'step',
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '18px',
    height: '18px',
    borderRadius: '50%',
    fontSize: tokens.fontSizeBase100,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  done: { color: tokens.colorNeutralForeground2 },
  doneNumber: { backgroundColor: tokens.colorNeutralBackground3 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  currentNumber: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `1px solid ${tokens.colorBrandBackground}`,
  },
});

/** The numbered steps of the flow; the current one is marked with aria-current="step". */
export function StepIndicator(props: { step: Step }) {
  const styles = useStyles();
  const { t } = useI18n();
  const currentIndex = STEPS.indexOf(props.step);
  return (
    <nav aria-label={t('steps.label')}>
      <ol className={styles.list}>
        {STEPS.map((step, i) => {
          const state = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo';
          return (
            <li
              key={step}
              data-testid={`step-${step}`}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
              className={mergeClasses(styles.item, state === 'done' && styles.done, state === 'current' && styles.current)}
            >
              <span
                aria-hidden="true"
                className={mergeClasses(
                  styles.number,
                  state === 'done' && styles.doneNumber,
                  state === 'current' && styles.currentNumber,
                )}
              >
                {i + 1}
              </span>
              {t(`steps.${step}`)}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
