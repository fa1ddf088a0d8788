import { ApiError } from '../api';
import type { Translator } from '../i18n';

/**
 * The library's failures in the pane's language where the code says what happened: the server
 * cannot read Outlook drafts, the draft is not in the mailbox yet, the name is taken. Anything
 * else is returned as it was, for the error bar to describe.
 */
export function templateErrorOf(error: unknown, t: Translator['t']): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'DRAFT_UNAVAILABLE') return new Error(t('templates.draftUnavailable'));
  if (error.code === 'DRAFT_NOT_FOUND') return new Error(t('templates.draftNotFound'));
  if (error.code === 'CONFLICT') {
    const name = (error.details as { name?: unknown } | undefined)?.name;
    return new Error(t('templates.nameTaken', { name: typeof name === 'string' ? name : '' }));
  }
  return error;
}

/** A failure of Outlook's own save, before the server was asked. */
export function draftSaveErrorOf(error: unknown, t: Translator['t']): Error {
  const message = error instanceof Error && error.message ? error.message : t('common.error');
  return new Error(t('templates.draftSaveFailed', { message }));
}
