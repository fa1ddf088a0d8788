#!/usr/bin/env node
// Entry point of the `seriatim` command: loads the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli/main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
