/**
 * Pacing through the real engine: 2,000 recipients sent by the engine on the local mailbox (a
 * real SQLite store), with Exchange's "30 per minute" scaled to 30 per SECOND so that the run takes
 * about a minute. The figure is the achieved rate over the allowed rate (the baseline; goal ≥ 0.95),
 * from the first message started to the last one filed; the highest number of messages started in
 * any one-second window, as the mailbox saw them, must never exceed 30.
 * Run: npx tsx bench/pacing.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateRunRequest } from '../shared/api';
import { Engine } from '../server/engine/engine';
import type { PacerLimits } from '../server/engine/pacer';
import { ProgressHub } from '../server/engine/progress';
import { createLogger } from '../server/log';
import { createLocalProvider } from '../server/providers/local/local-mailbox';
import type { MailboxProvider } from '../server/providers/mailbox';
import { importList } from '../server/services/lists';
import { planRun } from '../server/services/runs';
import { openDb } from '../server/store/db';
import { countDeliveries } from '../server/store/deliveries';
import { upsertUser } from '../server/store/users';
import { maxInAnyWindow } from '../test/support/windows';

const MESSAGES = 2000;
const LIMITS: PacerLimits = { perMinute: 30, windowMs: 1000, perDay: 10_000, dayMs: 86_400_000 / 60, concurrency: 2 };
const now = () => performance.timeOrigin + performance.now();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-pacing-bench-'));
try {
  const db = openDb(path.join(dir, 'bench.db'));
  const user = upsertUser(db, { id: 'local', tenantId: 'local', email: 'me@seriatim.localhost', name: 'Me' });
  const local = createLocalProvider(db, LIMITS);
  // The real local mailbox, observed: when each message reached it, and when it was filed.
  const starts: number[] = [];
  let lastEnd = 0;
  const provider: MailboxProvider = {
    ...local,
    open(u) {
      const mailbox = local.open(u);
      return {
        ...mailbox,
        listFolders: () => mailbox.listFolders(),
        findFolder: (idOrName) => mailbox.findFolder(idOrName),
        createFolder: (name, parentId) => mailbox.createFolder(name, parentId),
        findSent: (tag) => mailbox.findSent(tag),
        async send(message, options) {
          starts.push(now());
          const receipt = await mailbox.send(message, options);
          lastEnd = now();
          return receipt;
        },
      };
    },
  };
  const csv = `email\n${Array.from({ length: MESSAGES }, (_, i) => `p${i}@example.com`).join('\n')}\n`;
  const list = await importList(db, user.id, { bytes: Buffer.from(csv), fileName: 'people.csv' });
  const { run } = await planRun(db, provider.open(user), user.id, CreateRunRequest.parse({ listId: list.id, template: { subject: 'Hello', html: '<p>Hello {{email}}</p>' } }));
  const hub = new ProgressHub();
  const done = new Promise<void>((resolve) => hub.subscribe(run!.id, (e) => e.status === 'completed' && e.counts.sending === 0 && resolve()));
  const engine = new Engine({ db, provider, progress: hub, log: createLogger('silent') });
  engine.start();
  await done;
  await engine.stop();
  if (countDeliveries(db, run!.id).sent !== MESSAGES) throw new Error('not every message was sent');
  db.close();

  const allowedPerSecond = (LIMITS.perMinute / (LIMITS.windowMs ?? 60_000)) * 1000;
  const seconds = (lastEnd - starts[0]) / 1000;
  const achieved = MESSAGES / seconds;
  const ratio = achieved / allowedPerSecond;
  const peak = maxInAnyWindow(starts, LIMITS.windowMs ?? 60_000);
  console.log(`pacing: ${MESSAGES} messages through the engine on the local mailbox, limit ${LIMITS.perMinute} per ${LIMITS.windowMs} ms, real clock`);
  console.log(`achieved ${achieved.toFixed(2)} msg/s over ${seconds.toFixed(2)} s; allowed ${allowedPerSecond.toFixed(2)} msg/s`);
  console.log(`max_in_any_window: ${peak} (limit ${LIMITS.perMinute})`);
  console.log(`pacing_rate_ratio: ${ratio.toFixed(3)} (baseline ${allowedPerSecond.toFixed(2)} msg/s allowed, ratio ${ratio.toFixed(3)})`);
  if (peak > LIMITS.perMinute || ratio < 0.95) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
