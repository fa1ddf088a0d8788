import { zipSync } from 'fflate';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRunRequest } from '../../shared/api';
import { Engine } from '../../server/engine/engine';
import { ProgressHub } from '../../server/engine/progress';
import { storeUpload, storeZip } from '../../server/services/attachments/uploads';
import { planRun } from '../../server/services/runs';
import { countDeliveries } from '../../server/store/deliveries';
import { insertList } from '../../server/store/lists';
import { findRun } from '../../server/store/runs';
import { startGraphHarness, type GraphHarness } from './harness';

const RECIPIENTS = 500;
const BIG = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 7) % 256);
const TERMS = new TextEncoder().encode('Terms and conditions\n'.repeat(100));
const statementOf = (n: number) => new TextEncoder().encode(`Statement for ${n}\n`.repeat(50));

/**
 * The run's files, stored as the API stores them: a small file for everyone, and a zip of each
 * recipient's own statement; person 7 also gets a 5 MB handbook, which goes through an upload session.
 */
function storeFiles(db: GraphHarness['db'], ownerId: string): { termsId: string; setId: string } {
  const files: Record<string, Uint8Array> = { 'handbook.pdf': BIG };
  for (let n = 1; n <= RECIPIENTS; n++) files[`statement-${n}.txt`] = statementOf(n);
  const set = storeZip(db, ownerId, 'statements.zip', zipSync(files, { level: 1 }));
  return { termsId: storeUpload(db, ownerId, 'terms.txt', TERMS).id, setId: set.id };
}

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness({
    emulator: { sentCopyLagMs: 2, faultSeed: 42, limits: { messagesPerWindow: null, recipientsPerWindow: null } },
    // Pacing far above Exchange's so the run is quick; the waits for sent copies stay bounded polls.
    provider: { limits: { perMinute: 100_000, perDay: 100_000, concurrency: 2 }, sentCopyDelaysMs: [3, 10, 20, 40, 80, 160] },
  });
});

afterAll(async () => {
  await h.close();
});

describe('a run of 500 through the real engine against the emulator, with faults', () => {
  it('sends every recipient exactly once and files every sent copy in the chosen folder', { timeout: 300_000 }, async () => {
    const { emulator, db, user } = h;
    const f = emulator.faults;
    // About one request in ten on the send path fails, in every way that matters for exactly-once.
    const faults = [
      f.add({ method: 'POST', path: '/me/messages', probability: 0.03, action: { type: 'status', status: 503 } }),
      // Sent, then the connection drops or the gateway times out: the reply is lost, the message is out.
      f.add({ method: 'POST', path: /\/send$/, probability: 0.03, phase: 'after', action: { type: 'reset' } }),
      f.add({ method: 'POST', path: /\/send$/, probability: 0.02, phase: 'after', action: { type: 'status', status: 504 } }),
      f.add({ method: 'POST', path: /\/send$/, probability: 0.02, action: { type: 'status', status: 503 } }),
      f.add({ method: 'POST', path: /\/send$/, probability: 0.008, action: { type: 'status', status: 429, retryAfterSec: 1 } }),
      f.add({ method: 'GET', path: /^\/me\/messages\/[^/]+$/, probability: 0.03, action: { type: 'reset' } }),
      f.add({ method: 'POST', path: /\/move$/, probability: 0.03, phase: 'after', action: { type: 'reset' } }),
      f.add({ method: 'PUT', path: /AttachmentSessions/, nth: 2, action: { type: 'reset' } }),
    ];

    const { provider, mailbox } = h;
    const folder = await mailbox.createFolder('Statements 2025');
    const rows = Array.from({ length: RECIPIENTS }, (_, i) => ({
      email: `person${i + 1}@example.test`, name: `Person ${i + 1}`, files: i + 1 === 7 ? 'statement-7.txt; handbook.pdf' : `statement-${i + 1}.txt`,
    }));
    const list = insertList(db, {
      ownerId: user.id, name: 'statements', source: 'upload', fileName: 'statements.csv',
      columns: [{ name: 'email', type: 'email' }, { name: 'name', type: 'text' }, { name: 'files', type: 'text' }], emailColumn: 'email', problems: [],
    }, rows);
    const { termsId, setId } = storeFiles(db, user.id);
    const req = CreateRunRequest.parse({
      listId: list.id, folderId: folder.id, template: { subject: 'Your statement, {{name}}', html: '<p>Dear {{name}}, your statement is attached.</p>' },
      attachments: [{ fileId: termsId }], recipientFiles: { fileSetId: setId, column: 'files' },
    });
    const { run } = await planRun(db, mailbox, user.id, req);

    const engine = new Engine({ db, provider, progress: new ProgressHub(), log: pino({ level: 'silent' }) });
    engine.start();
    try {
      for (let i = 0; i < 4000; i++) {
        const r = findRun(db, run!.id)!;
        const counts = countDeliveries(db, run!.id);
        if (r.status === 'completed' && counts.sending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await engine.stop();
    }
    emulator.flushSentCopies();

    const counts = countDeliveries(db, run!.id);
    expect(counts).toMatchObject({ planned: RECIPIENTS, sent: RECIPIENTS, failed: 0, pending: 0, sending: 0 });
    // Every kind of fault happened at least once.
    expect(faults.map((x) => x.fired > 0)).toEqual(faults.map(() => true));
    const byTag = new Map<string, number>();
    for (const s of emulator.sentLog) {
      const tag = Object.values(s.extendedProperties)[0];
      byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    }
    expect(byTag.size).toBe(RECIPIENTS);
    expect([...byTag.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(emulator.sentLog.flatMap((s) => s.to)).size).toBe(RECIPIENTS);

    // Copies whose move reply was lost were moved all the same.
    const filed = emulator.messagesIn(user.id, folder.id);
    expect(filed).toHaveLength(RECIPIENTS);
    expect(emulator.messagesIn(user.id, 'sentitems')).toHaveLength(0);
    expect(emulator.messagesIn(user.id, 'drafts')).toHaveLength(0);
    for (const s of emulator.sentLog) {
      const n = Number(/^person(\d+)@/.exec(s.to[0])![1]);
      const expected = [['terms.txt', TERMS.length], [`statement-${n}.txt`, statementOf(n).length], ...(n === 7 ? [['handbook.pdf', BIG.length]] : [])];
      expect(s.attachments.map((a) => [a.name, a.size]).sort(), s.to[0]).toEqual(expected.sort());
    }
  });
});
