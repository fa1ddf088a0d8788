import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One accessibility violation as axe reports it, trimmed for messages. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (injected from the installed package, no network) and returns the
 * serious and critical violations. Sandboxed iframes cannot run scripts, so frames are not entered.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.waitForTimeout(200);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const api = (window as unknown as { axe: typeof axe }).axe;
    const result = await api.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} — ${n.failureSummary ?? ''}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
