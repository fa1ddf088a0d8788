import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './browser';
import type { MockOutlook } from './office-mock-entry';

let bundle: Promise<string> | null = null;

/** office-addin-mock bundled for the browser (its manifest dependency replaced by a stub), as an IIFE. */
async function bundleMock(): Promise<string> {
  const here = path.join(ROOT, 'test/browser');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    resolve: { alias: { 'office-addin-manifest': path.join(here, 'office-app-stub.ts') } },
    define: { 'process.env.NODE_ENV': '"test"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(here, 'office-mock-entry.ts'), formats: ['iife'], name: 'SeriatimOfficeMock' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Bundling office-addin-mock produced no code');
}

/** A page init script that installs the mocked Outlook as `window.Office` before the pane boots. */
export async function officeMockScript(data: MockOutlook): Promise<string> {
  bundle ??= bundleMock();
  return `${await bundle}\nSeriatimOfficeMock.installOfficeMock(${JSON.stringify(data)});`;
}

export type { MockOutlook };
