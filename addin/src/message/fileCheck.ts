import type { PreviewRequest, RowWarning } from '../../../shared/api';
import { preview } from '../api';

/** A recipient whose files have a problem: their position (1-based, see `FileCheckResult`), the address and what is wrong. */
export interface FileProblem {
  row: number;
  to: string | null;
  warnings: RowWarning[];
}

/**
 * The outcome of checking every recipient's files: how many have problems, and the first few
 * (`row` counts the audience's recipients from 1 when the request has an audience, else the list's rows).
 */
export interface FileCheckResult {
  count: number;
  shown: FileProblem[];
}

/** How many problem rows are described in the Message step; the Review step's preview walks through all. */
export const SHOWN_PROBLEMS = 5;

type FilesRequest = Pick<PreviewRequest, 'listId' | 'emailColumn' | 'audience' | 'attachments' | 'recipientFiles'>;

/**
 * Asks the server which recipients' files are missing (or cannot be protected, or make the
 * message too large), as it would before a run: a preview with an empty template reports only
 * the files' problems, so its `warningRows` are exactly the rows to fix.
 */
export async function checkRecipientFiles(request: FilesRequest): Promise<FileCheckResult> {
  const ask = (rowIndex: number) => preview({ ...request, template: { subject: '', html: '' }, rowIndex });
  const first = await ask(0);
  const rows = first.warningRows ?? [];
  const shown = await Promise.all(rows.slice(0, SHOWN_PROBLEMS).map((row) => (row === first.rowIndex ? first : ask(row))));
  return {
    count: rows.length,
    shown: shown.map((p) => ({ row: p.rowIndex + 1, to: p.to, warnings: p.rowWarnings ?? [] })),
  };
}
