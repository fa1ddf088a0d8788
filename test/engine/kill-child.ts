/**
 * A sending process for the kill test: `node --import tsx test/engine/kill-child.ts STORE RUN_ID`.
 * It works the run the way the server does (the real engine, the real local mailbox in the store)
 * and exits 0 once the run is completed. The mail server is given network latency before and after
 * it accepts a message, so that a SIGKILL often lands between "sending" and "sent" in the store;
 * and, like a real server and unlike the idempotent local mailbox, it delivers a second copy when a
 * tag is sent twice (filed untagged, addressed to the same person), so that a duplicate shows.
 * It prints "sending" when its first message starts: the test kills it some time after that.
 */
import { createLocalProvider } from '../../server/providers/local/local-mailbox';
import type { Mailbox, MailboxProvider } from '../../server/providers/mailbox';
import { openDb } from '../../server/store/db';
import { insertMessage } from '../../server/store/messages';
import { runToCompletion } from '../support/run-to-completion';

const [file, runId, latency = '50'] = process.argv.slice(2);
const maxLatencyMs = Number(latency);
const db = openDb(file);
const local = createLocalProvider(db, { perMinute: 100_000, perDay: 1_000_000, concurrency: 2 });
const pause = () => new Promise((r) => setTimeout(r, Math.random() * maxLatencyMs));
let announced = false;

const provider: MailboxProvider = {
  name: local.name,
  limits: local.limits,
  open(user): Mailbox {
    const inner = local.open(user);
    return {
      ...inner,
      listFolders: () => inner.listFolders(),
      findFolder: (idOrName) => inner.findFolder(idOrName),
      createFolder: (name, parentId) => inner.createFolder(name, parentId),
      findSent: (tag) => inner.findSent(tag),
      async send(message, options) {
        if (!announced) process.stdout.write('sending\n');
        announced = true;
        await pause();
        const earlier = await inner.findSent(message.tag);
        if (earlier) {
          insertMessage(db, {
            ownerId: user.id, folderId: options.folderId, messageId: `duplicate.${message.messageId}`, to: message.to,
            subject: message.subject, tag: null, raw: Buffer.from('a second copy'),
          });
          return earlier;
        }
        const receipt = await inner.send(message, options);
        await pause();
        return receipt;
      },
    };
  },
};

runToCompletion(db, provider, runId);
