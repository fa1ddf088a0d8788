import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { describeError } from '../ui/errors';

/** Shown when a file left the message but the server kept its stored copy (still in use, or unreachable); nothing waits on it. */
export function StoredCopyWarning(props: { error: unknown; testId: string }) {
  const { t } = useI18n();
  if (!props.error) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={props.testId}>
      <MessageBarBody>{`${t('message.storedCopyKept')} ${describeError(props.error, t)}`}</MessageBarBody>
    </MessageBar>
  );
}
