import type { AddressingSpec } from './addressing';
import type { RunFieldContext } from './run-fields';

/** A file sent with every message of a run (an attachment or an inline image). */
export interface SharedAttachment {
  fileId: string;
  name: string;
  contentType: string;
  size: number;
  /** Content-ID of an inline image, referenced from the HTML as `cid:<contentId>`. */
  contentId: string | null;
  inline: boolean;
}

/** Where each recipient's own files come from. */
export interface RecipientFilesSpec {
  fileSetId: string;
  /** The column naming each row's file(s). */
  column: string;
  /** The column holding each row's PDF password; null sends the files as they are. */
  passwordColumn: string | null;
}

/**
 * Everything a run sends besides its template text, frozen when the run is planned so that every
 * message (and a restart in the middle) uses the same: merge locale, run-level field values,
 * attachments and addressing. Stored as JSON with the run.
 */
export interface MessageSpec extends AddressingSpec {
  locale: string | null;
  fields: RunFieldContext;
  shared: SharedAttachment[];
  recipientFiles: RecipientFilesSpec | null;
}

/** True when the spec's messages carry files, which only the asynchronous build can add. */
export function hasAttachments(spec: MessageSpec): boolean {
  return spec.shared.length > 0 || spec.recipientFiles !== null;
}
