#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (or those named) and repeats each one's last
// line, its figure, in a summary at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (wanted.length === 0 || wanted.some((w) => f.includes(w))))
  .sort();
const figures = [];
let failed = false;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  figures.push(r.status === 0 ? last : `${file}: FAILED (exit ${r.status})`);
  failed ||= r.status !== 0;
}
process.stdout.write(`\n== figures\n${figures.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
