import { describe, expect, it } from 'vitest';
import { CreateScheduleRequest, PreviewRequest } from '../../../shared/api';
import { newMailing, type Mailing } from '../app/mailing';
import { previewRequestOf, runRequestOf, scheduleNameOf, scheduleRequestOf, type RunBody } from './runRequest';

const birthdayRun: RunBody = {
  listId: 'list-1',
  emailColumn: 'email',
  template: { subject: 'İyi ki doğdun {{firstName}}', html: '<p>Nice yıllara!</p>' },
  folderId: 'sent',
  options: { maxErrors: 2, acceptUnknownFields: false, perMinute: 20, scheduledAt: '2099-01-01T08:00:00.000Z' },
  cc: [{ address: 'hr@example.com' }],
  audience: { filter: { type: 'birthdayToday', field: 'birthDate' } },
};

/** A user in Istanbul with the pane in Turkish. */
const ISTANBUL = { timeZone: 'Europe/Istanbul', locale: 'tr' };

describe('the run request', () => {
  it('carries the list, message, folder, options (the user’s zone and language), addressing and the audience\'s date rule', () => {
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
    expect(runRequestOf(mailing, message, { maxErrors: 0, acceptUnknownFields: false }, ISTANBUL)).toEqual({
      listId: 'list-1',
      emailColumn: 'email',
      template: message.template,
      folderId: 'sent',
      // "Birthday today" is today in Istanbul, whatever the server's zone.
      options: { maxErrors: 0, acceptUnknownFields: false, timeZone: 'Europe/Istanbul', locale: 'tr' },
      cc: [{ address: 'hr@example.com' }],
      replyTo: { column: 'manager' },
      audience: { filter: { type: 'birthdayToday', field: 'birthDate' } },
    });
  });

  it('carries who exactly: rows marked out and in, exclusions, address columns and the company choice', () => {
    const mailing: Mailing = {
      ...newMailing(),
      list: { id: 'clients', name: 'Clients', companies: { typeColumn: 'recipientType' } } as Mailing['list'],
      emailColumn: 'email',
      filter: { op: 'and', conditions: [{ id: 1, field: 'sector', operator: 'equals', value: 'Gıda' }] },
      marks: { include: ['c-12'], exclude: ['c-0', 'c-5', 'c-9'], by: 'contactId' },
      exclusions: 'rakip.com.tr; ayse@example.com',
      addressChoice: { columns: ['workEmail', 'email'], mode: 'first' },
      companies: { general: true, defaultContact: true, otherContacts: false },
    };
    const body = runRequestOf(mailing, { templateId: 'tpl-1' }, { maxErrors: 0, acceptUnknownFields: false }, ISTANBUL);
    expect(body.audience).toEqual({
      filter: { type: 'equals', field: 'sector', value: 'Gıda' },
      include: ['c-12'],
      exclude: ['c-0', 'c-5', 'c-9'],
      rowKey: 'contactId',
      exclusions: ['rakip.com.tr', 'ayse@example.com'],
      addressColumns: ['workEmail', 'email'],
      companies: { general: true, defaultContact: true, otherContacts: false },
    });
    const schedule = scheduleRequestOf(body, { kind: 'daily', hour: 9, minute: 0 }, 'Europe/Warsaw', 'Clients');
    expect(schedule.run.audience).toEqual(body.audience);
    expect(CreateScheduleRequest.safeParse(schedule).success).toBe(true);
    // The Review step previews (and test-sends) the same audience's recipients.
    const preview = previewRequestOf(mailing, { templateId: 'tpl-1' }, 2, ISTANBUL);
    expect(preview).toEqual({ listId: 'clients', emailColumn: 'email', templateId: 'tpl-1', options: ISTANBUL, audience: body.audience, rowIndex: 2 });
    expect(PreviewRequest.safeParse(preview).success).toBe(true);
  });

  it('previews the list\'s rows when the audience is everyone', () => {
    const mailing: Mailing = { ...newMailing(), list: { id: 'list-1', name: 'Staff', companies: null } as Mailing['list'], emailColumn: 'email' };
    expect(previewRequestOf(mailing, { templateId: 'tpl-1' }, 0, ISTANBUL)).toEqual({ listId: 'list-1', emailColumn: 'email', templateId: 'tpl-1', options: ISTANBUL, rowIndex: 0 });
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
