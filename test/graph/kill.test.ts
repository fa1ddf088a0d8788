import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRunRequest } from '../../shared/api';
import { storeUpload, storeZip } from '../../server/services/attachments/uploads';
import { importList } from '../../server/services/lists';
import { planRun } from '../../server/services/runs';
import { countDeliveries } from '../../server/store/deliveries';
import { findRun, type RunRecord } from '../../server/store/runs';
import type { FaultHandle, FaultRule, SentRecord } from '../graph-emulator/index';
import { createRandom } from '../support/random';
import { startGraphHarness, type GraphHarness } from './harness';
import { GRAPH_KILL_EMULATOR_LIMITS, GRAPH_KILL_LIMITS, GRAPH_KILL_SENT_COPY_LAG_MS, GRAPH_KILL_TIMINGS } from './kill-settings';

const CHILD = path.resolve('test/graph/kill-child.ts');
const SEED = 20_250_604;
const RECIPIENTS = 100;
/** Every tenth recipient's own file is too big to ride in the draft's POST: it is POSTed alone after it. */
const BIG_EVERY = 10;
const BIG_BYTES = 2 * 1024 * 1024;
const TERMS = new TextEncoder().encode('Terms and conditions\n'.repeat(100));

/** Where a kill is aimed: a request the emulator holds (the kill lands while it is held), or a random moment. */
interface KillPoint {
  name: string;
  rule?: Omit<FaultRule, 'action' | 'nth'>;
  /** The held request is the nth matching one, drawn from 1..nthMax. */
  nthMax: number;
  /** Let go only once the next process sends the same draft (that process is killed later). */
  heldAcrossRestart?: boolean;
}

const MESSAGE_BY_ID = /^\/me\/messages\/[^/]+$/;

/**
 * One kill at each step of the Graph send path (sender.ts), and two at random moments. A held
 * request is let go after the kill: Graph carries out what it received whether or not anyone still
 * waits for the answer.
 */
const KILL_POINTS: KillPoint[] = [
  // The draft exists, but its id never reached the store (record 'creating'): found by its tag.
  { name: 'draft created, reply lost', rule: { method: 'POST', path: '/me/messages', phase: 'after' }, nthMax: 6 },
  // Half-built draft (record 'draft'): discarded and built again, never sent without its file.
  { name: 'attachment being added', rule: { method: 'POST', path: /\/attachments$/ }, nthMax: 1 },
  // Record 'sending': the send is carried out after the kill, with nobody waiting for it.
  { name: 'send in flight', rule: { method: 'POST', path: /\/send$/ }, nthMax: 6 },
  { name: 'sent, reply lost', rule: { method: 'POST', path: /\/send$/, phase: 'after' }, nthMax: 6 },
  // Record 'sent' (or, in a restarted process, a delivery being reconciled): the copy is not filed yet.
  { name: 'looking for the sent copy', rule: { method: 'GET', path: MESSAGE_BY_ID }, nthMax: 6 },
  { name: 'sent copy moved, reply lost', rule: { method: 'POST', path: /\/move$/, phase: 'after' }, nthMax: 6 },
  { name: 'random moment', nthMax: 1 },
  { name: 'random moment', nthMax: 1 },
  // The dead process's send is carried out only after the next process has waited out the sent-copy
  // poll, seen a draft, and sent that draft itself: its own send finds the draft already sent.
  { name: 'send in flight past the restart', rule: { method: 'POST', path: /\/send$/ }, nthMax: 6, heldAcrossRestart: true },
];

/** The kill points in an order and with counts drawn from the seed. */
function planKills(random: () => number): Array<KillPoint & { nth: number; delayMs: number }> {
  const points = [...KILL_POINTS];
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return points.map((p) => ({ ...p, nth: 1 + Math.floor(random() * p.nthMax), delayMs: p.rule ? 0 : Math.floor(random() * 150) }));
}

/** Resolves when the child exits: its exit code, or the signal that ended it. */
function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `condition` holds (true) or the child has exited (false). */
async function reached(condition: () => boolean, child: ChildProcess, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    if (Date.now() > until) throw new Error('The kill point was never reached');
    await sleep(2);
  }
  return true;
}

/** Kills a started child with SIGKILL once `condition` holds (and `delayMs` more), and waits for it to die. */
async function killWhen(child: ChildProcess, condition: () => boolean, delayMs: number, point: string): Promise<void> {
  const exit = exited(child);
  try {
    if (await reached(condition, child)) {
      await sleep(delayMs);
      child.kill('SIGKILL');
    }
    expect(await exit, `killed at "${point}"`).toBe('SIGKILL');
  } finally {
    child.kill('SIGKILL');
  }
}

/**
 * A dead process's send, still held: the next process reconciles its delivery (the draft is still a
 * draft for the whole poll), reuses the draft and sends it. Only then does the old send go out, just
 * before the new one arrives. The new process is killed once it has sent one more message.
 */
async function sendAgainThenLetGo(start: () => ChildProcess, held: FaultHandle): Promise<void> {
  const { emulator } = h;
  const again = emulator.faults.add({ method: 'POST', path: /\/send$/, nth: 1, action: { type: 'hold' } });
  const child = start();
  try {
    expect(await reached(() => again.fired > 0, child)).toBe(true);
    const sentBefore = emulator.sentLog.length;
    held.release();
    expect(await reached(() => emulator.sentLog.length > sentBefore, child)).toBe(true);
    // The old send has just sent the very draft the new process is sending.
    const sent = emulator.sentLog[sentBefore];
    const record = h.db.prepare('SELECT draft_id, state FROM graph_drafts WHERE owner_id = ? AND tag = ?').get(h.user.id, tagOf(sent));
    expect(record).toEqual({ draft_id: sent.messageId, state: 'sending' });
    again.release();
    await killWhen(child, () => emulator.sentLog.length > sentBefore + 1, 0, 'after sending a draft sent meanwhile');
  } finally {
    child.kill('SIGKILL');
    again.remove();
  }
}

/** Plans the run through the real use cases: a list, a shared file, a zip of each recipient's own file, a folder. */
async function planStatements(h: GraphHarness): Promise<{ run: RunRecord; folderId: string; emails: string[] }> {
  const { db, user, mailbox } = h;
  const emails = Array.from({ length: RECIPIENTS }, (_, i) => `person${i + 1}@example.test`);
  const csv = `email,statement\n${emails.map((e, i) => `${e},statement-${i + 1}.txt`).join('\n')}\n`;
  const list = await importList(db, user.id, { bytes: Buffer.from(csv), fileName: 'statements.csv' });
  const files = Object.fromEntries(emails.map((_, i) => [`statement-${i + 1}.txt`, statementOf(i + 1)]));
  const set = storeZip(db, user.id, 'statements.zip', zipSync(files, { level: 1 }));
  const terms = storeUpload(db, user.id, 'terms.txt', TERMS);
  const folder = await mailbox.createFolder('Statements (killed)');
  const request = CreateRunRequest.parse({
    listId: list.id, folderId: folder.id,
    template: { subject: 'Your statement', html: '<p>Dear {{email}}, your statement is attached.</p>' },
    attachments: [{ fileId: terms.id }],
    recipientFiles: { fileSetId: set.id, column: 'statement' },
  });
  const { run } = await planRun(db, mailbox, user.id, request);
  return { run: run!, folderId: folder.id, emails };
}

/** Recipient n's own file: a few lines, or 2 MB for every tenth. */
function statementOf(n: number): Uint8Array {
  if (n % BIG_EVERY !== 0) return new TextEncoder().encode(`Statement for ${n}\n`.repeat(20));
  return new Uint8Array(BIG_BYTES).map((_, i) => (i * n + 13) % 251);
}

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness({
    emulator: { sentCopyLagMs: GRAPH_KILL_SENT_COPY_LAG_MS, limits: GRAPH_KILL_EMULATOR_LIMITS },
    provider: { limits: GRAPH_KILL_LIMITS, ...GRAPH_KILL_TIMINGS },
  });
});

afterAll(async () => {
  await h?.close();
});

describe('exactly once on Microsoft Graph under SIGKILL', () => {
  it('loses no recipient and duplicates none when the sending process is killed at every step of the send path', { timeout: 120_000 }, async () => {
    const { emulator, db, user } = h;
    const { run, folderId, emails } = await planStatements(h);
    const token = emulator.issueToken(user.id, { expiresInSec: 3600 });
    const start = () => spawn(process.execPath, ['--import', 'tsx', CHILD, db.name, run.id, emulator.url], {
      env: { ...process.env, GRAPH_TOKEN: token }, stdio: ['ignore', 'inherit', 'inherit'],
    });

    const kills = planKills(createRandom(SEED));
    // For each kill, the Graph record of every delivery it left `sending` ('none': not begun on Graph).
    const landings: Array<{ point: string; left: string[] }> = [];
    const land = (point: string) => landings.push({ point, left: graphStatesLeftSending(run.id) });
    for (const k of kills) {
      const fault = k.rule && emulator.faults.add({ ...k.rule, nth: k.nth, action: { type: 'hold' } });
      try {
        const sentBefore = emulator.sentLog.length;
        await killWhen(start(), fault ? () => fault.fired > 0 : () => emulator.sentLog.length > sentBefore, k.delayMs, k.name);
        land(k.name);
        if (fault && k.heldAcrossRestart) {
          await sendAgainThenLetGo(start, fault);
          land('after sending a draft sent meanwhile');
        }
      } finally {
        fault?.remove();
      }
    }
    expect(landings).toHaveLength(KILL_POINTS.length + 1);
    // The held requests put kills between each pair of steps of the send path.
    const states = new Set(landings.flatMap((l) => l.left));
    expect([...states]).toEqual(expect.arrayContaining(['creating', 'draft', 'sending', 'sent']));
    expect(countDeliveries(db, run.id).sent).toBeLessThan(RECIPIENTS);

    const last = start();
    expect(await exited(last)).toBe(0);
    expect(findRun(db, run.id)!.status).toBe('completed');
    emulator.flushSentCopies();
    expectExactlyOnce(run.id, emails, folderId);
  });
});

/** The delivery tag a sent message carries in its extended property. */
function tagOf(s: SentRecord): string {
  return Object.values(s.extendedProperties)[0] ?? '';
}

/** The Graph record (graph_drafts) state of each of the run's deliveries left `sending`. */
function graphStatesLeftSending(runId: string): string[] {
  const rows = h.db.prepare(
    `SELECT g.state FROM deliveries d LEFT JOIN graph_drafts g ON g.owner_id = ? AND g.tag = d.run_id || ':' || d.id
     WHERE d.run_id = ? AND d.status = 'sending'`,
  ).pluck().all(h.user.id, runId) as Array<string | null>;
  return rows.map((s) => s ?? 'none');
}

/**
 * What Graph actually sent (the emulator's log) against the plan: one message per recipient, each
 * with its own file and the shared one, every delivery `sent`, every copy in the chosen folder,
 * nothing left in Sent Items or Drafts.
 */
function expectExactlyOnce(runId: string, emails: string[], folderId: string): void {
  const { db, user, emulator } = h;
  const deliveries = db.prepare('SELECT id, email, status FROM deliveries WHERE run_id = ?').all(runId) as Array<{ id: string; email: string; status: string }>;
  expect(deliveries).toHaveLength(emails.length);
  expect(deliveries.filter((d) => d.status !== 'sent')).toEqual([]);

  const ofRun = emulator.sentLog.filter((s) => tagOf(s).startsWith(`${runId}:`));
  expect(ofRun).toHaveLength(emulator.sentLog.length);
  const byTag = new Map<string, number>();
  const byTo = new Map<string, number>();
  for (const s of ofRun) {
    const tag = tagOf(s);
    byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    for (const to of s.to) byTo.set(to, (byTo.get(to) ?? 0) + 1);
  }
  expect([...byTag.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  for (const d of deliveries) expect(byTag.get(`${runId}:${d.id}`), d.email).toBe(1);
  expect([...byTo.keys()].sort()).toEqual([...emails].sort());
  expect([...byTo.values()].every((n) => n === 1)).toBe(true);

  // No message went out without its files: a half-built draft is rebuilt, never sent.
  for (const s of ofRun) {
    const n = Number(/^person(\d+)@/.exec(s.to[0])![1]);
    const files = s.attachments.map((a) => [a.name, a.size]).sort();
    expect(files, s.to[0]).toEqual([['statement-' + n + '.txt', statementOf(n).byteLength], ['terms.txt', TERMS.byteLength]].sort());
  }

  const filed = emulator.messagesIn(user.id, folderId);
  expect(filed).toHaveLength(emails.length);
  expect(new Set(filed.map((m) => m.immutableId))).toEqual(new Set(ofRun.map((s) => s.messageId)));
  expect(emulator.messagesIn(user.id, 'sentitems')).toHaveLength(0);
  // Every draft was either sent or, when a kill left it half-built or unknown, deleted before rebuilding.
  expect(emulator.messagesIn(user.id, 'drafts')).toHaveLength(0);
}
