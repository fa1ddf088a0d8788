import type { CreateRunRequest, Delivery, Folder, Run } from '../../shared/api';
import { AppError } from '../errors';
import type { Engine } from '../engine/engine';
import { planDeliveries } from '../engine/planner';
import type { Mailbox } from '../providers/mailbox';
import type { Db } from '../store/db';
import { newId } from '../store/db';
import { countDeliveries, insertDeliveries, requeueFailed, skipPending, type DeliveryRecord, type PlannedDelivery } from '../store/deliveries';
import { findList, readRows, type ListRecord } from '../store/lists';
import { findRun, insertRun, transitionRun, type RunRecord } from '../store/runs';
import { TransitionError } from '../engine/states';
import { analyse, assertSendable } from './templates';

/** The API's view of a run. */
export function presentRun(run: RunRecord, engine: Engine): Run {
  const progress = engine.progressOf(run);
  return {
    id: run.id, status: run.status, subject: run.subject, listName: run.listName, folderId: run.folderId,
    folderName: run.folderName, provider: run.provider, options: run.options,
    counts: progress.counts, pauseReason: run.pauseReason, createdAt: run.createdAt,
    scheduledAt: run.scheduledAt, startedAt: run.startedAt, finishedAt: run.finishedAt,
    estimatedFinishAt: progress.estimatedFinishAt,
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
 * in one transaction. Bad input changes nothing. A dry run stops after planning.
 */
export async function planRun(db: Db, mailbox: Mailbox, ownerId: string, req: CreateRunRequest): Promise<PlannedRun> {
  const list = requireList(db, ownerId, req.listId);
  const emailColumn = resolveEmailColumn(list, req.emailColumn);
  const rows = readRows(db, list.id);
  assertSendable(analyse(req.template, list.columns.map((c) => c.name), rows), req.options.acceptUnknownFields);
  const folder = await resolveFolder(mailbox, req);
  const planned = planDeliveries(rows, emailColumn);
  if (req.dryRun) return { run: null, planned };
  const scheduledAt = req.options.scheduledAt ? new Date(req.options.scheduledAt).toISOString() : null;
  const status = scheduledAt && Date.parse(scheduledAt) > Date.now() ? 'scheduled' : 'queued';
  const run = db.transaction(() => {
    const r = insertRun(db, {
      id: newId(), ownerId, listId: list.id, listName: list.name, provider: mailbox.provider, status,
      subject: req.template.subject, html: req.template.html, text: req.template.text ?? null,
      folderId: folder.id, folderName: folder.name, options: req.options, scheduledAt,
    });
    insertDeliveries(db, r.id, planned);
    return r;
  })();
  return { run, planned };
}

/** Pause, resume, cancel or retry the failed deliveries of a run, through the state machine. */
export function changeRun(db: Db, ownerId: string, runId: string, action: 'pause' | 'resume' | 'cancel' | 'retry-failed'): RunRecord {
  const run = requireRun(db, ownerId, runId);
  try {
    const next = db.transaction(() => {
      switch (action) {
        case 'pause':
          return transitionRun(db, run.id, 'paused', { pauseReason: 'Paused by you' });
        case 'resume':
          return transitionRun(db, run.id, 'queued', { resetErrors: true });
        case 'cancel': {
          const r = transitionRun(db, run.id, 'cancelled');
          if (r) skipPending(db, run.id, 'CANCELLED');
          return r;
        }
        case 'retry-failed': {
          if (countDeliveries(db, run.id).failed === 0) throw new AppError('INVALID_STATE', 'This run has no failed deliveries to retry.');
          const r = run.status === 'completed' ? transitionRun(db, run.id, 'queued', { resetErrors: true }) : run;
          requeueFailed(db, run.id);
          return r;
        }
      }
    })();
    if (!next) throw new AppError('INVALID_STATE', `The run changed while you asked; it is now ${findRun(db, run.id)?.status}.`);
    return next;
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('INVALID_STATE', `A ${err.from} run cannot be ${action === 'retry-failed' ? 'retried' : `${action}d`}.`);
    throw err;
  }
}
