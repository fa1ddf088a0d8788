import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { grantActionOf, limitLines, modeKey } from './settings-model';

describe('the settings panel model', () => {
  it('lists messages a minute, recipients a day and messages at once, in the locale\'s plurals and digits', () => {
    const lines = limitLines({ perMinute: 30, perDay: 10_000, concurrency: 1 });
    const show = (locale: 'en' | 'pl' | 'ru') => {
      const { t } = createTranslator(locale);
      return lines.map((l) => `${t(l.label)}: ${t(l.value, { count: l.count })}`);
    };
    expect(show('en')).toEqual(['Per minute: 30 messages', 'Per 24 hours: 10,000 recipients', 'At the same time: 1 message']);
    expect(show('pl')[1]).toMatch(/^Na 24 godziny: 10\s000 odbiorców$/);
    expect(show('ru')[0]).toBe('В минуту: 30 писем');
  });

  it('offers the grant only where there is one: allow when not granted, revoke when granted', () => {
    expect(grantActionOf(null)).toBe('none');
    expect(grantActionOf({ granted: false, grantedAt: null, updatedAt: null })).toBe('allow');
    expect(grantActionOf({ granted: true, grantedAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z' })).toBe('revoke');
  });

  it('names the mode', () => {
    expect(createTranslator('en').t(modeKey('local'))).toBe('Local mailbox on this computer');
    expect(createTranslator('tr').t(modeKey('microsoft'))).toBe('Microsoft 365: kendi posta kutunuz');
  });
});
