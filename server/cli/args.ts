import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the CLI was called; exit code 2 with the message on stderr. */
export class UsageError extends Error {}

/** Parses a command's options strictly: unknown options and missing values are usage errors. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(usageMessage(err as Error & { code?: string }));
  }
}

/** parseArgs' message, shortened for an unknown option, with where to read the options. */
function usageMessage(err: Error & { code?: string }): string {
  const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '[^']*'/.exec(err.message)?.[0] : undefined;
  return `${unknown ?? err.message.replace(/\.?$/, '')}. Run \`seriatim help\` for the commands and their options.`;
}

/** An option that must be a whole number within bounds. */
export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

/** A required option. */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}
