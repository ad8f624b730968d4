import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, settle, viewportOf, type Session } from './harness';

async function openTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await page.locator('.react-flow__node').nth(5).waitFor();
  await settle(page, 500);
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const cardBoxes = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((cards) =>
    cards.map((card) => {
      const r = card.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

describe('opening fits the view; new cards land in view and clear of others', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await session?.close();
  });

  it('fits the whole diagram on screen when a template or a saved diagram opens', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await openTemplate(page, 'Mid-market sales-led');
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (const box of await cardBoxes(page)) assert.ok(inside(box, pane), 'every card in view');

    // Another template, then back to the first through Diagrams, zoomed in each time first.
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await openTemplate(page, 'Product-led');
    for (const box of await cardBoxes(page)) assert.ok(inside(box, pane), 'every card in view');
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await settle(page);
    const zoomedIn = (await viewportOf(page)).zoom;
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await page
      .getByRole('button', { name: /^Open Mid-market/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Multi-entity mid-market', { exact: false }).first().waitFor();
    await settle(page, 500);
    const reopened = (await viewportOf(page)).zoom;
    assert.ok(reopened < zoomedIn, `fitted again: ${reopened} < ${zoomedIn}`);
  });

  it('puts a palette card into the next free slot of its band on screen, and follows it', async () => {
    const { page } = session;
    // Zoom in on the right-hand end of the pipeline.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width - 80, pane.y + pane.height / 2);
    await page.mouse.wheel(0, -600);
    await settle(page, 500);
    const before = await page.locator('.react-flow__node').count();
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await settle(page, 500);
    assert.equal(await page.locator('.react-flow__node').count(), before + 1);
    const added = (await page.locator('.react-flow__node.selected').boundingBox())!;
    assert.ok(inside(added, pane), 'the new card is on screen');
    for (const box of await cardBoxes(page)) {
      if (Math.abs(box.x - added.x) < 1 && Math.abs(box.y - added.y) < 1) continue;
      assert.ok(!overlap(box, added), 'the new card covers no other');
    }
  });

  it('drops a dragged-in card where it is let go, moved aside when it would cover a card', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Fit View' }).click();
    await settle(page, 500);
    const target = page
      .getByRole('region', { name: 'Diagram canvas' })
      .getByRole('group', { name: /\(channel\)$/ })
      .first();
    const onto = (await target.boundingBox())!;
    await page
      .getByRole('button', { name: 'Add channel', exact: true })
      .dragTo(target, { targetPosition: { x: onto.width / 2, y: onto.height / 2 } });
    await settle(page, 400);
    const added = (await page.locator('.react-flow__node.selected').boundingBox())!;
    for (const box of await cardBoxes(page)) {
      if (Math.abs(box.x - added.x) < 1 && Math.abs(box.y - added.y) < 1) continue;
      assert.ok(!overlap(box, added), 'the dropped card covers no other');
    }
    // Beside the card it was dropped on, not somewhere else on the canvas.
    await page.screenshot({ path: '/tmp/gtm-ux/placement.png' });
    assert.ok(
      Math.abs(added.y - onto.y) < onto.height,
      `same band: ${JSON.stringify([added, onto])}`,
    );
    assert.ok(Math.abs(added.x - onto.x) < onto.width * 2, 'next to where it was dropped');
    await page.screenshot({ path: '/tmp/gtm-ux/placement.png' });
    assert.deepEqual(session.errors, []);
  });
});
