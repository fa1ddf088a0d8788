import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGraphEmulator, type EmulatorOptions, type GraphEmulator } from '../graph-emulator/index';
import { createGraphProvider, type GraphProviderOptions } from '../../server/providers/graph/graph-provider';
import type { Mailbox, MailboxProvider, OutgoingMessage } from '../../server/providers/mailbox';
import { openDb, type Db } from '../../server/store/db';
import { upsertUser, type User } from '../../server/store/users';

/** An emulated tenant, a temporary store, and the Graph provider wired to both. */
export interface GraphHarness {
  emulator: GraphEmulator;
  db: Db;
  user: User;
  provider: MailboxProvider;
  mailbox: Mailbox;
  close(): Promise<void>;
}

/** Short waits so tests run quickly; the shapes (bounded polling, Retry-After) stay the same. */
export const FAST: Partial<GraphProviderOptions> = {
  sentCopyDelaysMs: [10, 20, 40, 80, 160, 320, 640],
  draftVisibleDelaysMs: [10, 20, 40, 80, 160],
  retry: { attempts: 5, maxWaitMs: 5_000, baseDelayMs: 10 },
};

/** Starts the emulator on port 0 with one user whose mailbox the provider opens. */
export async function startGraphHarness(
  options: { emulator?: EmulatorOptions; provider?: Partial<GraphProviderOptions> } = {},
): Promise<GraphHarness> {
  const emulator = await startGraphEmulator({ sentCopyLagMs: 5, ...options.emulator });
  const owner = emulator.addUser({ userPrincipalName: 'adele@contoso.test', displayName: 'Adele Vance', birthday: '1990-05-17' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-graph-'));
  const db = openDb(path.join(dir, 'store.db'));
  const user = upsertUser(db, { id: owner.id, tenantId: 'contoso', email: owner.userPrincipalName, name: owner.displayName });
  const token = emulator.issueToken(owner.id, { expiresInSec: 24 * 3600 });
  const provider = createGraphProvider({
    db, graphUrl: emulator.url, tokens: { getToken: async () => token }, ...FAST, ...options.provider,
  });
  return {
    emulator, db, user, provider, mailbox: provider.open(user),
    async close() {
      await emulator.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Message `n` of a test: to person`n`, tagged `run-1:d<n>`, with `extra` on top. */
export function testMessage(n: number, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: { name: 'Adele Vance', address: 'adele@contoso.test' },
    to: [`person${n}@example.test`],
    subject: `Hello ${n}`,
    html: `<p>Dear person ${n}</p>`,
    text: `Dear person ${n}`,
    tag: { runId: 'run-1', deliveryId: `d${n}` },
    messageId: `d${n}@contoso.test`,
    ...extra,
  };
}
