import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, settle, viewportOf, type Session } from './harness';

const TEMPLATES = ['Seed-stage starter', 'Mid-market sales-led', 'Product-led', 'Sales System Map'];

async function openTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await page.locator('.react-flow__node').first().waitFor();
  await settle(page, 600);
}

/** Every card's title size on screen: its computed font size times the canvas zoom. */
async function titleSizes(page: Page): Promise<{ zoom: number; smallest: number }> {
  const { zoom } = await viewportOf(page);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node')].map((card) => {
      const title = card.querySelector('[data-part="title"]');
      return title ? parseFloat(getComputedStyle(title).fontSize) : 0;
    }),
  );
  return { zoom, smallest: Math.min(...sizes) * zoom };
}

describe('readable at fit view (1440 × 900)', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await session?.close();
  });

  for (const name of TEMPLATES) {
    it(`${name}: every card title is at least 11 px on screen, opened and after Auto layout`, async () => {
      const { page } = session;
      // Opening fits the view by itself.
      await openTemplate(page, name);
      const opened = await titleSizes(page);
      await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
      await settle(page, 600);
      await page.getByRole('button', { name: 'Fit View' }).click();
      await settle(page, 600);
      const laidOut = await titleSizes(page);
      console.log(
        `# ${name}: zoom ${(opened.zoom * 100).toFixed(0)} %, smallest title ${opened.smallest.toFixed(1)} px; after Auto layout zoom ${(laidOut.zoom * 100).toFixed(0)} %, smallest title ${laidOut.smallest.toFixed(1)} px`,
      );
      await page.screenshot({ path: `/tmp/gtm-ux/fit-${name.replace(/\W+/g, '-')}.png` });
      assert.ok(opened.smallest >= 11, `opened: smallest title ${opened.smallest.toFixed(1)} px`);
      assert.ok(
        laidOut.smallest >= 11,
        `laid out: smallest title ${laidOut.smallest.toFixed(1)} px`,
      );
    });
  }
});
