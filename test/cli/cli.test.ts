import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';


describe('the seriatim CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });


  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-cli-'));
    env = { PATH: process.env.PATH, SERIATIM_DB: path.join(dir, 'store.db'), SERIATIM_PER_MINUTE: '100000', SERIATIM_LOG_LEVEL: 'silent' };
    fs.writeFileSync(path.join(dir, 'people.csv'), 'firstName;email\nŞükrü;sukru@example.com\nЯрослав;yaroslav@example.com\nŻaneta;zaneta@example.com\nBad;not-an-address\n');
    fs.writeFileSync(path.join(dir, 'body.html'), '<p>Dear {{firstName}}</p>');
    fs.writeFileSync(path.join(dir, 'noemail.csv'), 'firstName;city\nAyşe;Ankara\n');
    fs.writeFileSync(path.join(dir, 'broken.html'), '<p>{{#firstName}}</p>');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends a run and prints the documented --json report', async () => {
    const { code, stdout } = await cli('send', '--list', 'people.csv', '--subject', 'Merhaba {{firstName}}', '--html', 'body.html', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(['counts', 'deliveries', 'runId', 'status']);
    expect(report.status).toBe('completed');
    expect(report.counts).toEqual({ planned: 4, sent: 3, failed: 0, skipped: 1 });
    expect(report.deliveries).toContainEqual({ to: 'not-an-address', status: 'skipped', reason: 'INVALID_ADDRESS' });

    const ls = JSON.parse((await cli('mailbox', 'ls', '--folder', 'Sent Items', '--json')).stdout);
    expect(ls.messages).toHaveLength(3);
    const yaroslav = ls.messages.find((m: { to: string[] }) => m.to[0] === 'yaroslav@example.com');
    expect(yaroslav.subject).toBe('Merhaba Ярослав');
    expect(yaroslav.tag.startsWith(`${report.runId}:`)).toBe(true);

    const raw = await cli('mailbox', 'show', yaroslav.messageId, '--raw');
    expect(raw.code).toBe(0);
    expect(raw.stdout).toMatch(new RegExp(`^X-Seriatim-Tag:\\s+${report.runId}:`, 'm'));
    const shown = await cli('mailbox', 'show', yaroslav.id);
    expect(shown.stdout).toContain('Dear Ярослав');

    const csv = await cli('report', report.runId, '--csv');
    expect(csv.stdout).toContain('yaroslav@example.com');
    const runs = JSON.parse((await cli('runs', '--json')).stdout);
    expect(runs.runs[0]).toMatchObject({ runId: report.runId, status: 'completed' });
  });

  it('plans without sending on --dry-run', async () => {
    const { code, stdout } = await cli('send', '--list', 'people.csv', '--subject', 'x', '--html', 'body.html', '--dry-run', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ runId: null, status: 'dry-run', counts: { planned: 4, sent: 0, skipped: 1 } });
  });

  it('exits 2 with a clear message on bad input, creating no run', { timeout: 120_000 }, async () => {
    const before = JSON.parse((await cli('runs', '--json')).stdout).runs.length;
    const cases: Array<[string[], RegExp]> = [
      [['send', '--list', 'noemail.csv', '--subject', 'x', '--html', 'body.html'], /NO_EMAIL_COLUMN: noemail\.csv: no column holds e-mail addresses/],
      [['send', '--list', 'people.csv', '--subject', 'x', '--html', 'broken.html'], /TEMPLATE_SYNTAX: .*line 1, column 4/],
      [['send', '--list', 'people.csv', '--subject', 'x', '--html', 'body.html', '--folder', 'Nope'], /FOLDER_NOT_FOUND: There is no folder "Nope"/],
      [['send', '--list', 'missing.csv', '--subject', 'x', '--html', 'body.html'], /Cannot read the list file "missing\.csv"/],
      [['send', '--list', 'people.csv', '--html', 'body.html'], /--subject is required/],
      [['send', '--list', 'people.csv', '--subject', 'x', '--html', 'body.html', '--per-minute', 'fast'], /--per-minute must be a whole number/],
      [['mailbox', 'ls', '--folder', 'Nope'], /There is no folder "Nope"/],
      [['frobnicate'], /Unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(JSON.parse((await cli('runs', '--json')).stdout).runs.length).toBe(before);
  });
});
