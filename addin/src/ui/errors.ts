import { ApiError } from '../api';
import type { Translator } from '../i18n';

/** The message to show for a failure: the server's own message, or a translated fallback. */
export function describeError(error: unknown, t: Translator['t']): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('common.networkError');
    if (error.code === 'BAD_RESPONSE') return t('common.badResponse');
    return error.message || t('common.error');
  }
  return error instanceof Error && error.message ? error.message : t('common.error');
}
