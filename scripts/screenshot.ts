/**
 * Regenerates docs/screenshot.png from the built app (run `npm run build` first):
 * `node --import tsx scripts/screenshot.ts`.
 */
import { resolve } from 'node:path';
import { openApp, settle } from '../tests/e2e/harness';

const session = await openApp({ viewport: { width: 1440, height: 860 } });
try {
  const { page } = session;
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^Seed-stage starter/ }).click();
  await page.getByRole('group', { name: /^MQL \(stage\)/ }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settle(page, 500);
  // Closer than "fit" so the cards are readable; the top of the diagram stays in view.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 30, pane.y + pane.height * 0.3);
  await page.mouse.wheel(0, -150);
  await settle(page, 700);
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/screenshot.png') });
  if (session.errors.length > 0) throw new Error(session.errors.join('\n'));
} finally {
  await session.close();
}
