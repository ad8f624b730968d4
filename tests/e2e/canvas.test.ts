import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp, settle, viewportOf, type Session } from './harness';

const viewport = viewportOf;

describe('canvas: drag, snap, pan, zoom, minimap', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
    await session.page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await session.page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await session.page.getByRole('button', { name: 'Fit View' }).click();
    await settle(session.page);
  });
  after(async () => {
    await session?.close();
  });

  it('drags a card along its band on a 20 px grid, as one undo step', async () => {
    const { page } = session;
    const card = page.getByRole('group', { name: 'Stage (stage)' }).first();
    const before = await card.evaluate((el) => (el as HTMLElement).style.transform);
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2 + i * 13, box.y + box.height / 2 + 400 + i);
    await page.mouse.up();
    const after = await card.evaluate((el) => (el as HTMLElement).style.transform);
    assert.notEqual(after, before);
    const [x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(after)!.slice(1).map(Number);
    assert.equal(x! % 20, 0, `x=${x} is on the grid`);
    // Dragged 400 px down, the stage still sits in the Sales band (780 to 1040).
    assert.ok(y! >= 780 && y! < 1040, `y=${y} stays in the sales band`);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await card.evaluate((el) => (el as HTMLElement).style.transform), before);
  });

  it('zooms with the wheel and the zoom buttons, and pans with space + drag', async () => {
    const { page } = session;
    const start = await viewport(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + 50, pane.y + 50);
    await page.mouse.wheel(0, -300);
    await settle(page, 300);
    const zoomed = await viewport(page);
    assert.ok(zoomed.zoom > start.zoom, 'wheel up zooms in');
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await settle(page, 300);
    assert.ok((await viewport(page)).zoom < zoomed.zoom, 'the zoom-out button zooms out');

    const before = await viewport(page);
    await page.keyboard.down('Space');
    await page.mouse.move(pane.x + 60, pane.y + 60);
    await page.mouse.down();
    await page.mouse.move(pane.x + 160, pane.y + 120, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const panned = await viewport(page);
    assert.ok(
      Math.abs(panned.x - before.x - 100) < 2 && Math.abs(panned.y - before.y - 60) < 2,
      'space + drag pans',
    );
  });

  it('shows a minimap of the diagram', async () => {
    const { page } = session;
    const minimap = page.getByRole('img', { name: 'Minimap' });
    await minimap.waitFor();
    assert.equal(await page.locator('.react-flow__minimap-node').count(), 2);
    assert.deepEqual(session.errors, []);
  });

  it('labels the five layer bands', async () => {
    const { page } = session;
    for (const label of ['ICP & personas', 'Positioning', 'Channels', 'Sales motion', 'RevOps']) {
      assert.equal(await page.locator('.gtm-band').getByText(label, { exact: true }).count(), 1);
    }
  });
});
