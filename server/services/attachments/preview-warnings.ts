import type { PreviewResponse, RowWarning } from '../../../shared/api';
import { isEmpty, resolvePath } from '../../../shared/merge';
import { normaliseAddress } from '../../recipients/address';
import type { Row } from '../../store/lists';
import type { PreparedMessage } from './message-plan';
import { checkRow, type RowCheck } from './row-checks';

/** The most row indexes a preview lists as having warnings. */
export const MAX_WARNING_ROWS = 5000;

type Extras = Pick<PreviewResponse, 'warningRows' | 'rowWarnings' | 'attachments' | 'cc' | 'bcc' | 'replyTo'>;

/**
 * What the preview pane shows besides the merged message: every row with a warning (so it can jump
 * from one to the next), the previewed row's own warnings, the files it would carry and its
 * addressing. `merged` are the rows as the template sees them; `emptyFields` the fields the
 * template's analysis found empty somewhere.
 */
export function previewExtras(
  message: PreparedMessage, rows: Row[], merged: Row[], rowIndex: number, emailColumn: string, emptyFields: string[],
): Extras {
  const warningRows: number[] = [];
  let current: { check: RowCheck; warnings: RowWarning[] } | undefined;
  rows.forEach((row, index) => {
    const check = checkRow(message, row, normaliseAddress(String(row[emailColumn] ?? '')));
    const empty = emptyFields.filter((field) => isEmpty(resolvePath(merged[index], field)));
    const warnings = [
      ...empty.map((field): RowWarning => ({ code: 'EMPTY_FIELD', field, message: `{{${field}}} is empty.` })),
      ...check.warnings,
    ];
    if (warnings.length > 0 && warningRows.length < MAX_WARNING_ROWS) warningRows.push(index);
    if (index === rowIndex) current = { check, warnings };
  });
  const { check, warnings } = current as NonNullable<typeof current>;
  const protect = message.recipientFiles?.spec.passwordColumn != null;
  return {
    warningRows,
    rowWarnings: warnings,
    attachments: [
      ...message.shared.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size, inline: a.inline, protected: false })),
      ...check.files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, inline: false, protected: protect })),
    ],
    cc: check.addressing.cc,
    bcc: check.addressing.bcc,
    replyTo: check.addressing.replyTo ?? null,
  };
}
