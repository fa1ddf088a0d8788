import { describe, expect, it } from 'vitest';
import { CreateScheduleRequest } from '../../../shared/api';
import { newMailing, type Mailing } from '../app/mailing';
import { runRequestOf, scheduleNameOf, scheduleRequestOf, type RunBody } from './runRequest';

const birthdayRun: RunBody = {
  listId: 'list-1',
  emailColumn: 'email',
  template: { subject: 'İyi ki doğdun {{firstName}}', html: '<p>Nice yıllara!</p>' },
  folderId: 'sent',
  options: { maxErrors: 2, acceptUnknownFields: false, perMinute: 20, scheduledAt: '2099-01-01T08:00:00.000Z' },
  cc: [{ address: 'hr@example.com' }],
  audience: { filter: { type: 'birthdayToday', field: 'birthDate' } },
};

describe('the run request', () => {
  it('carries the list, message, folder, options, addressing and the audience\'s date rule', () => {
    const mailing: Mailing = {
      ...newMailing(),
      list: { id: 'list-1', name: 'Staff' } as Mailing['list'],
      emailColumn: 'email',
      filter: { op: 'and', conditions: [{ id: 1, field: 'birthDate', operator: 'birthdayToday', value: '' }] },
      folderId: 'sent',
      cc: 'hr@example.com',
      bcc: '',
      replyTo: '{{manager}}',
    };
    const message = { template: { subject: 'İyi ki doğdun {{firstName}}', html: '<p>Nice yıllara!</p>' } };
    expect(runRequestOf(mailing, message, { maxErrors: 0, acceptUnknownFields: false })).toEqual({
      listId: 'list-1',
      emailColumn: 'email',
      template: message.template,
      folderId: 'sent',
      options: { maxErrors: 0, acceptUnknownFields: false },
      cc: [{ address: 'hr@example.com' }],
      replyTo: { column: 'manager' },
      audience: { filter: { type: 'birthdayToday', field: 'birthDate' } },
    });
  });
});

describe('the schedule request', () => {
  it('repeats the run as it is, in the schedule\'s zone, without a single start time', () => {
    const body = scheduleRequestOf(birthdayRun, { kind: 'daily', hour: 8, minute: 0 }, 'Europe/Istanbul', 'Birthdays');
    expect(body).toEqual({
      name: 'Birthdays',
      cron: '0 8 * * *',
      timeZone: 'Europe/Istanbul',
      run: {
        ...birthdayRun,
        options: { maxErrors: 2, acceptUnknownFields: false, perMinute: 20, timeZone: 'Europe/Istanbul' },
      },
    });
    // The audience's date rule goes along unevaluated: the server applies it on each run date.
    expect(body.run.audience).toEqual({ filter: { type: 'birthdayToday', field: 'birthDate' } });
    expect(CreateScheduleRequest.safeParse(body).success).toBe(true);
  });

  it('names a schedule by its subject and list, within the server\'s limit', () => {
    expect(scheduleNameOf(' Happy birthday ', 'Staff')).toBe('Happy birthday — Staff');
    expect(scheduleNameOf('', 'Staff')).toBe('Staff');
    const long = scheduleNameOf('x'.repeat(300), 'Staff');
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
