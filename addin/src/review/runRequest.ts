import type { z } from 'zod';
import type { CreateRunRequest, CreateScheduleRequest, PreviewRequest } from '../../../shared/api';
import { addressSourcesOf } from '../app/extras';
import type { Mailing } from '../app/mailing';
import { audienceSpecOf } from '../audience/audienceSpec';
import type { MessageRequest } from '../message/files';
import { cronOf, type RepeatRule } from '../options/repeat';

/** A run request as the pane sends it (before the server's defaults). */
export type RunBody = z.input<typeof CreateRunRequest>;

/** A schedule request as the pane sends it. */
export type ScheduleBody = z.input<typeof CreateScheduleRequest>;

const NAME_MAX = 200;

/**
 * Where the user is: "today" for date rules and `{{runDate}}` is their day, and dates and numbers
 * are merged in their language, whatever the server's own zone and language.
 */
export interface UserContext { timeZone: string; locale: string }

/**
 * What Start sends (`POST /api/runs`) and a schedule repeats: the list and address column, the
 * message, the folder, the options, Cc/Bcc/Reply-To and the audience: filter, rows marked by hand,
 * addresses and domains left out, address columns, and for company lists which kinds of address.
 */
export function runRequestOf(mailing: Mailing, message: MessageRequest, options: NonNullable<RunBody['options']>, where: UserContext): RunBody {
  const cc = addressSourcesOf(mailing.cc) ?? undefined;
  const bcc = addressSourcesOf(mailing.bcc) ?? undefined;
  const replyTo = addressSourcesOf(mailing.replyTo)?.[0];
  const audience = audienceSpecOf(mailing);
  return {
    listId: mailing.list!.id,
    emailColumn: mailing.emailColumn ?? undefined,
    ...message,
    folderId: mailing.folderId ?? undefined,
    options: { timeZone: where.timeZone, locale: where.locale, ...options },
    ...(cc && { cc }),
    ...(bcc && { bcc }),
    ...(replyTo && { replyTo }),
    ...(audience && { audience }),
  };
}

/**
 * What the Review step merges and test-sends: recipient `rowIndex` of the audience the run would
 * reach (to the address each would get), with the run's message.
 */
export function previewRequestOf(mailing: Mailing, message: MessageRequest, rowIndex: number, where: UserContext): PreviewRequest {
  const audience = audienceSpecOf(mailing);
  return {
    listId: mailing.list!.id,
    emailColumn: mailing.emailColumn ?? undefined,
    ...message,
    options: { timeZone: where.timeZone, locale: where.locale },
    ...(audience && { audience }),
    rowIndex,
  };
}

/** A schedule's name as lists show it: the subject and the list it goes to. */
export function scheduleNameOf(subject: string, listName: string): string {
  const name = subject.trim() ? `${subject.trim()} — ${listName}` : listName;
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name;
}

/**
 * The schedule that repeats a run: the same list, audience, message and options, read on `rule`
 * in `timeZone`. A schedule has no single start time, so `scheduledAt` goes; the run's time zone
 * is the schedule's, so date rules ("birthday is today") and `{{runDate}}` use each run date there.
 */
export function scheduleRequestOf(run: RunBody, rule: RepeatRule, timeZone: string, name: string): ScheduleBody {
  const { scheduledAt: _dropped, ...options } = run.options ?? {};
  return { name, cron: cronOf(rule), timeZone, run: { ...run, options: { ...options, timeZone } } };
}
