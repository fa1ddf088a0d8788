import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AudienceSpec, RowWarning } from '../../../shared/api';
import { useI18n, type MessageKey } from '../i18n';
import { ErrorBar } from '../ui/ErrorBar';
import { useAsync } from '../ui/useAsync';
import { useLayout } from '../ui/styles';
import { attachmentInputsOf, recipientFilesOf, type MessageFiles } from './files';
import { checkRecipientFiles } from './fileCheck';

const useStyles = makeStyles({
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * Which recipients' files the server finds missing or unusable, shown before anyone is sent
 * anything. With an audience only the people the run reaches are checked, numbered as recipients
 * (as the Review step's preview counts them); without one, every row of the list.
 */
export function FileCheck(props: { listId: string; emailColumn: string | null; audience?: AudienceSpec; files: MessageFiles }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const recipientFiles = recipientFilesOf(props.files.perRecipient);
  const request = {
    listId: props.listId,
    emailColumn: props.emailColumn ?? undefined,
    ...(props.audience && { audience: props.audience }),
    ...(props.files.shared.length > 0 && { attachments: attachmentInputsOf(props.files.shared) }),
    recipientFiles,
  };
  const check = useAsync(async () => (recipientFiles ? checkRecipientFiles(request) : null), [JSON.stringify(request)]);
  const describe = (w: RowWarning) => t(`review.rowWarning.${w.code}` as MessageKey, { field: w.field ?? '' });

  if (!recipientFiles) return null;
  if (check.loading) return <Spinner size="tiny" label={t('message.checkingFiles')} />;
  if (check.error) return <ErrorBar error={check.error} onRetry={check.reload} testId="file-check-error" />;
  const result = check.value;
  if (!result) return null;
  if (result.count === 0) {
    return (
      <MessageBar intent="success" data-testid="file-check-ok">
        <MessageBarBody>{t('message.filesOk')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="file-check-problems">
      <MessageBarBody>
        {t('message.fileProblems', { count: result.count })}
        <ul className={styles.problems}>
          {result.shown.map((p) => (
            <li key={p.row} data-testid="file-problem">
              {t(props.audience ? 'message.fileProblemRecipient' : 'message.fileProblem', { row: p.row, to: p.to ?? t('common.none'), problem: p.warnings.map(describe).join(' ') })}
            </li>
          ))}
        </ul>
        {result.count > result.shown.length && <span className={layout.muted}>{t('message.moreFileProblems')}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
