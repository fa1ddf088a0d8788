import { Engine } from '../../server/engine/engine';
import { ProgressHub } from '../../server/engine/progress';
import { createLogger } from '../../server/log';
import type { MailboxProvider } from '../../server/providers/mailbox';
import type { Db } from '../../server/store/db';

/**
 * For a child process of a kill test: runs the real engine on one run and exits 0 once the run is
 * completed with nothing left `sending` (the parent kills it before that, again and again).
 */
export function runToCompletion(db: Db, provider: MailboxProvider, runId: string): void {
  const progress = new ProgressHub();
  const engine = new Engine({ db, provider, progress, log: createLogger('silent'), scope: (id) => id === runId });
  progress.subscribe(runId, (e) => {
    if (e.status === 'completed' && e.counts.sending === 0) {
      void engine.stop().then(() => {
        db.close();
        process.exit(0);
      });
    }
  });
  engine.start();
}
