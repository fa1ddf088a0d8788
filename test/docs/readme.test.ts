import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api';
import * as api from '../../shared/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the README documents the public HTTP interface', () => {
  it('lists every error code scripts may match on', () => {
    const missing = ERROR_CODES.filter((code) => !README.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('names only schemas that exist in shared/api', () => {
    const section = README.slice(README.indexOf('## HTTP API'), README.indexOf('## Where things are'));
    const named = [...section.matchAll(/`(?:\d{3} )?([A-Z][A-Za-z]+(?:Request|Response|Summary|Query|Preview|Status|Entry|Template|File|FileSet|Run|Folder|Schedule|Detail))`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !(name in api))).toEqual([]);
  });
});
