import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/model/bands';
import type { Diagram, DiagramNode } from '../../src/model/schema';
import { serializeDiagram } from '../../src/io/serialize';
import { createSyntheticDiagram } from '../../src/testing/synthetic';
import { seriousViolations } from './axe';
import { openApp, screenshotDir, settle, viewportOf, type Session } from './harness';

/**
 * 700 cards (past the big-diagram threshold) and one handoff, from the channel nearest the
 * diagram's centre straight down to the stage below it: its middle is a known point of a drawn
 * edge, near the middle of the fitted view.
 */
function fixture(): { diagram: Diagram; edgeMiddle: [number, number] } {
  const base = createSyntheticDiagram(700, 0);
  const xs = base.nodes.map((n) => n.position.x);
  const centreX = (Math.min(...xs) + Math.max(...xs) + NODE_WIDTH) / 2;
  const nearest = (kind: DiagramNode['kind']) =>
    base.nodes
      .filter((n) => n.kind === kind)
      .sort(
        (a, b) => Math.abs(a.position.x - centreX) - Math.abs(b.position.x - centreX),
      )[0] as DiagramNode;
  const channel = nearest('channel');
  const stage = base.nodes.find(
    (n) => n.kind === 'stage' && n.position.x === channel.position.x,
  ) as DiagramNode;
  const diagram: Diagram = {
    ...base,
    name: 'Big map',
    edges: [{ id: 'down', source: channel.id, target: stage.id, kind: 'handoff', label: 'Booked' }],
  };
  // React Flow's handles sit 5 px outside the card; a symmetric curve's middle is their middle.
  const x = channel.position.x + NODE_WIDTH / 2;
  const y = (channel.position.y + NODE_HEIGHT + 5 + stage.position.y - 5) / 2;
  return { diagram, edgeMiddle: [x, y] };
}

const viewport = viewportOf;

/** Where a diagram point is on the screen. */
async function onScreen(page: Page, x: number, y: number): Promise<[number, number]> {
  const v = await viewport(page);
  return [v.left + v.x + x * v.zoom, v.top + v.y + y * v.zoom];
}

const liveCard = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('big diagrams: the overview picture', () => {
  let session: Session;
  const { diagram, edgeMiddle } = fixture();
  /** Cards near the middle of the fitted view, in the order the tests use them. */
  let picks: DiagramNode[] = [];

  before(async () => {
    session = await openApp();
    const { page } = session;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import', exact: true }).click(),
    ]);
    await chooser.setFiles({
      name: 'big-map.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeDiagram(diagram)),
    });
    await page.getByRole('status').filter({ hasText: 'Overview of 700 cards' }).waitFor();
    await settle(page);
    const v = await viewport(page);
    const centre = [(640 - v.left - v.x) / v.zoom, (440 - v.top - v.y) / v.zoom] as const;
    picks = [...diagram.nodes]
      .filter((n) => n.kind === 'stage' || n.kind === 'channel')
      .sort(
        (a, b) =>
          Math.hypot(a.position.x - centre[0], a.position.y - centre[1]) -
          Math.hypot(b.position.x - centre[0], b.position.y - centre[1]),
      )
      .filter((n) => n.id !== diagram.edges[0]?.source && n.id !== diagram.edges[0]?.target);
  });
  after(async () => {
    await session?.close();
  });

  it('draws a big diagram zoomed out as one picture, with its own minimap and a hint', async () => {
    const { page } = session;
    assert.equal(await page.locator('.react-flow__node').count(), 0, 'no card is in the DOM');
    const drawn = await page.locator('canvas.gtm-overview').getAttribute('data-cards');
    assert.ok(Number(drawn) > 50, `the picture draws the cards in view (${drawn})`);
    await page.getByRole('img', { name: 'Minimap' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'no serious accessibility violations');
    await page.screenshot({ path: resolve(screenshotDir, 'big-diagram-overview.png') });
  });

  it('selects a drawn card with a click, which makes it a live card with its inspector', async () => {
    const { page } = session;
    const card = picks[0] as DiagramNode;
    const [x, y] = await onScreen(page, card.position.x + 110, card.position.y + 56);
    await page.mouse.click(x, y);
    await liveCard(page, card.id).waitFor();
    assert.equal(await title(page), card.title);
  });

  it('drags a drawn card on the grid as one undo step', async () => {
    const { page } = session;
    const card = picks[1] as DiagramNode;
    const [x, y] = await onScreen(page, card.position.x + 110, card.position.y + 56);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + i * 6, y);
    await page.mouse.up();
    const moved = await liveCard(page, card.id).evaluate(
      (el) => (el as HTMLElement).style.transform,
    );
    const [left] = /translate\(([-\d.]+)px/.exec(moved)!.slice(1).map(Number);
    const { zoom } = await viewport(page);
    assert.equal(left! % 20, 0, `x=${left} is on the grid`);
    assert.ok(Math.abs(left! - (card.position.x + 48 / zoom)) <= 10, `moved by 48 px on screen`);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    const back = await liveCard(page, card.id).evaluate(
      (el) => (el as HTMLElement).style.transform,
    );
    assert.match(back, new RegExp(`translate\\(${card.position.x}px`));
  });

  it('adds drawn cards with Shift-click, and takes them in a Shift selection box', async () => {
    const { page } = session;
    const [a, b] = [picks[2] as DiagramNode, picks[3] as DiagramNode];
    await page.keyboard.press('Escape');
    let [x, y] = await onScreen(page, a.position.x + 110, a.position.y + 56);
    await page.mouse.click(x, y);
    [x, y] = await onScreen(page, b.position.x + 110, b.position.y + 56);
    await page.keyboard.down('Shift');
    await page.mouse.click(x, y);
    await page.keyboard.up('Shift');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByText('2 nodes and 0 edges selected').waitFor();

    await page.keyboard.press('Escape');
    // A box round the first pick alone, drawn from the gaps between cards.
    const [x0, y0] = await onScreen(page, a.position.x - 10, a.position.y - 8);
    const [x1, y1] = await onScreen(page, a.position.x + NODE_WIDTH + 10, a.position.y + 120);
    await page.keyboard.down('Shift');
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2);
    await page.mouse.move(x1, y1);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await liveCard(page, a.id).waitFor();
    assert.equal(await title(page), a.title, 'the box took the one card inside it');
  });

  it('selects a drawn edge with a click on it', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const [x, y] = await onScreen(page, edgeMiddle[0], edgeMiddle[1]);
    await page.mouse.click(x, y);
    const label = page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', {
      name: 'Label',
    });
    assert.equal(await label.inputValue(), 'Booked');
  });

  it('shows live cards again when zoomed in to a readable size', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    while ((await viewport(page)).zoom < 0.5)
      await page.getByRole('button', { name: 'Zoom In' }).click();
    await settle(page);
    assert.equal(
      await page.getByRole('status').filter({ hasText: 'Overview of' }).count(),
      0,
      'the overview hint is gone',
    );
    assert.ok((await page.locator('.react-flow__node').count()) > 5, 'cards are live again');
    await page.screenshot({ path: resolve(screenshotDir, 'big-diagram-zoomed-in.png') });

    // Fit View frames every card, drawn or live, and so goes back to the overview.
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.getByRole('status').filter({ hasText: 'Overview of 700 cards' }).waitFor();
    assert.ok((await viewport(page)).zoom < 0.2);
    assert.deepEqual(session.errors, []);
  });
});

async function title(page: Page): Promise<string> {
  return page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('textbox', { name: 'Title' })
    .inputValue();
}
