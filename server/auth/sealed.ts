import crypto from 'node:crypto';

/** A stored secret that cannot be opened with the configured key (the key changed, or the blob was altered). */
export class SealedBoxError extends Error {
  override readonly name = 'SealedBoxError';
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts with AES-256-GCM. The blob is `version | iv | ciphertext | tag`; `context` (the owner's
 * id) is bound in as associated data, so a blob copied to another user's row does not open.
 */
export function seal(key: Buffer, context: string, plaintext: string): Buffer {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

/** Decrypts a blob from `seal`; a wrong key, another owner or any change throws SealedBoxError. */
export function unseal(key: Buffer, context: string, blob: Buffer): string {
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new SealedBoxError('The stored secret has an unknown format.');
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(blob.length - TAG_BYTES);
  const body = blob.subarray(1 + IV_BYTES, blob.length - TAG_BYTES);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedBoxError('The stored secret cannot be decrypted with SERIATIM_SECRET_KEY (was the key changed?).');
  }
}
