import { useSyncExternalStore } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Auth } from '../auth';
import { useI18n } from '../i18n';

/** Shows why the pane cannot sign in (no NAA nor dialog here, consent missing, sign-in failed), and what to do. */
export function SignInNotice(props: { auth: Auth }) {
  const { t } = useI18n();
  const problem = useSyncExternalStore(props.auth.subscribe, props.auth.problem);
  if (!problem) return null;
  return (
    <MessageBar intent={problem === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid={`signin-${problem}`}>
      <MessageBarBody>
        <MessageBarTitle>{t('signin.title')}</MessageBarTitle>
        {t(`signin.${problem}`)}
      </MessageBarBody>
    </MessageBar>
  );
}
