/** Exchange Online's default message size limit (and the local mailbox's): 35 MB, encoded. */
export const DEFAULT_MAX_MESSAGE_BYTES = 35 * 1024 * 1024;

// Headers, MIME boundaries and part headers of a message; generous so the estimate errs high.
const ENVELOPE_BYTES = 16 * 1024;
const PART_BYTES = 512;

/** The size of content once base64-encoded in 76-character lines, as MIME sends attachments. */
export function base64Size(bytes: number): number {
  const chars = Math.ceil(bytes / 3) * 4;
  return chars + Math.ceil(chars / 76) * 2;
}

/**
 * Estimates a message's size as the mail server counts it: HTML and text parts (quoted-printable
 * may grow them by a third) plus every attachment base64-encoded.
 */
export function estimateMessageBytes(bodyBytes: number, attachmentBytes: number[]): number {
  let total = ENVELOPE_BYTES + Math.ceil(bodyBytes * 1.34);
  for (const size of attachmentBytes) total += base64Size(size) + PART_BYTES;
  return total;
}

/** A size for people: "12.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
