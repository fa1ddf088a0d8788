/**
 * Draws the add-in's icons — a white "S" on a rounded blue square — and writes them as PNG files
 * to addin/public/assets/. Only Node is used: the shapes are signed-distance tests, anti-aliased
 * by supersampling, and the PNG container (chunks, CRC-32, zlib stream) is written here.
 *
 *   npx tsx scripts/make-icons.ts            # writes icon-16/32/64/80/128.png
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** The sizes Outlook asks for: 16/32/80 for ribbon buttons, 64/128 for IconUrl/HighResolutionIconUrl. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** Fluent's brand blue (communication blue, #0F6CBD). */
export const ICON_BLUE = [0x0f, 0x6c, 0xbd] as const;

const SUPERSAMPLE = 5;
const MARGIN = 1 / 32;
const CORNER = 0.2;
// The S is two circular arcs of radius R joined in the middle, stroked with width STROKE.
const R = 0.125;
const STROKE = 0.125;
// Circles make a narrow S; widening it a little gives the proportions of a real letter.
const X_STRETCH = 1.18;
// Arc spans in degrees, y pointing down: the top bowl runs from the lower middle, round the
// left and over the top to its right end; the bottom bowl is the same turned half a circle.
const TOP_ARC: [number, number] = [90, 335];
const BOTTOM_ARC: [number, number] = [270, 515];

function roundedSquareDistance(x: number, y: number): number {
  const half = 0.5 - MARGIN;
  const qx = Math.abs(x - 0.5) - (half - CORNER);
  const qy = Math.abs(y - 0.5) - (half - CORNER);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - CORNER;
}

function arcDistance(x: number, y: number, cx: number, cy: number, [from, to]: [number, number]): number {
  let angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  while (angle < from) angle += 360;
  if (angle <= to) return Math.abs(Math.hypot(x - cx, y - cy) - R);
  // Outside the span the nearest point is one of the two ends (which gives round caps).
  const end = (deg: number) => {
    const rad = (deg * Math.PI) / 180;
    return Math.hypot(x - (cx + R * Math.cos(rad)), y - (cy + R * Math.sin(rad)));
  };
  return Math.min(end(from), end(to));
}

function insideLetter(px: number, y: number): boolean {
  const x = 0.5 + (px - 0.5) / X_STRETCH;
  const d = Math.min(arcDistance(x, y, 0.5, 0.5 - R, TOP_ARC), arcDistance(x, y, 0.5, 0.5 + R, BOTTOM_ARC));
  return d <= STROKE / 2;
}

/** Renders one icon as straight-alpha RGBA, row by row from the top. */
export function renderIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let letter = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (roundedSquareDistance(x, y) > 0) continue;
          square++;
          if (insideLetter(x, y)) letter++;
        }
      }
      const i = (py * size + px) * 4;
      const white = square === 0 ? 0 : letter / square;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(ICON_BLUE[c] * (1 - white) + 255 * white);
      rgba[i + 3] = Math.round((255 * square) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, reflected, initial and final XOR 0xffffffff). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha, non-interlaced PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None: the images are tiny, compression is not the point
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Writes every icon size into `dir` and returns the paths written. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const path = join(dir, `icon-${size}.png`);
    writeFileSync(path, encodePng(size, size, renderIcon(size)));
    return path;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const path of writeIcons(join(root, 'addin', 'public', 'assets'))) console.log(`wrote ${path}`);
}
