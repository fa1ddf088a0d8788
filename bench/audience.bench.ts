/**
 * Audience at scale: a 100,000-row HR list (CSV) imported and stored as a list, then a run
 * planned from it with a filter (department, age from the birth date, work anniversary today),
 * suppression and exclusions, through the same `planRun` the HTTP API uses: rows read back,
 * evaluated, frozen with derived merge fields and inserted as deliveries with the run.
 * Baselines, measured in the same run on the same store file: inserting the parsed rows with a
 * bare prepared statement (for import+store), and reading the rows back plus inserting as many
 * bare delivery rows as the plan made (for filter+plan). Each speed is the best of three. Peak RSS is the maximum
 * resident set of a fresh child process that imports, stores and plans once.
 * Run: npx tsx bench/audience.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config';
import { createCore, type Core } from '../server/main';
import { parseRecipientFile } from '../server/recipients/import';
import { importList } from '../server/services/lists';
import { planRun } from '../server/services/runs';
import { addSuppression } from '../server/store/suppression';
import { parseFilterExpression } from '../shared/audience';

const ROWS = 100_000;
const RUNS = 3;
const DEPARTMENTS = ['Sales', 'Finance', 'Payroll', 'Engineering', 'Support', 'Logistics'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Warszawa', 'Kraków', 'Bratislava', 'Москва'];
const FILTER = 'department in ("sales", "finance") and age(birthDate) > 30 or anniversary today(hireDate)';
const RUN_DATE = '2026-07-01';

/** The list as CSV text: every 97th row without an address, every 101st a duplicate of the row before. */
function buildCsv(): Buffer {
  const lines = ['id,firstName,lastName,email,department,city,birthDate,hireDate,salary'];
  for (let i = 0; i < ROWS; i++) {
    const email = i % 97 === 0 ? '' : i % 101 === 0 ? `Person${i - 1}@Example.com` : `person${i}@example.com`;
    const birth = `${1960 + (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const hire = `${2000 + (i % 25)}-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
    lines.push([`e${i}`, `Ad${i % 500}`, `Soyad${i % 700}`, email, DEPARTMENTS[i % 6], CITIES[i % 7], birth, hire, 30_000 + (i % 90) * 1000].join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

function openStore(dir: string): Core {
  const config = loadConfig({ SERIATIM_DB: join(dir, 'bench.db'), SERIATIM_SEED_SAMPLES: 'false', SERIATIM_LOG_LEVEL: 'silent' });
  return createCore(config);
}

async function importAndStore(core: Core, bytes: Buffer): Promise<string> {
  return (await importList(core.db, core.localUser.id, { bytes, fileName: 'staff.csv' })).id;
}

async function plan(core: Core, listId: string): Promise<number> {
  const { planned } = await planRun(core.db, core.provider.open(core.localUser), core.localUser.id, {
    listId, template: { subject: 'Merhaba {{firstName}}', html: '<p>{{firstName}}, {{age}}</p>' }, dryRun: false,
    options: { maxErrors: 0, acceptUnknownFields: false },
    audience: { filter: parseFilterExpression(FILTER), runDate: RUN_DATE, timeZone: 'Europe/Istanbul', locale: 'tr-TR', exclusions: ['person5@example.com', 'example.net'] },
  });
  return planned.length;
}

/** Child mode: import, store and plan once, then report the process's peak resident set. */
async function reportChildRss(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seriatim-audience-rss-'));
  const core = openStore(dir);
  try {
    const planned = await plan(core, await importAndStore(core, buildCsv()));
    console.log(JSON.stringify({ peakKb: process.resourceUsage().maxRSS, planned }));
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await reportChildRss();
  process.exit(0);
}

async function best(work: () => Promise<unknown> | unknown): Promise<number> {
  let seconds = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await work();
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
  }
  return seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'seriatim-audience-bench-'));
const core = openStore(dir);
try {
  const bytes = buildCsv();
  const { db } = core;
  for (let i = 0; i < 200; i++) {
    addSuppression(db, core.localUser.tenantId, { kind: 'address', value: `person${i * 13}@example.com`, reason: null, source: 'manual', deliveryId: null, createdBy: 'bench' });
  }
  const parsedRows = (await parseRecipientFile({ bytes, fileName: 'staff.csv' })).rows;
  db.exec('CREATE TABLE bench_rows (idx INTEGER PRIMARY KEY, data TEXT NOT NULL); CREATE TABLE bench_deliveries (id TEXT PRIMARY KEY, idx INTEGER, email TEXT, vals TEXT)');
  const bareInsert = await best(() => {
    db.exec('DELETE FROM bench_rows');
    const insert = db.prepare('INSERT INTO bench_rows (idx, data) VALUES (?, ?)');
    db.transaction(() => parsedRows.forEach((row, i) => insert.run(i, JSON.stringify(row))))();
  });

  let listId = '';
  const importStore = await best(async () => { listId = await importAndStore(core, bytes); });

  let planned = 0;
  const filterPlan = await best(async () => { planned = await plan(core, listId); });
  // The floor under planning: read and parse every row, insert as many bare deliveries as the plan did.
  const bareReadInsert = await best(() => {
    db.exec('DELETE FROM bench_deliveries');
    const rows = (db.prepare('SELECT data FROM list_rows WHERE list_id = ? ORDER BY idx').pluck().all(listId) as string[]).map((d) => JSON.parse(d));
    const insert = db.prepare('INSERT INTO bench_deliveries (id, idx, email, vals) VALUES (?, ?, ?, ?)');
    db.transaction(() => rows.slice(0, planned).forEach((row, i) => insert.run(crypto.randomUUID(), i, String(row.email ?? ''), JSON.stringify(row))))();
  });

  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  const rss = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { peakKb: number; planned: number };

  const rate = (seconds: number) => Math.round(ROWS / seconds);
  console.log(`audience: ${ROWS} rows x 9 columns (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV); filter: ${FILTER}; run date ${RUN_DATE}; best of ${RUNS}`);
  console.log(`planned deliveries: ${planned} (the rest filtered out); child process planned ${rss.planned}`);
  console.log(`bare prepared-statement insert of the parsed rows: ${rate(bareInsert)} rows/s (${bareInsert.toFixed(2)} s)`);
  console.log(`audience_import_store_rows_per_sec: ${rate(importStore)} (baseline ${rate(bareInsert)} bare insert, ratio ${(rate(importStore) / rate(bareInsert)).toFixed(2)}; ${importStore.toFixed(2)} s)`);
  console.log(`bare read of the rows + bare insert of ${planned} deliveries: ${rate(bareReadInsert)} rows/s (${bareReadInsert.toFixed(2)} s)`);
  console.log(`peak RSS (fresh process: import, store and plan 100,000 rows once): ${Math.round(rss.peakKb / 1024)} MB`);
  console.log(`audience_filter_plan_rows_per_sec: ${rate(filterPlan)} (baseline ${rate(bareReadInsert)} bare read+insert, ratio ${(rate(filterPlan) / rate(bareReadInsert)).toFixed(2)}; ${filterPlan.toFixed(2)} s)`);
  if (planned === 0 || planned !== rss.planned) process.exitCode = 1;
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
