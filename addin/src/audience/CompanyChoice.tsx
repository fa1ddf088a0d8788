import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type MessageKey } from '../i18n';
import { COMPANY_KINDS, isCompanyChoiceValid, type CompanyChoice as Choice } from './companies';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column' },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

const LABEL: Record<(typeof COMPANY_KINDS)[number], MessageKey> = {
  general: 'audience.companies.general',
  defaultContact: 'audience.companies.defaultContact',
  otherContacts: 'audience.companies.otherContacts',
};

const TEST_ID: Record<(typeof COMPANY_KINDS)[number], string> = {
  general: 'company-general',
  defaultContact: 'company-default',
  otherContacts: 'company-others',
};

/** For a list of companies and their contact persons: which of each company's addresses get it. */
export function CompanyChoice(props: { value: Choice; onChange: (value: Choice) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const valid = isCompanyChoiceValid(props.value);
  return (
    <fieldset className={styles.group} aria-describedby={valid ? undefined : 'company-choice-error'} data-testid="company-choice">
      <legend className={styles.legend}>{t('audience.companies.title')}</legend>
      {COMPANY_KINDS.map((kind) => (
        <Checkbox
          key={kind}
          data-testid={TEST_ID[kind]}
          checked={props.value[kind]}
          label={t(LABEL[kind])}
          onChange={(_, d) => props.onChange({ ...props.value, [kind]: d.checked === true })}
        />
      ))}
      {!valid && (
        <span id="company-choice-error" role="alert" className={styles.error} data-testid="company-choice-error">
          {t('audience.companies.none')}
        </span>
      )}
    </fieldset>
  );
}
