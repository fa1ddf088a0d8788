/**
 * Finds a CSV file's delimiter. Excel in Turkish, Russian, Polish and Slovak locales writes `;`
 * (the comma is their decimal mark), exports from other systems use `,`, tab or `|`. The right
 * one splits most lines into the same number of fields; quoted text is ignored while counting,
 * since names and addresses often contain commas.
 */
import { failImport } from './import-error';

/** Delimiters tried, in order of preference when two fit equally well. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

const MAX_LINES = 50;

/** The delimiter named by Excel's `sep=;` first line, if the text starts with one. */
export function readSepLine(head: string): string | undefined {
  const match = /^sep=(.)[ \t]*\r?(?:\n|$)/i.exec(head);
  return match ? match[1] : undefined;
}

/** A non-blank line of the sample: where it starts and its field count per candidate delimiter. */
interface CountedLine {
  start: number;
  counts: number[];
}

/** Field counts per non-blank line, counting delimiters outside quotes. */
function countFields(head: string, delimiters: readonly string[]): CountedLine[] {
  const lines: CountedLine[] = [];
  let counts = delimiters.map(() => 1);
  let start = 0;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < head.length && lines.length < MAX_LINES; i++) {
    const c = head[i];
    if (c === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (!blank) lines.push({ start, counts });
      counts = delimiters.map(() => 1);
      start = i + 1;
      blank = true;
    } else {
      const index = delimiters.indexOf(c);
      if (index >= 0) counts[index]++;
      if (c !== ' ' && c !== '\t') blank = false;
    }
  }
  // The last line may be cut off by the sample's end; count it only if it is all we have.
  if (!blank && lines.length === 0) lines.push({ start, counts });
  return lines;
}

/** The most common field count above 1 and the share of lines that have it. */
function measure(lines: CountedLine[], column: number): { mode: number; share: number } {
  const frequency = new Map<number, number>();
  for (const { counts } of lines) {
    if (counts[column] > 1) frequency.set(counts[column], (frequency.get(counts[column]) ?? 0) + 1);
  }
  let mode = 1;
  let hits = 0;
  for (const [count, times] of frequency) {
    if (times > hits || (times === hits && count > mode)) {
      mode = count;
      hits = times;
    }
  }
  return { mode, share: lines.length ? hits / lines.length : 0 };
}

/**
 * Picks the delimiter whose field count is the most consistent over the first lines; among
 * delimiters within 10 points of the best share, the one giving more fields wins (a `;` file
 * whose names contain one comma each is consistent for both). Single-column text gets `,`.
 */
export function sniffDelimiter(head: string): string {
  const lines = countFields(head, DELIMITERS);
  const measured = DELIMITERS.map((delimiter, column) => ({ delimiter, ...measure(lines, column) }))
    .filter((m) => m.mode > 1);
  if (measured.length === 0) return ',';
  const bestShare = Math.max(...measured.map((m) => m.share));
  const close = measured.filter((m) => m.share >= bestShare - 0.1);
  close.sort((a, b) => b.mode - a.mode);
  return close[0].delimiter;
}

/**
 * Where the first line with the usual number of fields starts (0 if that is the first line).
 * Title lines above it are parsed apart, because csv-parse builds an error object for every
 * record whose length differs from the first record's: a one-cell title line would make it
 * do so for every row of the file.
 */
export function locateFirstFullLine(head: string, delimiter: string): number {
  const lines = countFields(head, [delimiter]);
  const { mode } = measure(lines, 0);
  return mode > 1 ? (lines.find((line) => line.counts[0] === mode)?.start ?? 0) : 0;
}

/** Validates a caller-chosen delimiter; "tab", "\\t" and a real tab all mean tab. */
export function normaliseDelimiter(value: string, fileName: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw failImport('INVALID_OPTION', `"${value}" cannot be a delimiter; use one character such as ; , | or tab`,
      { fileName, delimiter: value });
  }
  return delimiter;
}
