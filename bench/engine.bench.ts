/**
 * Engine CPU time per message: 20,000 recipients through the real engine (store, pacers, claim
 * before send, settle, progress) on a mailbox that accepts every message at once, so that only
 * the engine's own work is counted (process.cpuUsage, user + system). The baseline, measured in the
 * same run on the same store, is the bare SQLite work the engine cannot avoid: one claim and one
 * settle statement per message, with no engine around them. Goal: at most 200 µs per message.
 * Run: npx tsx bench/engine.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateRunRequest, type Folder } from '../shared/api';
import { Engine } from '../server/engine/engine';
import { ProgressHub } from '../server/engine/progress';
import { createLogger } from '../server/log';
import type { MailboxProvider } from '../server/providers/mailbox';
import { importList } from '../server/services/lists';
import { planRun } from '../server/services/runs';
import { openDb } from '../server/store/db';
import { claimNext, countDeliveries, settleAttempt } from '../server/store/deliveries';
import { findRun } from '../server/store/runs';
import { upsertUser } from '../server/store/users';

const MESSAGES = 20_000;
const FOLDER: Folder = { id: 'sentitems', name: 'Sent Items', parentId: null, wellKnownName: 'sentitems', messageCount: 0 };

/** A mailbox that accepts everything instantly: what is left is the engine. */
const noop: MailboxProvider = {
  name: 'local',
  limits: { perMinute: 10_000_000, perDay: 10_000_000, concurrency: 2 },
  open: () => ({
    provider: 'local',
    listFolders: async () => [FOLDER],
    findFolder: async () => FOLDER,
    createFolder: async () => FOLDER,
    send: async (m) => ({ messageId: m.messageId, providerId: m.tag.deliveryId }),
    findSent: async () => undefined,
    listMessages: async () => ({ total: 0, messages: [], nextOffset: null }),
    getMessage: async () => {
      throw new Error('not used by the benchmark');
    },
    getRawMessage: async () => {
      throw new Error('not used by the benchmark');
    },
  }),
};

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-engine-bench-'));
try {
  const db = openDb(path.join(dir, 'bench.db'));
  const user = upsertUser(db, { id: 'local', tenantId: 'local', email: 'me@seriatim.localhost', name: 'Me' });
  const csv = `firstName;email\n${Array.from({ length: MESSAGES }, (_, i) => `Person ${i};p${i}@example.com`).join('\n')}\n`;
  const list = await importList(db, user.id, { bytes: Buffer.from(csv), fileName: 'people.csv' });
  const plan = async () => (await planRun(db, noop.open(user), user.id, CreateRunRequest.parse({
    listId: list.id, template: { subject: 'Hello {{firstName}}', html: '<p>Dear {{firstName}},</p><p>Your address is {{email}}.</p>' },
  }))).run!;

  // Baseline: the claim and settle statements alone, on a run of the same size in the same store.
  const bare = await plan();
  let t = process.cpuUsage();
  for (;;) {
    const d = claimNext(db, bare.id, Date.now());
    if (!d) break;
    settleAttempt(db, d, 'sent', { messageId: `${d.id}@example.com` });
  }
  const baselineMicros = cpuMicros(t) / MESSAGES;

  // The engine, with a progress listener as the CLI and the task pane have.
  const run = await plan();
  const hub = new ProgressHub();
  const done = new Promise<void>((resolve) => hub.subscribe(run.id, (e) => e.status === 'completed' && e.counts.sending === 0 && resolve()));
  // A sub-millisecond clock: with Date.now a second message in the same millisecond would wait for the next one.
  const engine = new Engine({ db, provider: noop, progress: hub, log: createLogger('silent'), now: () => performance.timeOrigin + performance.now() });
  const wall = performance.now();
  t = process.cpuUsage();
  engine.start();
  await done;
  const engineMicros = cpuMicros(t) / MESSAGES;
  const seconds = (performance.now() - wall) / 1000;
  await engine.stop();
  const counts = countDeliveries(db, run.id);
  if (counts.sent !== MESSAGES || findRun(db, run.id)?.status !== 'completed') throw new Error(`run not completed: ${JSON.stringify(counts)}`);
  db.close();

  console.log(`engine: ${MESSAGES} messages through the real engine on a no-op mailbox in ${seconds.toFixed(2)} s (${Math.round(MESSAGES / seconds)} msg/s)`);
  console.log(`baseline: bare claim + settle statements ${baselineMicros.toFixed(1)} µs CPU per message`);
  console.log(`goal: at most 200 µs CPU per message`);
  console.log(`engine_cpu_per_message_us: ${engineMicros.toFixed(1)} (baseline ${baselineMicros.toFixed(1)} µs bare claim+settle, ratio ${(engineMicros / baselineMicros).toFixed(2)})`);
  if (engineMicros > 200) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
