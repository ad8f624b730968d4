import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, settle, viewportOf, type Session } from './harness';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box, slack = 0) =>
  a.x + slack < b.x + b.width &&
  b.x + slack < a.x + a.width &&
  a.y + slack < b.y + b.height &&
  b.y + slack < a.y + a.height;

async function loadTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await settle(page, 600);
}

async function startBlank(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Diagrams' }).click();
  await page.getByRole('button', { name: 'New diagram' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await settle(page);
}

/** Screen rectangles of every card on the canvas. */
function cardBoxes(page: Page): Promise<(Box & { id: string })[]> {
  return page.$$eval('.react-flow__node', (nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return {
        id: node.getAttribute('data-id') ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
}

/** Points every 4 px along each drawn edge, in screen coordinates. */
function edgeSamples(page: Page): Promise<{ id: string; points: [number, number][] }[]> {
  return page.$$eval('.react-flow__edge', (edges) =>
    edges.map((edge) => {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const points: [number, number][] = [];
      const matrix = path?.getScreenCTM();
      if (path && matrix) {
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 4) {
          const p = path.getPointAtLength(at).matrixTransform(matrix);
          points.push([p.x, p.y]);
        }
      }
      return { id: edge.getAttribute('data-id') ?? '', points };
    }),
  );
}

function chipBoxes(page: Page): Promise<(Box & { name: string })[]> {
  return page.$$eval('.gtm-edge-label button', (chips) =>
    chips.map((chip) => {
      const r = chip.getBoundingClientRect();
      return {
        name: chip.getAttribute('aria-label') ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
}

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

/** Drags from a card's handle to a point of another card's body, as a person would. */
async function connect(
  page: Page,
  from: string,
  side: 'top' | 'bottom' | 'left' | 'right',
  to: string,
  at: { x: number; y: number },
  options: { alt?: boolean } = {},
): Promise<void> {
  const source = page.locator(`.react-flow__node[data-id="${from}"]`);
  await source.hover();
  const handle = await source.locator(`.react-flow__handle-${side}`).boundingBox();
  const target = await page.locator(`.react-flow__node[data-id="${to}"]`).boundingBox();
  assert.ok(handle && target);
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  const x = target.x + target.width * at.x;
  const y = target.y + target.height * at.y;
  await page.mouse.move(x, y, { steps: 8 });
  if (options.alt) await page.keyboard.down('Alt');
  await page.mouse.up();
  if (options.alt) await page.keyboard.up('Alt');
  await settle(page, 200);
}

async function addCards(page: Page, kinds: string[]): Promise<string[]> {
  for (const kind of kinds) await page.getByRole('button', { name: `Add ${kind}` }).click();
  await settle(page, 500);
  return page.$$eval('.react-flow__node', (nodes) =>
    nodes.map((n) => n.getAttribute('data-id') ?? ''),
  );
}

describe('edges and labels', () => {
  let session: Session;
  let page: Page;
  let scratch = '';
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
    page = session.page;
    scratch = await mkdtemp(join(tmpdir(), 'gtm-edges-'));
  });
  after(async () => {
    await session?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    session.errors.length = 0;
  });

  it('routes every edge of a template round the cards, never through one', async () => {
    await loadTemplate(page, 'Mid-market sales-led');
    const cards = await cardBoxes(page);
    const edges = await edgeSamples(page);
    assert.ok(edges.length >= 20, `${edges.length} edges drawn`);
    for (const edge of edges) {
      assert.ok(edge.points.length > 2, `edge ${edge.id} has a path`);
      for (const card of cards) {
        // Two pixels in from the border: an edge ends on its cards' borders.
        const inside = edge.points.filter(
          ([x, y]) =>
            x > card.x + 2 &&
            x < card.x + card.width - 2 &&
            y > card.y + 2 &&
            y < card.y + card.height - 2,
        );
        assert.equal(inside.length, 0, `edge ${edge.id} runs through card ${card.id}`);
      }
    }
    assert.deepEqual(session.errors, []);
  });

  it('keeps label chips off the cards and off each other, above every card', async () => {
    await loadTemplate(page, 'Mid-market sales-led');
    const cards = await cardBoxes(page);
    const chips = await chipBoxes(page);
    assert.ok(chips.length >= 20, `${chips.length} chips`);
    for (const chip of chips) {
      for (const card of cards) {
        assert.ok(!overlaps(chip, card, 0.5), `chip "${chip.name}" covers card ${card.id}`);
      }
    }
    for (const [i, chip] of chips.entries()) {
      for (const other of chips.slice(i + 1)) {
        assert.ok(!overlaps(chip, other, 0.5), `chips "${chip.name}" and "${other.name}" meet`);
      }
    }
    // A shortened chip keeps its whole text in its name and tooltip.
    const shortened = page.locator('.gtm-edge-label button').filter({ hasText: '…' });
    const cut = await page
      .locator('.gtm-edge-label button')
      .evaluateAll((buttons) =>
        buttons.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.getAttribute('title')),
      );
    assert.ok((await shortened.count()) + cut.length > 0, 'some chip is shortened');
    for (const title of cut) assert.ok(title && !title.includes('…'), `full text in "${title}"`);
    // Chips stack above the cards, so a card dragged under one never hides it.
    const [chipZ, cardZ] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.gtm-edge-label')!).zIndex,
      getComputedStyle(document.querySelector('.react-flow__node')!).zIndex,
    ]);
    assert.ok(Number(chipZ) > Number(cardZ || 0), `chip z ${chipZ} over card z ${cardZ}`);
  });

  it('edits a label on double-click without zooming the canvas', async () => {
    await loadTemplate(page, 'Mid-market sales-led');
    const before = await viewportOf(page);
    const chip = page.getByRole('button', { name: /^Edge label:/ }).first();
    await chip.dblclick();
    const input = page.getByRole('textbox', { name: 'Edge label' });
    await input.fill('Signed order form');
    await input.press('Enter');
    await settle(page);
    assert.deepEqual(await viewportOf(page), before);
    await page
      .locator('.gtm-edge-label')
      .getByRole('button', { name: 'Edge label: Signed order form', exact: true })
      .waitFor();
    // Double-clicking a card does not zoom either.
    await page.locator('.react-flow__node').first().dblclick();
    await settle(page);
    assert.equal((await viewportOf(page)).zoom, before.zoom);
    await page.keyboard.press('Escape');
  });

  it('shows "Add label" only where the audit asks for a label', async () => {
    await startBlank(page);
    const [lead, sql] = await addCards(page, ['stage', 'stage']);
    assert.ok(lead && sql);
    await connect(page, lead, 'right', sql, { x: 0.5, y: 0.5 });
    assert.equal(await edgeCount(page), 1);
    // Between two pipeline stages the exit criteria define the step: no prompt.
    assert.equal(await page.getByRole('button', { name: /^Unlabeled handoff/ }).count(), 0);
    const ids = await addCards(page, ['channel']);
    const channel = ids.find((id) => id !== lead && id !== sql);
    assert.ok(channel);
    await connect(page, channel, 'bottom', lead, { x: 0.3, y: 0.6 });
    assert.equal(await edgeCount(page), 2);
    await page.getByRole('button', { name: /^Unlabeled handoff/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Unlabeled handoff/ }).count(), 1);
  });

  it('connects a connector dropped anywhere on a card body, as the chosen kind', async () => {
    await startBlank(page);
    const [a, b, c] = await addCards(page, ['channel', 'stage', 'stage']);
    assert.ok(a && b && c);
    // Dropped near a corner of the body, far from any handle's own 10 px square.
    await connect(page, a, 'right', b, { x: 0.85, y: 0.8 });
    assert.equal(await edgeCount(page), 1);
    const stroke = (id: string) =>
      page
        .locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`)
        .getAttribute('marker-end');
    const first = await page.$$eval('.react-flow__edge', (e) =>
      e.map((x) => x.getAttribute('data-id') ?? ''),
    );
    assert.equal(await stroke(first[0] ?? ''), 'url(#gtm-arrow-handoff)');
    // Dropped on the lower right of the body: the edge enters by the nearest handle, the right.
    const end = await page
      .locator(`.react-flow__edge[data-id="${first[0]}"] path.react-flow__edge-path`)
      .evaluate((path: SVGPathElement) => {
        const point = path.getPointAtLength(path.getTotalLength());
        const screen = point.matrixTransform(path.getScreenCTM()!);
        return [screen.x, screen.y];
      });
    const target = (await page.locator(`.react-flow__node[data-id="${b}"]`).boundingBox())!;
    assert.ok(Math.abs((end[0] ?? 0) - (target.x + target.width)) < 2, `ends at x ${end[0]}`);
    assert.ok(Math.abs((end[1] ?? 0) - (target.y + target.height / 2)) < 2, `ends at y ${end[1]}`);

    // Choosing the kind in the canvas's own picker, while connecting.
    const picker = page.getByRole('group', { name: 'New edges connect as' });
    await picker.getByText('Feedback', { exact: true }).click();
    assert.equal(await picker.getByRole('radio', { name: 'Feedback' }).isChecked(), true);
    await connect(page, c, 'left', a, { x: 0.5, y: 0.3 });
    assert.equal(await edgeCount(page), 2);
    const ids = await page.$$eval('.react-flow__edge', (e) =>
      e.map((x) => x.getAttribute('data-id') ?? ''),
    );
    const added = ids.find((id) => !first.includes(id)) ?? '';
    assert.equal(await stroke(added), 'url(#gtm-arrow-feedback)');
    await picker.getByText('Handoff', { exact: true }).click();

    // Alt held while dropping makes a feedback edge whatever the picker says.
    await connect(page, c, 'top', b, { x: 0.2, y: 0.5 }, { alt: true });
    assert.equal(await edgeCount(page), 3);
    const third = (
      await page.$$eval('.react-flow__edge', (e) => e.map((x) => x.getAttribute('data-id') ?? ''))
    ).find((id) => !ids.includes(id));
    assert.equal(await stroke(third ?? ''), 'url(#gtm-arrow-feedback)');
    assert.deepEqual(session.errors, []);
  });

  it('exports an SVG with title, date and legend that draws the canvas routes', async () => {
    await loadTemplate(page, 'Mid-market sales-led');
    const canvasPaths = await page.$$eval('.react-flow__edge path.react-flow__edge-path', (paths) =>
      paths.map((p) => p.getAttribute('d') ?? ''),
    );
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('menuitem', { name: 'SVG', exact: true }).click();
    const file = await download;
    const path = join(scratch, file.suggestedFilename());
    await file.saveAs(path);
    const svg = await readFile(path, 'utf8');
    assert.match(svg, /<title id="gtm-title">Mid-market sales-led GTM<\/title>/);
    assert.match(svg, /Exported \d{4}-\d{2}-\d{2} · 22 cards · 28 edges/);
    for (const name of ['Handoff', 'Data flow', 'Feedback (round the right side)']) {
      assert.ok(svg.includes(`>${name}</text>`), `legend names ${name}`);
    }
    const svgPaths = [...svg.matchAll(/<path d="([^"]+)" fill="none"/g)].map((m) => m[1]);
    assert.deepEqual([...svgPaths].sort(), [...canvasPaths].sort());
  });
});
