import { randomBytes } from 'node:crypto';

/** How many leading bytes may hold a PDF's header (some producers put a little junk before it). */
export const PDF_HEAD_BYTES = 1024;
/** How many trailing bytes hold its trailer, where an encrypted PDF names its /Encrypt dictionary. */
export const PDF_TAIL_BYTES = 32 * 1024;

/** True when the first bytes of a file are those of a PDF. */
export function isPdf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, PDF_HEAD_BYTES)).includes('%PDF-');
}

/**
 * True when a PDF's last bytes show it is already encrypted. The /Encrypt entry sits in the trailer
 * (or the xref stream's dictionary), which writers put at the end; looking only there avoids
 * matching the word inside the document's content.
 */
export function isEncryptedPdf(tail: Uint8Array): boolean {
  const start = Math.max(0, tail.length - PDF_TAIL_BYTES);
  return Buffer.from(tail.buffer, tail.byteOffset + start, tail.length - start).includes('/Encrypt');
}

/**
 * Encrypts a PDF (AES-256) so that it opens only with `password`. The owner password is random and
 * thrown away: nobody, the sender included, can lift the restrictions. Printing and copying stay
 * allowed so a payslip can be filed; changing the document is not.
 */
export async function protectPdf(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  // Loaded on first use: the PDF library takes most of a second to load, and most runs (and every
  // CLI start) need none of it.
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.encrypt({
    userPassword: password,
    ownerPassword: randomBytes(24).toString('base64url'),
    permissions: { printing: 'highResolution', copying: true, contentAccessibility: true, modifying: false, annotating: false, fillingForms: true, documentAssembly: false },
  });
  return doc.save();
}
