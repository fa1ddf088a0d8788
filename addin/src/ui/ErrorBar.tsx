import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { describeError } from './errors';

/** An error message bar with the server's message and an optional retry action. */
export function ErrorBar(props: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useI18n();
  if (!props.error) return null;
  return (
    <MessageBar intent="error" data-testid={props.testId ?? 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('common.error')}</MessageBarTitle>
        {describeError(props.error, t)}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={props.onRetry}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
