import type { CreateRunRequest, Delivery, Folder, Run, RunStatus } from '../../shared/api';
import { AppError } from '../errors';
import type { Engine } from '../engine/engine';
import { assertAudienceSelected, resolveAudience } from './audience';
import type { Mailbox } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import { countDeliveries, insertDeliveries, requeueFailed, skipPending, type DeliveryRecord, type PlannedDelivery } from '../store/deliveries';
import { findList, type ListRecord } from '../store/lists';
import { findRun, insertRun, transitionRun, type RunRecord } from '../store/runs';
import { TransitionError } from '../engine/states';
import { analyse, assertSendable } from './templates';
import { prepareMessage, rowsWithRunFields, saveRunMessage, senderOf } from './attachments/message-plan';
import { checkPlannedRows } from './attachments/run-checks';
import { assertRunFilesStored } from './attachments/file-deletion';
import { assertInlineImagesPresent } from './attachments/shared-files';

/** The API's view of a run. */
export function presentRun(run: RunRecord, engine: Engine): Run {
  const progress = engine.progressOf(run);
  return {
    id: run.id, status: run.status, subject: run.subject, listName: run.listName, folderId: run.folderId,
    folderName: run.folderName, provider: run.provider, options: run.options,
    counts: progress.counts, pauseReason: run.pauseReason, createdAt: run.createdAt,
    scheduledAt: run.scheduledAt, startedAt: run.startedAt, finishedAt: run.finishedAt,
    estimatedFinishAt: progress.estimatedFinishAt, waitingUntil: progress.waitingUntil, waitReason: progress.waitReason,
  };
}

/** The API's view of one delivery. */
export function presentDelivery(d: DeliveryRecord): Delivery {
  return { id: d.id, index: d.index, to: d.email, status: d.status, reason: d.reason, messageId: d.messageId, sentAt: d.sentAt, values: d.values };
}

/** The owner's list, or NOT_FOUND. */
export function requireList(db: Db, ownerId: string, listId: string): ListRecord {
  const list = findList(db, ownerId, listId);
  if (!list) throw new AppError('NOT_FOUND', `There is no list with id "${listId}".`);
  return list;
}

/** The owner's run, or NOT_FOUND (another user's run is not found, never forbidden: ids do not leak). */
export function requireRun(db: Db, ownerId: string, runId: string): RunRecord {
  const run = findRun(db, runId, ownerId);
  if (!run) throw new AppError('NOT_FOUND', `There is no run with id "${runId}".`);
  return run;
}

/** The column holding addresses: the one asked for, else the list's own. */
export function resolveEmailColumn(list: ListRecord, asked?: string): string {
  const column = asked ?? list.emailColumn;
  if (!column || !list.columns.some((c) => c.name === column)) {
    throw new AppError('NO_EMAIL_COLUMN', `The list "${list.name}" has no column "${column ?? ''}" for addresses; the columns are ${list.columns.map((c) => c.name).join(', ')}.`);
  }
  return column;
}

async function resolveFolder(mailbox: Mailbox, req: Pick<CreateRunRequest, 'folderId' | 'folderName'>): Promise<Folder> {
  const wanted = req.folderId ?? req.folderName ?? 'sentitems';
  const folder = await mailbox.findFolder(wanted);
  if (!folder) {
    throw new AppError('FOLDER_NOT_FOUND', `There is no folder "${wanted}" in the mailbox. Create it first or choose an existing one.`, { folder: wanted });
  }
  return folder;
}

/** The result of planning: the run (absent for a dry run) and every planned delivery. */
export interface PlannedRun { run: RunRecord | null; planned: PlannedDelivery[] }

/**
 * Validates everything, then freezes the run: one delivery row per recipient, inserted with the run
 * in one transaction. Bad input changes nothing. A dry run stops after planning; only a dry run may
 * `allowEmptyAudience` (checking a schedule whose date rules select nobody today).
 */
export async function planRun(
  db: Db, mailbox: Mailbox, ownerId: string, req: CreateRunRequest, check: { allowEmptyAudience?: boolean } = {},
): Promise<PlannedRun> {
  const list = requireList(db, ownerId, req.listId);
  const emailColumn = resolveEmailColumn(list, req.emailColumn);
  // Who it goes to is decided now, at plan time: filter, marks, company choice, suppression, exclusions.
  const audience = resolveAudience(db, list, emailColumn, req.audience, {
    ...req.options, now: req.options.scheduledAt ? new Date(req.options.scheduledAt) : undefined,
  });
  // A schedule's check may find nobody today (no birthdays) in a list that has rows; everything else is still checked.
  if (!check.allowEmptyAudience || audience.plan.tally.rows === 0) assertAudienceSelected(audience);
  const rows = audience.plan.recipients.map((r) => r.values);
  // The template (inline or from the library), run-level fields, files and addressing, checked before anything is stored.
  const message = prepareMessage(db, ownerId, list, req, mailbox.maxMessageBytes);
  assertSendable(analyse(message.template, [...message.columns, ...audience.derivedFields], rowsWithRunFields(message, senderOf(db, ownerId), rows)), req.options.acceptUnknownFields);
  assertInlineImagesPresent(message.template.html, message.shared);
  const folder = await resolveFolder(mailbox, req);
  const planned = audience.plan.recipients;
  const recipients = checkPlannedRows(db, message, planned);
  if (req.dryRun) return { run: null, planned };
  const scheduledAt = req.options.scheduledAt ? new Date(req.options.scheduledAt).toISOString() : null;
  const status = scheduledAt && Date.parse(scheduledAt) > Date.now() ? 'scheduled' : 'queued';
  const run = db.transaction(() => {
    const r = insertRun(db, {
      id: newId(), ownerId, listId: list.id, listName: list.name, provider: mailbox.provider, status,
      subject: message.template.subject, html: message.template.html, text: message.template.text ?? null,
      folderId: folder.id, folderName: folder.name, options: req.options, scheduledAt,
    });
    insertDeliveries(db, r.id, planned);
    saveRunMessage(db, r.id, message, planned.length, recipients);
    return r;
  })();
  return { run, planned };
}

/** What a user can do to a run. */
export type RunAction = 'pause' | 'resume' | 'cancel' | 'retry-failed';

/** The status each action leads to; asking for the status a run already has changes nothing. */
const TARGET: Record<RunAction, RunStatus> = { pause: 'paused', resume: 'queued', cancel: 'cancelled', 'retry-failed': 'queued' };

/**
 * Pause, resume, cancel or retry the failed deliveries of a run, through the state machine, in one
 * transaction. Repeating an action is harmless (pausing a paused run, resuming a sending one).
 * Resuming a scheduled run starts it now; retrying the failed of a paused or completed run sends
 * them (and the rest) again; a cancelled run stays cancelled.
 */
export function changeRun(db: Db, ownerId: string, runId: string, action: RunAction): RunRecord {
  const run = requireRun(db, ownerId, runId);
  try {
    const next = db.transaction(() => {
      const current = findRun(db, run.id)!;
      if (action !== 'retry-failed' && alreadyThere(current.status, action)) return current;
      switch (action) {
        case 'pause':
          return transitionRun(db, run.id, 'paused', { pauseReason: 'Paused by you', expect: current.status });
        case 'resume':
          if (current.status === 'completed') throw new AppError('INVALID_STATE', 'This run is completed: nothing is left to send. Use retry-failed to send the failed deliveries again.');
          return transitionRun(db, run.id, 'queued', { resetErrors: true, expect: current.status });
        case 'cancel': {
          const r = transitionRun(db, run.id, 'cancelled', { expect: current.status });
          if (r) skipPending(db, run.id, 'CANCELLED');
          return r;
        }
        case 'retry-failed': {
          if (current.status === 'cancelled') throw new AppError('INVALID_STATE', 'A cancelled run cannot be retried.');
          if (countDeliveries(db, run.id).failed === 0) throw new AppError('INVALID_STATE', 'This run has no failed deliveries to retry.');
          assertRunFilesStored(db, run.id);
          const r = current.status === 'completed' || current.status === 'paused'
            ? transitionRun(db, run.id, 'queued', { resetErrors: true, expect: current.status })
            : current;
          if (r) requeueFailed(db, run.id);
          return r;
        }
      }
    }).immediate();
    if (!next) throw new AppError('INVALID_STATE', `The run changed while you asked; it is now ${findRun(db, run.id)?.status}.`);
    return next;
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('INVALID_STATE', `A ${err.from} run cannot be ${action === 'retry-failed' ? 'retried' : `${action}d`}.`);
    throw err;
  }
}

/** True when the run is already where the action leads (a sending run counts as resumed). */
function alreadyThere(status: RunStatus, action: Exclude<RunAction, 'retry-failed'>): boolean {
  if (action === 'resume') return status === 'queued' || status === 'running';
  return status === TARGET[action];
}
