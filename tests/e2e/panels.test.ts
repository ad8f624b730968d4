import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp, settle, viewportOf, type Session } from './harness';

const canvasWidth = async (session: Session) =>
  (await session.page.getByRole('region', { name: 'Diagram canvas' }).boundingBox())!.width;

describe('panels collapse and remember it; band titles stay in view', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1024, height: 768 } });
  });
  after(async () => {
    await session?.close();
  });

  it('leaves the canvas at least 600 px wide at 1024 × 768 with every panel open', async () => {
    const width = await canvasWidth(session);
    assert.ok(width >= 600, `canvas ${width} px wide`);
    await session.page.screenshot({ path: '/tmp/gtm-ux/panels-1024-open.png' });
  });

  it('hides and shows the palette, the side panel and the minimap, and keeps that after a reload', async () => {
    const { page } = session;
    const open = await canvasWidth(session);
    await page.getByRole('button', { name: 'Hide palette' }).click();
    assert.equal(await page.getByRole('toolbar', { name: 'Palette' }).count(), 0);
    await page.getByRole('button', { name: 'Hide side panel' }).click();
    assert.equal(await page.getByRole('tablist', { name: 'Side panel' }).count(), 0);
    await page.getByRole('button', { name: 'Show minimap' }).click();
    assert.equal(
      await page.getByRole('button', { name: 'Show minimap' }).getAttribute('aria-pressed'),
      'false',
    );
    assert.equal(await page.getByRole('img', { name: 'Minimap' }).count(), 0);
    const collapsed = await canvasWidth(session);
    assert.ok(collapsed > open + 300, `canvas ${open} → ${collapsed} px`);
    await page.screenshot({ path: '/tmp/gtm-ux/panels-1024-collapsed.png' });

    await page.reload();
    await page.getByRole('button', { name: 'Show palette' }).waitFor();
    assert.equal(await page.getByRole('tablist', { name: 'Side panel' }).count(), 0);
    assert.equal(await page.getByRole('img', { name: 'Minimap' }).count(), 0);

    await page.getByRole('button', { name: 'Show palette' }).click();
    await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
    await page.getByRole('button', { name: 'Show side panel' }).click();
    await page.getByRole('tablist', { name: 'Side panel' }).waitFor();
    await page.getByRole('button', { name: 'Show minimap' }).click();
    await page.getByRole('img', { name: 'Minimap' }).waitFor();
  });

  it('keeps band titles at the left edge of the view when the canvas is panned sideways', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const title = page.locator('.gtm-band').getByText('Sales motion', { exact: true });
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    // Pan the diagram 500 px to the left: the band's start leaves the view.
    await page.keyboard.down('Space');
    await page.mouse.move(pane.x + pane.width - 40, pane.y + 60);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width - 540, pane.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await settle(page, 200);
    const view = await viewportOf(page);
    assert.ok(view.x < -100, `panned to x ${view.x}`);
    const box = (await title.boundingBox())!;
    assert.ok(
      box.x >= pane.x && box.x < pane.x + 40,
      `band title at ${box.x}, canvas from ${pane.x}`,
    );
    await page.screenshot({ path: '/tmp/gtm-ux/panels-sticky.png' });
    assert.deepEqual(session.errors, []);
  });
});
