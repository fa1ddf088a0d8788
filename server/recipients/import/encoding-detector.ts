/**
 * Works out how a CSV file's bytes are encoded. Order of evidence: a byte-order mark, then the
 * UTF-16 pattern of zero bytes, then strict UTF-8 validity over the whole file (legacy text is
 * almost never valid UTF-8 by accident), and last the legacy code pages of the users' countries,
 * each scored by how plausible its decoding reads (see text-scorer) with chardet's guess as a
 * small bonus. chardet alone is not trusted: on a short list of names it confuses 1250 with
 * 1254 and 1252 routinely.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { failImport, lineAtByte } from './import-error';
import { type Language, scoreText } from './text-scorer';

/** An encoding iconv-lite can decode, and how many BOM bytes precede the text. */
export interface DetectedEncoding {
  encoding: string;
  bomLength: number;
}

interface Candidate {
  encoding: string;
  languages: Language[];
  /** chardet's names for this code page (ISO-8859-1 is a subset of 1252, and so on). */
  chardetNames: string[];
}

/** Legacy code pages tried, in order of preference when two decode a file identically. */
const CANDIDATES: Candidate[] = [
  { encoding: 'windows-1254', languages: ['tr'], chardetNames: ['windows-1254', 'ISO-8859-9'] },
  { encoding: 'windows-1250', languages: ['pl', 'sk', 'cs', 'hu', 'de'], chardetNames: ['windows-1250', 'ISO-8859-2'] },
  { encoding: 'windows-1251', languages: ['ru', 'uk'], chardetNames: ['windows-1251'] },
  { encoding: 'windows-1252', languages: ['de', 'fr', 'es', 'pt', 'it', 'nordic'], chardetNames: ['windows-1252', 'ISO-8859-1'] },
  { encoding: 'koi8-r', languages: ['ru'], chardetNames: ['KOI8-R'] },
  { encoding: 'iso-8859-2', languages: ['pl', 'sk', 'cs', 'hu', 'de'], chardetNames: ['ISO-8859-2'] },
  { encoding: 'iso-8859-9', languages: ['tr'], chardetNames: ['ISO-8859-9'] },
];

const SAMPLE_LIMIT = 64 * 1024;

/** Reads a UTF-8 or UTF-16 byte-order mark. */
export function readBom(bytes: Uint8Array): DetectedEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/** High bytes of the UTF-16 code units our users write: ASCII and Latin-1, Latin Extended-A, Cyrillic, punctuation. */
const HIGH_BYTES = new Set([0x00, 0x01, 0x04, 0x20]);

/**
 * Recognises UTF-16 without a BOM: one byte of each pair (the high byte) is nearly always 0x00,
 * 0x01, 0x04 or 0x20, and the other is almost never zero. Cyrillic has no zero bytes at all,
 * so the zeros alone would miss a Russian list.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  const zeros = [0, 0];
  const high = [0, 0];
  for (let i = 0; i < length; i++) {
    if (bytes[i] === 0) zeros[i & 1]++;
    if (HIGH_BYTES.has(bytes[i])) high[i & 1]++;
  }
  const pairs = length / 2;
  const fits = (hi: 0 | 1) => zeros[hi] > 0 && high[hi] >= pairs * 0.9 && zeros[1 - hi] <= pairs * 0.05;
  if (fits(1)) return 'utf-16le';
  if (fits(0)) return 'utf-16be';
  return undefined;
}

/** The lines that hold non-ASCII bytes, up to 64 KB of them: the only part that tells encodings apart. */
function collectEvidence(bytes: Uint8Array): { sample: Buffer; firstLine: number } {
  const parts: Uint8Array[] = [];
  let size = 0;
  let firstLine = 0;
  let line = 1;
  let lineStart = 0;
  let hasHigh = false;
  for (let i = 0; i <= bytes.length && size < SAMPLE_LIMIT; i++) {
    const byte = i < bytes.length ? bytes[i] : 0x0a;
    if (byte >= 0x80) hasHigh = true;
    else if (byte === 0x0a) {
      if (hasHigh) {
        parts.push(bytes.subarray(lineStart, i + 1));
        size += i + 1 - lineStart;
        if (firstLine === 0) firstLine = line;
      }
      hasHigh = false;
      lineStart = i + 1;
      line++;
    }
  }
  return { sample: Buffer.concat(parts), firstLine };
}

/** Detects the encoding of CSV bytes; throws ENCODING_UNDETECTED when nothing decodes plausibly. */
export function detectEncoding(bytes: Uint8Array, fileName: string): DetectedEncoding {
  const marked = readBom(bytes);
  if (marked) return marked;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0 };
  const { sample, firstLine } = collectEvidence(bytes);
  const guesses = chardet.analyse(sample);
  const ranked = CANDIDATES.map((candidate, order) => {
    const text = iconv.decode(sample, candidate.encoding);
    const guess = guesses.find((g) => candidate.chardetNames.includes(g.name));
    const score = scoreText(text, candidate.languages) + (guess ? guess.confidence / 200 : 0);
    return { candidate, score, order };
  }).sort((a, b) => b.score - a.score || a.order - b.order);
  const best = ranked[0];
  if (!(best.score >= 0)) {
    throw failImport('ENCODING_UNDETECTED',
      'the text is neither UTF-8 nor plausible Turkish, Russian, Polish, Slovak or Western text in their legacy '
        + 'encodings; choose the encoding explicitly or save the file as "CSV UTF-8"',
      { fileName, row: firstLine, tried: ranked.map((r) => r.candidate.encoding) });
  }
  return { encoding: best.candidate.encoding, bomLength: 0 };
}

/** Canonical names for what users type: "UTF8", "cp1254", "latin5", "KOI8R". */
function canonicalName(name: string): string {
  const compact = name.trim().toLowerCase().replace(/[\s_]/g, '');
  const match = /^(?:windows|win|cp)-?(125[0-8])$/.exec(compact);
  if (match) return `windows-${match[1]}`;
  if (compact === 'utf8' || compact === 'utf-8') return 'utf-8';
  if (compact === 'koi8r') return 'koi8-r';
  return iconv.encodingExists(compact) ? compact : name.trim();
}

/** Index of the first byte that breaks UTF-8, for pointing at the line. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

/** Resolves a caller-chosen encoding, skipping a matching BOM; throws for unknown or invalid ones. */
export function resolveEncoding(name: string, bytes: Uint8Array, fileName: string): DetectedEncoding {
  const encoding = canonicalName(name);
  if (!iconv.encodingExists(encoding)) {
    throw failImport('UNKNOWN_ENCODING', `"${name}" is not an encoding that can be read; try utf-8, windows-1254, `
      + 'windows-1251, windows-1250, windows-1252, iso-8859-9 or koi8-r', { fileName, encoding: name });
  }
  const bom = readBom(bytes);
  const bomLength = bom && (bom.encoding === encoding || (encoding === 'utf-16' && bom.bomLength === 2)) ? bom.bomLength : 0;
  const resolved = encoding === 'utf-16' ? (bom?.encoding ?? 'utf-16le') : encoding;
  if (resolved === 'utf-8' && !isUtf8(bytes.subarray(bomLength))) {
    const offset = bomLength + findInvalidUtf8(bytes.subarray(bomLength));
    throw failImport('UNDECODABLE_TEXT', `byte 0x${bytes[offset].toString(16)} is not valid UTF-8; the file is in `
      + 'another encoding (leave the encoding on automatic or choose the right one)',
    { fileName, row: lineAtByte(bytes, offset), encoding: resolved });
  }
  return { encoding: resolved, bomLength };
}
