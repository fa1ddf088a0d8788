/**
 * Reads PNG files for the icon tests: checks the signature and every chunk's CRC, reads the
 * IHDR, and decodes 8-bit RGBA pixels so a test can compare what is committed with what
 * scripts/make-icons.ts draws. Written independently of that script (CRCs via zlib.crc32) so
 * a bug in the writer is not mirrored by the reader.
 */
import { crc32, inflateSync } from 'node:zlib';

/** The image header of a PNG. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** A decoded PNG: header and, for 8-bit RGBA images, the pixels row by row. */
export interface PngImage extends PngHeader {
  chunkTypes: string[];
  rgba: Uint8Array | null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters of a non-interlaced image with `bpp` bytes per pixel. */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (raw.length !== (stride + 1) * height) throw new Error(`IDAT holds ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`row ${y} has unknown filter type ${filter}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/** Parses a PNG; throws on a bad signature, a bad CRC, a missing IHDR/IDAT/IEND. */
export function readPng(bytes: Uint8Array): PngImage {
  if (!isPng(bytes)) throw new Error('not a PNG: bad signature');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: PngHeader | null = null;
  for (let pos = 8; pos < view.length; ) {
    const length = view.readUInt32BE(pos);
    const type = view.toString('latin1', pos + 4, pos + 8);
    const data = view.subarray(pos + 8, pos + 8 + length);
    const stored = view.readUInt32BE(pos + 8 + length);
    if (crc32(view.subarray(pos + 4, pos + 8 + length)) !== stored) throw new Error(`bad CRC in ${type} chunk`);
    chunkTypes.push(type);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  if (!header || chunkTypes[0] !== 'IHDR') throw new Error('IHDR must be the first chunk');
  if (idat.length === 0) throw new Error('no IDAT chunk');
  if (chunkTypes[chunkTypes.length - 1] !== 'IEND') throw new Error('IEND must be the last chunk');
  const decodable = header.bitDepth === 8 && header.colorType === 6 && header.interlace === 0;
  const rgba = decodable ? unfilter(inflateSync(Buffer.concat(idat)), header.width, header.height, 4) : null;
  return { ...header, chunkTypes, rgba };
}
