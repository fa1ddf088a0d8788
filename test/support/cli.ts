import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The `seriatim` binary as users run it. */
export const SERIATIM_BIN = path.resolve('bin/seriatim.js');

/** What one CLI invocation printed, and how it exited. */
export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs `seriatim ARGS…` in `cwd` with exactly `env`, and resolves with its exit code and output (never rejects on a non-zero exit). */
export async function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SERIATIM_BIN, ...args], { ...options, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
