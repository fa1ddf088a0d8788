import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { CreateRunRequest, type ProgressEvent } from '../../shared/api';
import { Engine } from '../../server/engine/engine';
import { ProgressHub } from '../../server/engine/progress';
import { createLogger } from '../../server/log';
import type { MailboxProvider } from '../../server/providers/mailbox';
import { importList } from '../../server/services/lists';
import { planRun } from '../../server/services/runs';
import { openDb, type Db } from '../../server/store/db';
import { findRun, type RunRecord } from '../../server/store/runs';
import { upsertUser, type User } from '../../server/store/users';
import { ScriptedProvider } from './scripted-mailbox';

export { maxInAnyWindow } from '../support/windows';

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'seriatim-engine-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real store file with the local user, as the server and the CLI open it. */
export function openStore(file: string): { db: Db; user: User } {
  const db = openDb(file);
  const user = upsertUser(db, { id: 'local', tenantId: 'local', email: 'me@seriatim.localhost', name: 'Local User' });
  return { db, user };
}

/** A fresh store file (with the local user) for each test of the enclosing suite, removed after it. */
export function useTempStore(): { readonly db: Db; readonly user: User; readonly file: string } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let store: { db: Db; user: User; file: string } | undefined;
  beforeEach(() => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'store.db');
    store = { ...openStore(file), file };
  });
  afterEach(() => {
    store?.db.close();
    tmp?.remove();
  });
  const current = () => {
    if (!store) throw new Error('The store is opened per test: use it inside a test.');
    return store;
  };
  return {
    get db() {
      return current().db;
    },
    get user() {
      return current().user;
    },
    get file() {
      return current().file;
    },
  };
}

/** Addresses p0@example.com … p(n-1)@example.com. */
export function addresses(n: number, prefix = 'p'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
}

/** Imports a one-column list and plans a run of it through the real use cases (`importList`, `planRun`). */
export async function planRecipients(
  db: Db, provider: MailboxProvider, user: User, emails: string[], options: Record<string, unknown> = {},
): Promise<RunRecord> {
  const list = await importList(db, user.id, { bytes: Buffer.from(`email\n${emails.join('\n')}\n`), fileName: 'people.csv' });
  const request = CreateRunRequest.parse({ listId: list.id, template: { subject: 'Hello {{email}}', html: '<p>Dear {{email}}</p>' }, options });
  const { run } = await planRun(db, provider.open(user), user.id, request);
  return run!;
}

/** An engine on a store and a provider, with progress recorded. */
export function startEngine(db: Db, provider: MailboxProvider, now?: () => number): { engine: Engine; events: ProgressEvent[]; hub: ProgressHub } {
  const hub = new ProgressHub();
  const events: ProgressEvent[] = [];
  hub.subscribe('*', (e) => events.push(e));
  const engine = new Engine({ db, provider, progress: hub, log: createLogger('silent'), now });
  engine.start();
  return { engine, events, hub };
}

/** Waits until `condition` holds, checking every 20 ms; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, condition: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the run is in one of `statuses` with nothing in flight. */
export function waitForStatus(db: Db, runId: string, statuses: string[], timeoutMs?: number): Promise<RunRecord> {
  return waitFor(`run ${runId} to be ${statuses.join('/')}`, () => {
    const run = findRun(db, runId);
    const sending = db.prepare("SELECT COUNT(*) FROM deliveries WHERE run_id = ? AND status = 'sending'").pluck().get(runId) as number;
    return run && statuses.includes(run.status) && sending === 0 ? run : undefined;
  }, timeoutMs);
}

/** What `scriptedWorld` gives each test: a fresh store, its user, a scripted provider, and an engine starter. */
export interface ScriptedWorld {
  db: Db;
  user: User;
  provider: ScriptedProvider;
  /** Starts an engine on the store; it is stopped after the test. */
  start(now?: () => number): ReturnType<typeof startEngine>;
}

/**
 * Registers per-test set-up and tear-down in the calling `describe`: a new store file in a
 * temporary folder and a scripted provider with `limits` before each test; after it, the engine the
 * test started is stopped and the store removed. Read the fields inside a test, not at `describe` time.
 */
export function scriptedWorld(limits: ConstructorParameters<typeof ScriptedProvider>[0]): ScriptedWorld {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let engine: Engine | undefined;
  const world = {} as ScriptedWorld;
  beforeEach(() => {
    tmp = tempDir();
    Object.assign(world, openStore(path.join(tmp.dir, 'store.db')), { provider: new ScriptedProvider(limits) });
  });
  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
    world.db.close();
    tmp?.remove();
  });
  world.start = (now) => {
    const started = startEngine(world.db, world.provider, now);
    engine = started.engine;
    return started;
  };
  return world;
}
