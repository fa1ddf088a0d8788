import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ListSummary } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';

const SHOWN = 20;

/** The problems found while importing a file (the list is still usable). */
export function ProblemsList(props: { problems: ListSummary['problems'] }) {
  const layout = useLayout();
  const { t } = useI18n();
  const shown = props.problems.slice(0, SHOWN);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="import-problems">
      <MessageBarBody>
        <MessageBarTitle>{t('recipients.problems', { count: props.problems.length })}</MessageBarTitle>
        <ul className={layout.list}>
          {shown.map((p, i) => (
            <li key={i}>
              {p.column
                ? t('recipients.problemColumn', { row: p.row, column: p.column, message: p.message })
                : t('recipients.problem', { row: p.row, message: p.message })}
            </li>
          ))}
        </ul>
        {props.problems.length > SHOWN && <span>{t('recipients.moreRows', { count: props.problems.length - SHOWN })}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
