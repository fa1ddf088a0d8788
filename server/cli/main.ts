import { AppError } from '../errors';
import { ConfigError } from '../config';
import { startServer } from '../main';
import { UsageError } from './args';
import { mailboxCommand } from './mailbox';
import { controlCommand, reportCommand, runsCommand, schedulesCommand } from './runs';
import { sendCommand } from './send';

const HELP = `Seriatim: personalised mail, one message at a time.

Usage:
  seriatim serve                                   start the server (what npm start runs)
  seriatim send --list FILE --subject TEXT --html FILE [--folder NAME] [--dry-run] [--json]
               [--text FILE] [--email-column NAME] [--per-minute N] [--per-day N] [--batch N]
               [--interval SECONDS] [--max-errors N] [--at ISO-TIME] [--accept-unknown-fields]
  seriatim runs [--json]                           list runs: status, counts, rate, what they wait for, finish
  seriatim report RUN_ID [--json | --csv]          per-recipient report
  seriatim pause|cancel RUN_ID                     change a run (a process sending it stops before the next message)
  seriatim resume|retry-failed RUN_ID [--json]     send the rest (or the failed) in this process; after a crash,
                                                   messages left half-sent are checked first, never sent twice
  seriatim schedules [--json]                      recurring runs: schedule, next run, latest run dates
  seriatim mailbox ls --folder NAME [--json]       messages in a local mailbox folder
  seriatim mailbox show MESSAGE_ID [--raw]         one message: headers and body, or its MIME

Exit codes: 0 done, 1 run finished with failures or paused, 2 bad input (message on stderr),
130 stopped with Ctrl-C (the run stays resumable).
The store is SERIATIM_DB (default ./data/seriatim.db), shared with the server.`;

/** Runs one CLI command and returns its exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve': {
        const server = await startServer();
        process.stdout.write(`Seriatim is running: open ${server.url}/taskpane.html\n`);
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return await new Promise<number>(() => {});
      }
      case 'send': return await sendCommand(args);
      case 'runs': return await runsCommand(args);
      case 'report': return await reportCommand(args);
      case 'pause': case 'resume': case 'cancel': case 'retry-failed': return await controlCommand(command, args);
      case 'schedules': return await schedulesCommand(args);
      case 'mailbox': return await mailboxCommand(args);
      case undefined: case 'help': case '--help': case '-h':
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}". Run \`seriatim help\`.`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof AppError || err instanceof ConfigError) {
      const code = err instanceof AppError ? `${err.code}: ` : '';
      process.stderr.write(`seriatim: ${code}${err.message}\n`);
      return 2;
    }
    process.stderr.write(`seriatim: unexpected error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}
