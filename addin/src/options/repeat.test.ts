import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { describeCron, describeRule, weekdayName } from './describeRepeat';
import { cronOf, newRepeat, repeatProblem, ruleOf, ruleOfCron, timeZoneOptions, type RepeatInput } from './repeat';

const input = (patch: Partial<RepeatInput>): RepeatInput => ({ ...newRepeat('Europe/Istanbul'), ...patch });

describe('the Repeat choice', () => {
  it('starts as once, in the given zone, and once has no rule', () => {
    expect(newRepeat('Europe/Warsaw')).toMatchObject({ kind: 'once', timeZone: 'Europe/Warsaw' });
    expect(ruleOf(input({ kind: 'once' }))).toBeNull();
    expect(repeatProblem(input({ kind: 'once', time: '' }))).toBeNull();
  });

  it('turns each choice into the cron pattern the server reads', () => {
    const cron = (patch: Partial<RepeatInput>) => cronOf(ruleOf(input(patch))!);
    expect(cron({ kind: 'daily', time: '08:00' })).toBe('0 8 * * *');
    expect(cron({ kind: 'weekdays', time: '07:30' })).toBe('30 7 * * 1-5');
    expect(cron({ kind: 'weekly', time: '18:05', weekdays: [5, 1, 3, 1] })).toBe('5 18 * * 1,3,5');
    expect(cron({ kind: 'weekly', time: '09:00', weekdays: [0] })).toBe('0 9 * * 0');
    expect(cron({ kind: 'monthly', time: '00:00', dayOfMonth: '15' })).toBe('0 0 15 * *');
    expect(cron({ kind: 'monthly', time: '23:59', dayOfMonth: 'last' })).toBe('59 23 L * *');
  });

  it('reports what is wrong before anything is sent', () => {
    expect(repeatProblem(input({ kind: 'daily', time: '' }))).toBe('time');
    expect(repeatProblem(input({ kind: 'daily', time: '24:00' }))).toBe('time');
    expect(repeatProblem(input({ kind: 'weekly', weekdays: [] }))).toBe('days');
    expect(repeatProblem(input({ kind: 'monthly', dayOfMonth: '29' }))).toBe('dayOfMonth');
    expect(repeatProblem(input({ kind: 'daily', timeZone: 'Mars/Olympus' }))).toBe('zone');
    expect(repeatProblem(input({ kind: 'daily', time: '08:00:00' }))).toBeNull();
  });

  it('reads back the patterns it writes, and nothing else', () => {
    for (const cron of ['0 8 * * *', '30 7 * * 1-5', '5 18 * * 1,3,5', '0 0 15 * *', '59 23 L * *']) {
      expect(cronOf(ruleOfCron(cron)!)).toBe(cron);
    }
    for (const cron of ['* * * * * *', '0 8 * 1 *', '*/5 * * * *', '0 8 1 * 1', '0 25 * * *', 'every day']) {
      expect(ruleOfCron(cron)).toBeNull();
    }
  });

  it('keeps the chosen zone among the offered ones even when the runtime does not list it', () => {
    expect(timeZoneOptions('UTC')[0]).toBe('UTC');
    expect(timeZoneOptions('Europe/Istanbul').filter((z) => z === 'Europe/Istanbul')).toHaveLength(1);
  });
});

describe('a rule in words', () => {
  const en = createTranslator('en');
  it('says when, in the user\'s language, with the schedule\'s zone', () => {
    expect(describeCron('0 8 * * *', 'Europe/Istanbul', en)).toBe('Every day at 08:00 AM (Europe/Istanbul)');
    expect(describeCron('30 7 * * 1-5', 'UTC', en)).toBe('Every weekday at 07:30 AM (UTC)');
    expect(describeCron('0 18 * * 1,3', 'UTC', en)).toBe('Every week on Monday and Wednesday at 06:00 PM (UTC)');
    expect(describeCron('0 9 15 * *', 'UTC', en)).toBe('Every month on day 15 at 09:00 AM (UTC)');
    expect(describeCron('0 9 L * *', 'UTC', en)).toBe('Every month on the last day at 09:00 AM (UTC)');
    expect(describeCron('* * * * * *', 'UTC', en)).toBe('Custom schedule: * * * * * * (UTC)');
  });

  it('names days and times the way each language does', () => {
    expect(describeRule({ kind: 'daily', hour: 8, minute: 0 }, 'Europe/Istanbul', createTranslator('tr'))).toBe('Her gün saat 08:00 (Europe/Istanbul)');
    expect(describeRule({ kind: 'weekly', hour: 18, minute: 30, weekdays: [1, 5] }, 'Europe/Warsaw', createTranslator('pl'))).toBe(
      'Co tydzień w dni: poniedziałek i piątek, o 18:30 (Europe/Warsaw)',
    );
    expect(describeRule({ kind: 'weekdays', hour: 7, minute: 0 }, 'Europe/Moscow', createTranslator('ru'))).toBe('По будням в 07:00 (Europe/Moscow)');
    expect(weekdayName(0, 'sk')).toBe('nedeľa');
  });
});
