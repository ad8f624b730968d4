import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe over the page as it is and lists every serious or critical violation. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // axe gave up on nothing: a rule it could not run is not a pass.
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? v.help}`,
      ),
    );
}
