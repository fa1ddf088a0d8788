import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { createTranslator } from '../i18n';
import { draftSaveErrorOf, templateErrorOf } from './errors';

describe("the template library's errors in the pane's language", () => {
  const { t } = createTranslator('tr');

  it('explains that a local server cannot read Outlook drafts, and a draft not saved yet', () => {
    const unavailable = templateErrorOf(new ApiError('DRAFT_UNAVAILABLE', 'This server sends through its local mailbox…', 409), t);
    expect((unavailable as Error).message).toBe(t('templates.draftUnavailable'));
    expect((unavailable as Error).message).toContain('Microsoft 365');
    const missing = templateErrorOf(new ApiError('DRAFT_NOT_FOUND', 'not yet', 404), t);
    expect((missing as Error).message).toBe(t('templates.draftNotFound'));
  });

  it('names the taken name, and leaves other failures to the error bar', () => {
    const taken = templateErrorOf(new ApiError('CONFLICT', 'You already have…', 409, { name: 'Davet' }), t);
    expect((taken as Error).message).toBe(t('templates.nameTaken', { name: 'Davet' }));
    const other = new ApiError('NETWORK', '', 0);
    expect(templateErrorOf(other, t)).toBe(other);
  });

  it("wraps Outlook's own reason when it could not save the draft", () => {
    expect(draftSaveErrorOf(new Error('busy'), t).message).toBe(t('templates.draftSaveFailed', { message: 'busy' }));
  });
});
