import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SERIATIM_BIN } from '../support/cli';
import { openDb } from '../../server/store/db';
import { findRun } from '../../server/store/runs';
import { tempDir, waitFor } from './support';

const HOUR = 3_600_000;

describe('the CLI around a run that waits for its daily budget', () => {
  let tmp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(args, { cwd: tmp.dir, env });


  beforeAll(() => {
    tmp = tempDir('seriatim-cli-engine-');
    env = { PATH: process.env.PATH, SERIATIM_DB: path.join(tmp.dir, 'store.db'), SERIATIM_PER_MINUTE: '100000', SERIATIM_PER_DAY: '2', SERIATIM_LOG_LEVEL: 'silent' };
    fs.writeFileSync(path.join(tmp.dir, 'people.csv'), 'email\na@example.com\nb@example.com\nc@example.com\n');
    fs.writeFileSync(path.join(tmp.dir, 'body.html'), '<p>Hello</p>');
  });
  afterAll(() => tmp.remove());

  it('stops cleanly on Ctrl-C, then lists the run as waiting for its daily budget; pause, cancel and resume behave', async () => {
    // The store exists before the CLI starts, so this test never migrates it at the same time as the CLI.
    const db = openDb(env.SERIATIM_DB!);
    const child = spawn(process.execPath, [SERIATIM_BIN, 'send', '--list', 'people.csv', '--subject', 'Hi', '--html', 'body.html', '--json'], { cwd: tmp.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const runId = await waitFor('the run to wait for its daily budget', () => {
      const id = db.prepare('SELECT id FROM runs').pluck().get() as string | undefined;
      return id && findRun(db, id)?.waitReason === 'day' ? id : undefined;
    }, 60_000);
    db.close();
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(stderr).toContain(`Stopped; the run is running. \`seriatim resume ${runId}\` continues it.`);

    const listed = JSON.parse((await cli('runs', '--json')).stdout).runs[0];
    expect(listed).toMatchObject({ runId, status: 'running', counts: { sent: 2, pending: 1 }, waitReason: 'day' });
    expect(Date.parse(listed.waitingUntil)).toBeGreaterThan(Date.now() + 23 * HOUR);
    expect(Date.parse(listed.estimatedFinishAt)).toBeGreaterThanOrEqual(Date.parse(listed.waitingUntil));
    expect((await cli('runs')).stdout).toMatch(/waiting for daily budget, continues (tomorrow )?at \d\d:\d\d/);

    const paused = await cli('pause', runId, '--json');
    expect(paused.code).toBe(1);
    expect(JSON.parse(paused.stdout).status).toBe('paused');
    expect((await cli('pause', runId, '--json')).code).toBe(1);
    expect(JSON.parse((await cli('cancel', runId, '--json')).stdout)).toMatchObject({ status: 'cancelled', counts: { sent: 2, skipped: 1 } });
    const resumed = await cli('resume', runId);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/INVALID_STATE: A cancelled run cannot be resumed\./);
  }, 120_000);
});
