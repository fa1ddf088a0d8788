/**
 * A sending process for the Graph kill test:
 * `GRAPH_TOKEN=... node --import tsx test/graph/kill-child.ts STORE RUN_ID GRAPH_URL`.
 * It works the run the way the server does in Microsoft mode (the real engine, the real Graph
 * provider, the store file the test planned the run in) against the emulator the test runs, and
 * exits 0 once the run is completed with nothing in flight. The test kills it with SIGKILL first.
 */
import { Engine } from '../../server/engine/engine';
import { ProgressHub } from '../../server/engine/progress';
import { createLogger } from '../../server/log';
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { openDb } from '../../server/store/db';
import { GRAPH_KILL_LIMITS, GRAPH_KILL_TIMINGS } from './kill-settings';

const [file, runId, graphUrl] = process.argv.slice(2);
const token = process.env.GRAPH_TOKEN ?? '';
const db = openDb(file);
const provider = createGraphProvider({
  db, graphUrl, tokens: { getToken: async () => token }, limits: GRAPH_KILL_LIMITS, ...GRAPH_KILL_TIMINGS,
});

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
