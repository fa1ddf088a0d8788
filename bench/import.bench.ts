/**
 * Recipient import throughput: a 100,000-row, 10-column HR list (Turkish names, e-mail, dates,
 * amounts in 12.500,50 notation, phones, yes/no), parsed once as Windows-1254 and once as UTF-8
 * with everything on: encoding detection, delimiter sniffing, header location, type inference
 * and conversion. The baseline is csv-parse's raw synchronous parse of the same UTF-8 bytes
 * from the header line on (known delimiter, strings only), measured in the same run. From the
 * header on, because csv-parse given the title line too builds an error object for every later
 * row (their length differs from the first record's) and runs several times slower; that
 * figure is printed as well. Each speed is the best of three runs. Peak RSS is measured in a
 * fresh child process that only reads the file and imports it once (sampled every 5 ms), so
 * that neither the generated text nor earlier runs' garbage counts.
 * Run: npx tsx bench/import.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { parseRecipientFile } from '../server/recipients/import';

/** Child mode: import one file once and report RSS before and at peak, as JSON. */
async function reportChildRss(path: string): Promise<void> {
  const bytes = readFileSync(path);
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
  const list = await parseRecipientFile({ bytes, fileName: 'personel.csv' });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  console.log(JSON.stringify({ before, peak, rows: list.rows.length }));
}

if (process.argv[2] === '--child') {
  await reportChildRss(process.argv[3]);
  process.exit(0);
}

const ROWS = 100_000;
const RUNS = 3;
const FIRST = ['Şükrü', 'Ğülşen', 'Ayşe', 'Mehmet', 'İbrahim', 'Çağrı', 'Özlem', 'Işıl'];
const LAST = ['Öztürk', 'İnce', 'Yılmaz', 'Kaya', 'Şahin', 'Doğan', 'Çelik', 'Aydın'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Muğla', 'Eskişehir', 'Şanlıurfa'];

/** The list as text: a title line, a blank line, the header, then ROWS data lines. */
function buildList(): string {
  const lines = ['Personel listesi 2026', '', 'Sicil No;Ad;Soyad;E-posta;Doğum tarihi;Maaş;Telefon;Bölüm;Şehir;Aktif'];
  for (let i = 0; i < ROWS; i++) {
    const salary = (10_000 + (i * 37) % 90_000).toLocaleString('de-DE');
    lines.push([
      String(i + 1).padStart(6, '0'), FIRST[i % 8], LAST[(i * 3) % 8], `personel${i}@firma.com.tr`,
      `${1 + (i % 28)}.${1 + (i % 12)}.${1960 + (i % 45)}`, `${salary},${String(i % 100).padStart(2, '0')}`,
      `+90 5${30 + (i % 20)} ${String(i % 1000).padStart(3, '0')} ${10 + (i % 90)} ${10 + (i % 89)}`,
      i % 5 === 0 ? '"Muhasebe; Finans"' : 'İnsan Kaynakları', CITIES[i % 6], i % 3 ? 'evet' : 'hayır',
    ].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Runs `work` RUNS times and keeps the best time. */
async function measure(work: () => Promise<number> | number): Promise<{ seconds: number; rows: number }> {
  let best = Infinity;
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    rows = await work();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, rows };
}

/** Imports `bytes` once in a fresh process (this file in child mode) and returns its RSS figures. */
function measureChildRss(bytes: Uint8Array, name: string): { before: number; peak: number; rows: number } {
  const path = join(tmpdir(), `seriatim-import-bench-${process.pid}-${name}.csv`);
  writeFileSync(path, bytes);
  try {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', path],
      { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  } finally {
    rmSync(path, { force: true });
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const text = buildList();
const utf8 = Buffer.from(text, 'utf8');
const cp1254 = iconv.encode(text, 'windows-1254');

const fromHeader = utf8.subarray(utf8.indexOf('Sicil No'));

const turkish = await measure(async () => (await parseRecipientFile({ bytes: cp1254, fileName: 'personel.csv' })).rows.length);
const unicode = await measure(async () => (await parseRecipientFile({ bytes: utf8, fileName: 'personel.csv' })).rows.length);
const baseline = await measure(() => parse(fromHeader, { delimiter: ';' }).length - 1);
const wholeFile = await measure(() => parse(utf8, { delimiter: ';', relax_column_count: true }).length - 3);

const rate = (m: { seconds: number; rows: number }) => Math.round(m.rows / m.seconds);
const ratio = rate(unicode) / rate(baseline);
console.log(`import: ${ROWS} rows x 10 columns; windows-1254 ${mb(cp1254.length)} MB, utf-8 ${mb(utf8.length)} MB; best of ${RUNS}`);
console.log(`raw csv-parse (sync, utf-8, no types), from the header: ${rate(baseline)} rows/s (${baseline.seconds.toFixed(2)} s)`);
console.log(`raw csv-parse on the whole file, title line included: ${rate(wholeFile)} rows/s (${wholeFile.seconds.toFixed(2)} s)`);
console.log(`import windows-1254: ${rate(turkish)} rows/s (${turkish.seconds.toFixed(2)} s, ${turkish.rows} rows)`);
console.log(`import utf-8: ${rate(unicode)} rows/s (${unicode.seconds.toFixed(2)} s, ${unicode.rows} rows)`);
const rss = [measureChildRss(cp1254, 'cp1254'), measureChildRss(utf8, 'utf8')];
const worst = rss.reduce((a, b) => (b.peak - b.before > a.peak - a.before ? b : a));
console.log(`RSS before import (fresh process, modules and file loaded): ${rss.map((r) => `${mb(r.before)} MB`).join(' / ')}`);
console.log(`peak RSS during import: ${mb(worst.peak)} MB (+${mb(worst.peak - worst.before)} MB while parsing; `
  + `windows-1254 +${mb(rss[0].peak - rss[0].before)} MB, utf-8 +${mb(rss[1].peak - rss[1].before)} MB)`);
console.log(`import_rows_per_sec: ${rate(unicode)} (baseline ${rate(baseline)} raw csv-parse, ratio ${ratio.toFixed(2)})`);
if (turkish.rows !== ROWS || unicode.rows !== ROWS || rss.some((r) => r.rows !== ROWS)) process.exitCode = 1;
