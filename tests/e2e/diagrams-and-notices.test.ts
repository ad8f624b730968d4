import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createDiagram, createNode } from '../../src/model/factories';
import { slotPosition } from '../../src/model/bands';
import { encodeShareLink } from '../../src/io/share-link';
import { openApp, settle, type Session } from './harness';

async function openTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
}
const notice = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text });

describe('notices belong to their diagram; Diagrams shows thumbnails and distinct names', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await session?.close();
  });

  it('clears a notice when another diagram or template opens', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await openTemplate(page, 'Product-led');
    await notice(page, /“Product-led” opened as a new diagram/).waitFor();
    await openTemplate(page, 'Seed-stage starter');
    await notice(page, /“Seed-stage starter” opened/).waitFor();
    assert.equal(await notice(page, /Product-led/).count(), 0, 'the old notice is gone');
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await page.getByRole('button', { name: /^Open Product-led/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await settle(page, 300);
    assert.equal(await notice(page, /opened as a new diagram/).count(), 0);
  });

  it('ends the "Applied … Undo reverts it" announcement with the undo', async () => {
    const { page } = session;
    // A new stage has fixable findings once the user has left it.
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.getByRole('tab', { name: /Problems/ }).click();
    const fix = page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button', { name: /Fix:/ })
      .first();
    await fix.click();
    const applied = notice(page, /^Applied: .*Undo reverts it\.$/);
    await applied.waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await applied.waitFor({ state: 'detached' });
  });

  it('shows a thumbnail of each diagram, drawn from its cards', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    const list = page.getByRole('list', { name: 'Saved diagrams' });
    for (const name of ['Product-led', 'Seed']) {
      const thumbnail = list
        .getByRole('listitem', { name: new RegExp(name) })
        .locator('svg[data-thumbnail]');
      await page.waitForFunction(
        (el) => el !== null && el.getAttribute('data-thumbnail') !== 'loading',
        await thumbnail.elementHandle(),
      );
      assert.ok(
        Number(await thumbnail.getAttribute('data-thumbnail')) > 10,
        `${name} has its cards`,
      );
      assert.ok((await thumbnail.locator('rect').count()) > 10);
    }
    await page.screenshot({ path: '/tmp/gtm-ux/diagrams.png' });
    await page.keyboard.press('Escape');
  });

  it('names two imports of one shared link apart', async () => {
    const { page } = session;
    const shared = {
      ...createDiagram('Partner map'),
      nodes: [createNode('stage', slotPosition('sales', 0), 'Lead')],
    };
    for (let i = 0; i < 2; i++) {
      await page.goto(encodeShareLink(shared, session.url));
      await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
      await notice(page, /opened as a new diagram from a shared link/).waitFor();
    }
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    const list = page.getByRole('list', { name: 'Saved diagrams' });
    await list.getByRole('listitem', { name: 'Partner map', exact: true }).waitFor();
    await list.getByRole('listitem', { name: 'Partner map (from link)', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    assert.deepEqual(session.errors, []);
  });
});
