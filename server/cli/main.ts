import { AppError } from '../errors';
import { ConfigError } from '../config';
import { startServer } from '../main';
import { UsageError } from './args';
import { mailboxCommand } from './mailbox';
import { controlCommand, reportCommand, runsCommand, schedulesCommand } from './runs';
import { sendCommand } from './send';

const HELP = `Seriatim: personalised mail, one message at a time.

Usage:
  seriatim serve                                start the server (what npm start runs)
  seriatim send --list FILE --subject TEXT --html FILE [options]
                                                import the list, plan the run and send it in this process
                                                from the local mailbox; prints the report
      --text FILE                 plain-text part (default: made from the HTML)
      --email-column NAME         the column holding the addresses (default: detected)
      --folder NAME               existing folder for the sent copies (default: Sent Items)
      --filter EXPR | FILE.json   who gets it: an expression, e.g.
                                    'department = "Sales" and age(birthDate) > 35'
                                    'birthday today(birthDate) or anniversary today(hireDate) min 5 years'
                                  or a .json file holding the filter model
      --time-zone ZONE            IANA time zone the filter's "today" is read in (default: this computer's)
      --exclude FILE              addresses and domains to leave out, one per line (# starts a comment)
      --per-minute N              at most N messages a minute (never above the mailbox's limit)
      --per-day N                 at most N recipients in any 24 hours (never above the mailbox's limit)
      --batch N                   N messages per batch
      --interval SECONDS          at least this long from one batch's start to the next
      --max-errors N              pause the run after N failed deliveries (default 0: never)
      --at ISO-TIME               start then, e.g. 2026-12-01T08:00:00+03:00; this command waits
                                  (stopped, the run stays scheduled for a running server to start)
      --accept-unknown-fields     send although the template uses fields the list does not have
      --dry-run                   plan only: print who would get it; send and keep nothing
      --json                      print the report as JSON
  seriatim runs [--json]                        list runs: status, counts, rate, what they wait for, finish
  seriatim report RUN_ID [--json | --csv]       per-recipient report
  seriatim pause|cancel RUN_ID                  change a run; a process sending it stops before the next message
  seriatim resume|retry-failed RUN_ID [--json]  send the rest (or the failed) in this process; after a crash,
                                                messages left half-sent are checked first, never sent twice
  seriatim schedules [--json]                   recurring runs: schedule, next run, latest run dates
  seriatim mailbox ls --folder NAME [--json]    messages in a local mailbox folder
  seriatim mailbox show MESSAGE_ID [--raw]      one message: headers and body, or its MIME
  seriatim help                                 this text (also --help, -h)

Exit codes: 0 done, 1 the run (or report) has failed deliveries or the run is paused,
2 bad input or a refused action (message on stderr), 130 stopped with Ctrl-C (the run stays resumable).
The store is SERIATIM_DB (default: $SERIATIM_DATA_DIR/seriatim.db, i.e. ./data/seriatim.db), shared with
the server. Commands other than serve use the local mailbox.`;

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
