import type { RowWarning } from '../../../shared/api';
import { AppError } from '../../errors';
import type { Db } from '../../store/db';
import type { PlannedDelivery } from '../../store/deliveries';
import type { PreparedMessage } from './message-plan';
import { blocksRun, checkRow } from './row-checks';

/** Why a delivery is skipped when its own file is missing and the run said to skip such rows. */
export const MISSING_ATTACHMENT = 'MISSING_ATTACHMENT';

const SHOWN_ROWS = 5;
const DETAIL_ROWS = 100;

interface RowProblem { index: number; rowIndex: number; to: string; warnings: RowWarning[] }

/**
 * Checks the message of every recipient who would be sent to, before anything is stored. Bad
 * addresses, unprotectable files and oversized messages refuse the run, naming the rows. Missing
 * files refuse it too, unless the run asked to skip those rows: they are then planned as skipped
 * with reason MISSING_ATTACHMENT, so the report shows who got nothing and why. Returns the number
 * of recipients (To + Cc + Bcc) of each delivery by index.
 */
export function checkPlannedRows(db: Db, message: PreparedMessage, planned: Array<PlannedDelivery & { rowIndex?: number }>): Map<number, number> {
  const recipients = new Map<number, number>();
  const blocking: RowProblem[] = [];
  const missing: RowProblem[] = [];
  planned.forEach((delivery, index) => {
    if (delivery.status !== 'pending') return;
    const check = checkRow(message, delivery.values, delivery.email, { db });
    recipients.set(index, check.recipients);
    // Problems name the list row (a filtered audience plans fewer deliveries than rows).
    const problem = { index, rowIndex: delivery.rowIndex ?? index, to: delivery.email };
    const blockers = check.warnings.filter(blocksRun);
    if (blockers.length > 0) blocking.push({ ...problem, warnings: blockers });
    else if (check.warnings.length > 0) missing.push({ ...problem, warnings: check.warnings });
  });
  if (blocking.length > 0) {
    const tooLarge = blocking.every((p) => p.warnings.every((w) => w.code === 'TOO_LARGE'));
    throw new AppError(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', `${describe(blocking)} Fix the list or the files, then start again.`, details(blocking));
  }
  if (missing.length > 0 && message.recipientFiles?.onMissing !== 'skip') {
    throw new AppError(
      'VALIDATION_FAILED',
      `Files are missing for ${missing.length} recipient${missing.length === 1 ? '' : 's'}: ${describe(missing)} Add them to the zip, or choose to skip these recipients.`,
      { code: MISSING_ATTACHMENT, ...details(missing) },
    );
  }
  for (const p of missing) {
    planned[p.index] = { ...planned[p.index], status: 'skipped', reason: MISSING_ATTACHMENT };
    recipients.delete(p.index);
  }
  return recipients;
}

function describe(problems: RowProblem[]): string {
  const shown = problems.slice(0, SHOWN_ROWS).map((p) => `row ${p.rowIndex + 1} (${p.to}): ${p.warnings.map((w) => w.message).join(' ')}`);
  const more = problems.length > SHOWN_ROWS ? ` …and ${problems.length - SHOWN_ROWS} more.` : '';
  return `${shown.join('; ')}${more}`;
}

function details(problems: RowProblem[]): { rowCount: number; rows: Array<Omit<RowProblem, 'index'>> } {
  return { rowCount: problems.length, rows: problems.slice(0, DETAIL_ROWS).map(({ index: _index, ...rest }) => rest) };
}
