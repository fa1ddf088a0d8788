import type { BackgroundGrantStatus, MeResponse } from '../../../shared/api';
import type { MessageKey } from '../i18n';

/** One row of the sending limits: what is limited, and the plural message its number is shown with. */
export interface LimitLine {
  id: 'per-minute' | 'per-day' | 'concurrency';
  label: MessageKey;
  value: MessageKey;
  count: number;
}

/** The mailbox's limits as the panel lists them: messages a minute, recipients a day, messages at once. */
export function limitLines(limits: MeResponse['limits']): LimitLine[] {
  return [
    { id: 'per-minute', label: 'settings.perMinute', value: 'common.messages', count: limits.perMinute },
    { id: 'per-day', label: 'settings.perDay', value: 'common.recipients', count: limits.perDay },
    { id: 'concurrency', label: 'settings.concurrency', value: 'common.messages', count: limits.concurrency },
  ];
}

/** The catalog key naming where messages are sent from. */
export function modeKey(mode: MeResponse['mode']): MessageKey {
  return mode === 'microsoft' ? 'settings.modeMicrosoft' : 'settings.modeLocal';
}

/** What the background-sending control offers: nothing where there is no grant (local mode), else allow or revoke. */
export type GrantAction = 'none' | 'allow' | 'revoke';

/** The action for a grant status; null means the mode has no background grant. */
export function grantActionOf(status: BackgroundGrantStatus | null): GrantAction {
  if (!status) return 'none';
  return status.granted ? 'revoke' : 'allow';
}
