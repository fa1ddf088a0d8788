import type { Translator } from '../i18n';
import { ruleOfCron, type RepeatRule } from './repeat';

type Words = Pick<Translator, 't' | 'locale'>;

// 7 January 2024 was a Sunday: day d of the week is 7 + d January 2024 (UTC).
const dayOfWeek = (day: number) => new Date(Date.UTC(2024, 0, 7 + day, 12));

/** The locale's name of a day of the week (0 = Sunday), as a form label or in a list. */
export function weekdayName(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(dayOfWeek(day));
}

/** A wall-clock time in the locale's style (`08:00`, `08:00 AM`), as the translator formats times, not moved to any zone. */
export function wallClock(hour: number, minute: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, hour, minute)),
  );
}

/** A rule in words in the user's language: "Every day at 08:00 (Europe/Istanbul)". */
export function describeRule(rule: RepeatRule, timeZone: string, words: Words): string {
  const time = wallClock(rule.hour, rule.minute, words.locale);
  const zone = timeZone;
  switch (rule.kind) {
    case 'daily':
      return words.t('schedule.rule.daily', { time, zone });
    case 'weekdays':
      return words.t('schedule.rule.weekdays', { time, zone });
    case 'weekly': {
      const names = rule.weekdays.map((d) => weekdayName(d, words.locale));
      const days = new Intl.ListFormat(words.locale, { style: 'long', type: 'conjunction' }).format(names);
      return words.t('schedule.rule.weekly', { days, time, zone });
    }
    case 'monthly':
      return rule.day === 'last'
        ? words.t('schedule.rule.monthlyLast', { time, zone })
        : words.t('schedule.rule.monthly', { day: rule.day, time, zone });
  }
}

/** A stored schedule's pattern in words; one the pane did not write is shown as written. */
export function describeCron(cron: string, timeZone: string, words: Words): string {
  const rule = ruleOfCron(cron);
  return rule ? describeRule(rule, timeZone, words) : words.t('schedule.rule.custom', { cron, zone: timeZone });
}
