import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './main';

const CLI_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Every option name the commands hand to parseArgs (`name: { type: ... }`), read from their sources. */
function parsedOptions(): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(CLI_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = fs.readFileSync(path.join(CLI_DIR, file), 'utf8');
    for (const m of source.matchAll(/'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)' \}/g)) names.add(m[1]);
  }
  return [...names].sort();
}

async function helpText(...argv: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const code = await runCli(argv);
  return { code, text };
}

describe('seriatim help', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names every option any command accepts', async () => {
    const { code, text } = await helpText('help');
    expect(code).toBe(0);
    const options = parsedOptions();
    // The send command alone has 18; fewer means the source scan above stopped finding them.
    expect(options.length).toBeGreaterThanOrEqual(18);
    expect(options.filter((name) => !text.includes(`--${name}`))).toEqual([]);
  });

  it('is printed by --help and -h with exit code 0, and without a command with exit code 2', async () => {
    const full = (await helpText('help')).text;
    expect(await helpText('--help')).toEqual({ code: 0, text: full });
    expect(await helpText('-h')).toEqual({ code: 0, text: full });
    expect(await helpText()).toEqual({ code: 2, text: full });
  });
});
