import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/main';
import { createLocalProvider } from '../../server/providers/local/local-mailbox';
import type { Db } from '../../server/store/db';
import { countDeliveries } from '../../server/store/deliveries';
import { findRun } from '../../server/store/runs';
import type { User } from '../../server/store/users';
import { addresses, openStore, planRecipients, tempDir, waitFor } from './support';

const CHILD = path.resolve('test/engine/kill-child.ts');
const BIN = path.resolve('bin/seriatim.js');

/** What the local mailbox holds for a run: copies per tag, copies per address, and untagged copies (duplicates). */
function mailboxOf(db: Db, runId: string) {
  const rows = db.prepare('SELECT tag, recipients FROM messages').all() as Array<{ tag: string | null; recipients: string }>;
  const byTag = new Map<string, number>();
  const byTo = new Map<string, number>();
  let untagged = 0;
  for (const r of rows) {
    if (r.tag === null) untagged++;
    else if (!r.tag.startsWith(`${runId}:`)) continue;
    else byTag.set(r.tag, (byTag.get(r.tag) ?? 0) + 1);
    for (const to of JSON.parse(r.recipients) as string[]) byTo.set(to, (byTo.get(to) ?? 0) + 1);
  }
  return { byTag, byTo, untagged };
}

/** Checks that every planned recipient got exactly one message, tagged with its delivery, and that every delivery is sent. */
function expectExactlyOnce(db: Db, runId: string, emails: string[]): void {
  const deliveries = db.prepare('SELECT id, email, status FROM deliveries WHERE run_id = ?').all(runId) as Array<{ id: string; email: string; status: string }>;
  expect(deliveries).toHaveLength(emails.length);
  expect(deliveries.filter((d) => d.status !== 'sent')).toEqual([]);
  const { byTag, byTo, untagged } = mailboxOf(db, runId);
  expect(untagged).toBe(0);
  expect(byTag.size).toBe(emails.length);
  expect([...byTag.values()].every((n) => n === 1)).toBe(true);
  for (const d of deliveries) expect(byTag.get(`${runId}:${d.id}`)).toBe(1);
  expect([...byTo.keys()].sort()).toEqual([...emails].sort());
  expect([...byTo.values()].every((n) => n === 1)).toBe(true);
}

/** Resolves when the child exits; its exit code, or the signal that ended it. */
function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Resolves when the child writes `line` to stdout (the first message started). */
function announced(child: ChildProcess, line: string): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(line)) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
}

const randomDelay = () => 50 + Math.floor(Math.random() * 350);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exactly once under SIGKILL', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('seriatim-kill-');
  });
  afterAll(() => tmp.remove());

  it('loses no recipient and duplicates none when the sending process is killed 50 times', async () => {
    const file = path.join(tmp.dir, 'killed.db');
    const { db, user } = openStore(file);
    const emails = addresses(300);
    const run = await planRecipients(db, createLocalProvider(db, { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 }), user, emails);
    let kills = 0;
    let sentButNotRecorded = 0;
    let claimedButNotSent = 0;
    while (kills < 50 && findRun(db, run.id)!.status !== 'completed') {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, run.id], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exit = exited(child);
      if (await announced(child, 'sending')) {
        await sleep(randomDelay());
        child.kill('SIGKILL');
      }
      if ((await exit) !== 'SIGKILL') continue;
      kills++;
      // Where the kill landed: a delivery left `sending` whose message is, or is not, already in the mailbox.
      const left = db.prepare("SELECT id FROM deliveries WHERE run_id = ? AND status = 'sending'").pluck().all(run.id) as string[];
      const { byTag } = mailboxOf(db, run.id);
      for (const id of left) {
        if (byTag.has(`${run.id}:${id}`)) sentButNotRecorded++;
        else claimedButNotSent++;
      }
    }
    expect(kills).toBe(50);
    expect(sentButNotRecorded).toBeGreaterThan(0);
    expect(claimedButNotSent).toBeGreaterThan(0);
    expect(countDeliveries(db, run.id).sent).toBeLessThan(emails.length);

    const last = spawn(process.execPath, ['--import', 'tsx', CHILD, file, run.id], { stdio: ['ignore', 'ignore', 'inherit'] });
    expect(await exited(last)).toBe(0);
    expect(findRun(db, run.id)!.status).toBe('completed');
    expectExactlyOnce(db, run.id, emails);
    db.close();
  }, 240_000);

  it('a restarted server finishes, by itself, a run a killed process left half-sent', async () => {
    const file = path.join(tmp.dir, 'restart.db');
    const { db, user } = openStore(file);
    const emails = addresses(40, 'r');
    const run = await planRecipients(db, createLocalProvider(db, { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 }), user, emails);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, run.id], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exit = exited(child);
    expect(await announced(child, 'sending')).toBe(true);
    await sleep(randomDelay());
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    expect(findRun(db, run.id)!.status).toBe('running');

    const server = await startServer({ port: 0, dbFile: file, seedSamples: false, logLevel: 'silent', limits: { perMinute: 100_000 } }, {});
    try {
      const done = await waitFor('the run to complete', () => {
        const r = findRun(db, run.id)!;
        return r.status === 'completed' && countDeliveries(db, run.id).sending === 0 ? r : undefined;
      }, 60_000);
      expect(done.status).toBe('completed');
      const viaApi = await (await fetch(`${server.url}/api/runs/${run.id}`)).json();
      expect(viaApi).toMatchObject({ status: 'completed', counts: { sent: 40, pending: 0, sending: 0 } });
    } finally {
      await server.close();
    }
    expectExactlyOnce(db, run.id, emails);
    db.close();
  }, 120_000);

  it('`seriatim resume` continues a killed `seriatim send` until every recipient has exactly one message', async () => {
    const dir = path.join(tmp.dir, 'cli');
    const file = path.join(dir, 'store.db');
    const { db } = openStore(file);
    const emails = addresses(1000, 'c');
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(dir, 'people.csv'), `email\n${emails.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'body.html'), '<p>Dear {{email}}</p>');
    const env = { PATH: process.env.PATH, SERIATIM_DB: file, SERIATIM_PER_MINUTE: '30000', SERIATIM_PER_DAY: '1000000', SERIATIM_LOG_LEVEL: 'silent' };
    const cli = (...args: string[]) => spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });

    let child = cli('send', '--list', 'people.csv', '--subject', 'Hello', '--html', 'body.html', '--json');
    let runId = '';
    // 500 a second: a process killed 50-400 ms after its first message leaves most of the run to the next.
    let kills = 0;
    for (let life = 0; life < 4; life++) {
      const exit = exited(child);
      const sentBefore = runId ? countDeliveries(db, runId).sent : 0;
      // Killed once this process has sent something itself, not while it is still starting up.
      const started = await waitFor('sending to start', () => {
        runId ||= (db.prepare('SELECT id FROM runs').pluck().get() as string | undefined) ?? '';
        return runId && countDeliveries(db, runId).sent > sentBefore;
      }, 60_000);
      expect(started).toBe(true);
      await sleep(randomDelay());
      child.kill('SIGKILL');
      if ((await exit) === 'SIGKILL') kills++;
      if (countDeliveries(db, runId).pending === 0) break;
      child = cli('resume', runId, '--json');
    }
    let stdout = '';
    child = cli('resume', runId, '--json');
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    expect(await exited(child)).toBe(0);
    expect(kills).toBeGreaterThan(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ runId, status: 'completed', counts: { planned: 1000, sent: 1000, failed: 0 } });
    expectExactlyOnce(db, runId, emails);
    db.close();
  }, 180_000);
});
