import { crc32 } from 'node:zlib';
import { inflateSync } from 'fflate';
import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_FILES } from './limits';

/** One file of a zip: its path inside the zip and its bytes. */
export interface ZipEntry { path: string; bytes: Uint8Array }

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads the files of a zip archive (stored or deflated), skipping folders and the clutter operating
 * systems add (`__MACOSX/`, `.DS_Store`, `Thumbs.db`). Names are read as the zip says (UTF-8 flag or
 * Info-ZIP Unicode path); a name without either is taken as UTF-8 when it is valid UTF-8, else in
 * `encoding` (default cp437, the format's own; old Windows zips use the OEM code page: cp857 Turkish,
 * cp852 Polish and Slovak, cp866 Russian). Each file's CRC is checked. Throws IMPORT_FAILED.
 */
export function readZip(zip: Uint8Array, fileName: string, encoding = 'cp437'): ZipEntry[] {
  if (!iconv.encodingExists(encoding)) throw new AppError('BAD_REQUEST', `Unknown encoding "${encoding}" for file names; try cp857, cp852 or cp866.`);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fail = (why: string): never => {
    throw new AppError('IMPORT_FAILED', `${fileName}: ${why}`, { fileName });
  };
  const directory = findDirectory(view) ?? fail('this is not a zip file (no zip directory found). Upload a .zip of the files.');
  if (directory.count > MAX_ZIP_FILES) fail(`the zip holds ${directory.count} files; at most ${MAX_ZIP_FILES} can be used at once.`);
  const entries: ZipEntry[] = [];
  let unpacked = 0;
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) fail('the zip directory is damaged.');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const sizes = readSizes(view, at, extra);
    const path = decodeName(rawName, flags, extra, encoding);
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/') || isClutter(path)) continue;
    if (flags & 1) fail(`"${path}" is password-protected inside the zip; zip the files without a password.`);
    if (method !== 0 && method !== 8) fail(`"${path}" is compressed with a method this server cannot read (${method}); use ordinary zip compression.`);
    unpacked += sizes.size;
    if (unpacked > MAX_UNZIPPED_BYTES) fail(`the files unpack to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB.`);
    const bytes = readData(zip, view, sizes, method) ?? fail(`"${path}" is damaged.`);
    if (bytes.length !== sizes.size || crc32(bytes) !== crc) fail(`"${path}" is damaged (its checksum does not match).`);
    entries.push({ path, bytes });
  }
  return entries;
}

function findDirectory(view: DataView): { count: number; offset: number } | undefined {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) {
    if (view.getUint32(at, true) !== EOCD) continue;
    let count = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    const locator = at - 20;
    if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
      const zip64 = Number(view.getBigUint64(locator + 8, true));
      if (zip64 + 56 > view.byteLength || view.getUint32(zip64, true) !== ZIP64_EOCD) return undefined;
      count = Number(view.getBigUint64(zip64 + 32, true));
      offset = Number(view.getBigUint64(zip64 + 48, true));
    }
    return offset <= view.byteLength ? { count, offset } : undefined;
  }
  return undefined;
}

interface Sizes { compressed: number; size: number; localOffset: number }

// Sizes and offset that do not fit 32 bits are in the Zip64 extra field, in this order.
function readSizes(view: DataView, at: number, extra: Uint8Array): Sizes {
  const sizes = { size: view.getUint32(at + 24, true), compressed: view.getUint32(at + 20, true), localOffset: view.getUint32(at + 42, true) };
  const zip64 = extraField(extra, 0x0001);
  if (!zip64) return sizes;
  const data = new DataView(zip64.buffer, zip64.byteOffset, zip64.byteLength);
  let p = 0;
  for (const key of ['size', 'compressed', 'localOffset'] as const) {
    if (sizes[key] !== 0xffffffff || p + 8 > data.byteLength) continue;
    sizes[key] = Number(data.getBigUint64(p, true));
    p += 8;
  }
  return sizes;
}

function readData(zip: Uint8Array, view: DataView, sizes: Sizes, method: number): Uint8Array | undefined {
  const at = sizes.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + sizes.compressed > zip.length) return undefined;
  const data = zip.subarray(start, start + sizes.compressed);
  if (method === 0) return data;
  try {
    // The output buffer is the declared size: a file that inflates to more is cut off, then fails its CRC.
    return inflateSync(data, { out: new Uint8Array(sizes.size) });
  } catch {
    return undefined;
  }
}

function extraField(extra: Uint8Array, id: number): Uint8Array | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; ) {
    const length = view.getUint16(p + 2, true);
    if (view.getUint16(p, true) === id) return extra.subarray(p + 4, p + 4 + length);
    p += 4 + length;
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array, encoding: string): string {
  if (flags & 0x800) return Buffer.from(raw).toString('utf8');
  const unicode = extraField(extra, 0x7075);
  // Info-ZIP Unicode Path: version 1, the CRC of the raw name (so a renamed entry's stale one is ignored), UTF-8.
  if (unicode && unicode.length > 5 && unicode[0] === 1) {
    const view = new DataView(unicode.buffer, unicode.byteOffset, unicode.byteLength);
    if (view.getUint32(1, true) === crc32(raw)) return Buffer.from(unicode.subarray(5)).toString('utf8');
  }
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(Buffer.from(raw), encoding);
  }
}

function isClutter(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return path.startsWith('__MACOSX/') || base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}
