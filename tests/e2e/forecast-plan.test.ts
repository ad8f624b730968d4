import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, settle, type Session } from './harness';

async function loadTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await page
    .getByRole('group', { name: /\(stage\)$/ })
    .first()
    .waitFor();
  await settle(page);
}

function plan(page: Page) {
  return page.getByRole('region', { name: 'Forecast' }).getByRole('region', { name: 'Plan' });
}

/** The cells of one row of the per-period table, e.g. "New ARR" → [month, quarter, year]. */
async function periodRow(page: Page, figure: string): Promise<string[]> {
  const row = plan(page)
    .getByRole('table', { name: 'Totals per period' })
    .getByRole('row', { name: new RegExp(`^${figure}`) });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

describe('forecast plan: read a month, a quarter and a year, then seek a target', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('shows the totals per month, quarter and year and the pipeline coverage', async () => {
    const { page } = session;
    await loadTemplate(page, 'Seed-stage starter');
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await plan(page).waitFor();
    // The template's $14,048.4 of new ARR a month, three and twelve times over.
    assert.deepEqual(await periodRow(page, 'New ARR'), ['$14,048', '$42,145', '$168,581']);
    const won = await periodRow(page, 'Won deals');
    assert.equal(won[0], '0.78');
    assert.match(
      (await plan(page).getByLabel('Pipeline coverage').textContent()) ?? '',
      /^Pipeline coverage: [\d.,]+× \(\$[\d,]+ of opportunities a month against the new ARR it wins\)$/,
    );
  });

  it('finds the volume that reaches a new ARR target as it is typed', async () => {
    const { page } = session;
    const target = plan(page).getByLabel('New ARR target per month (USD)');
    await target.fill('abc');
    await plan(page).getByText('Enter an amount above zero.').waitFor();
    assert.equal(await target.getAttribute('aria-invalid'), 'true');

    // Twice today's new ARR takes twice every channel's volume.
    await target.fill('28,096');
    const result = plan(page).getByRole('status', { name: 'Volume to reach the target' });
    await result.getByText(/Every channel’s volume × 2 \(now \$14,048 a month\)\./).waitFor();
    assert.match((await result.textContent()) ?? '', /Founder cold email alone: [\d,.]+ \/ week/);
    assert.match(
      (await plan(page).getByLabel('Pipeline coverage').textContent()) ?? '',
      /against the target\)$/,
    );

    const violations = await new AxeBuilder({ page }).include('[aria-label="Forecast"]').analyze();
    assert.deepEqual(
      violations.violations.map((v) => v.id),
      [],
    );
    await mkdir(screenshotDir, { recursive: true });
    await plan(page).screenshot({ path: join(screenshotDir, 'forecast-plan.png') });
    assert.deepEqual(session.errors, []);
  });
});
