/**
 * A sending process for the Graph kill test:
 * `GRAPH_TOKEN=... node --import tsx test/graph/kill-child.ts STORE RUN_ID GRAPH_URL`.
 * It works the run the way the server does in Microsoft mode (the real engine, the real Graph
 * provider, the store file the test planned the run in) against the emulator the test runs, and
 * exits 0 once the run is completed with nothing in flight. The test kills it with SIGKILL first.
 */
import { createGraphProvider } from '../../server/providers/graph/graph-provider';
import { openDb } from '../../server/store/db';
import { GRAPH_KILL_LIMITS, GRAPH_KILL_TIMINGS } from './kill-settings';
import { runToCompletion } from '../support/run-to-completion';

const [file, runId, graphUrl] = process.argv.slice(2);
const token = process.env.GRAPH_TOKEN ?? '';
const db = openDb(file);
const provider = createGraphProvider({
  db, graphUrl, tokens: { getToken: async () => token }, limits: GRAPH_KILL_LIMITS, ...GRAPH_KILL_TIMINGS,
});

runToCompletion(db, provider, runId);
