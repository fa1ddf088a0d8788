// `seriatim send --filter/--time-zone/--exclude` as a user runs it: the real binary, a real store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';


describe('seriatim send with an audience', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });

  const send = (...args: string[]) => cli('send', '--list', 'staff.csv', '--subject', 'Merhaba {{name}}', '--html', 'body.html', '--json', ...args);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-audience-cli-'));
    env = { PATH: process.env.PATH, SERIATIM_DB: path.join(dir, 'store.db'), SERIATIM_PER_MINUTE: '100000', SERIATIM_LOG_LEVEL: 'silent' };
    fs.writeFileSync(path.join(dir, 'staff.csv'), [
      'name;email;city;birthDate',
      'Ayşe;ayse@example.com;İstanbul;1980-05-05',
      'Bora;bora@example.com;Ankara;1999-05-05',
      'Can;can@example.com;istanbul;1970-01-01',
      'Deniz;deniz@example.org;İSTANBUL;1990-01-01',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'body.html'), '<p>{{name}} ({{age}})</p>');
    fs.writeFileSync(path.join(dir, 'exclude.txt'), '# asked not to be mailed\nexample.org\n');
    fs.writeFileSync(path.join(dir, 'bad-filter.json'), JSON.stringify({
      type: 'group', op: 'and', children: [{ type: 'equals', field: 'city', value: 'x' }, { type: 'dateEquals', field: 'birthDate', date: '2026-13-01' }],
    }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends only to the rows the expression selects, with derived merge fields and exclusions', async () => {
    const { code, stdout, stderr } = await send('--filter', 'city = "istanbul" and age(birthDate) > 35', '--time-zone', 'Europe/Istanbul', '--exclude', 'exclude.txt');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.counts).toEqual({ planned: 3, sent: 2, failed: 0, skipped: 1 });
    expect(report.deliveries).toContainEqual({ to: 'deniz@example.org', status: 'skipped', reason: 'EXCLUDED' });
    expect(report.deliveries.map((d: { to: string }) => d.to)).not.toContain('bora@example.com');
  });

  it('points at the column of a mistake in an expression and exits 2', async () => {
    const { code, stderr } = await send('--filter', 'city = "istanbul" and');
    expect(code).toBe(2);
    expect(stderr).toContain('--filter: Expected');
    expect(stderr).toContain('at column 22');
    expect(stderr).toMatch(/\n {2}city = "istanbul" and\n {23}\^/);
  });

  it('names the path of a mistake in a JSON filter file and exits 2', async () => {
    const { code, stderr } = await send('--filter', 'bad-filter.json');
    expect(code).toBe(2);
    expect(stderr).toContain('audience.filter.children.1.date: must be a real date');
  });

  it('refuses a filter that selects nobody', async () => {
    const nobody = await send('--filter', 'city = "Trabzon"');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('nobody in "staff.csv" is in the audience');
  });
});
