import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { serializeDiagram } from '../src/io/serialize';
import { createSyntheticDiagram } from '../src/testing/synthetic';
import { CHROME_ARGS, findChrome, startServer } from '../tests/e2e/harness';
import { median, percentile, round } from './stats';

const IN_PAGE = resolve(import.meta.dirname, 'in-page.js');
const VIEWPORT = { width: 1280, height: 800 };
/** Mouse moves per drag or pan: about two seconds of frames. */
const STEPS = 120;
/** Export timings wait this long at most (a 5,000-node PNG takes seconds on 2 cores). */
const EXPORT_TIMEOUT_MS = 120_000;

interface Frames {
  readonly intervals: number[];
  readonly longTaskMs: number;
  readonly longTaskCount: number;
  readonly longest: [number, number][];
  readonly durationMs: number;
}

/** One drag or pan: frame intervals (ms) and long tasks during it. */
export interface Interaction {
  readonly frameP50: number;
  readonly frameP95: number;
  readonly frameMax: number;
  readonly frames: number;
  readonly longTaskMs: number;
  readonly longTaskCount: number;
  /** The longest tasks: [ms after the interaction started, duration ms]. */
  readonly longest: [number, number][];
  readonly durationMs: number;
}

interface Painted {
  readonly ms: number;
  readonly domNodes: number;
  readonly domEdges: number;
}

interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface PageRun {
  readonly loadMs: number;
  readonly domNodesAtPaint: number;
  readonly domElements: number;
  readonly drag: Interaction;
  readonly pan: Interaction;
}

export interface ExportRun {
  readonly format: 'PNG' | 'SVG';
  /** Click on the menu item → the file handed to the browser (user timing end). */
  readonly ms: number;
}

export interface BigRun extends PageRun {
  /** The same drag and pan at about 100 % zoom, where culling leaves a few dozen cards. */
  readonly zoomedIn: {
    readonly zoom: number;
    readonly drag: Interaction;
    readonly pan: Interaction;
  };
  /** Just after the import, fitted view. */
  readonly heapMb: number;
  /** Right before and after 10 exports (5 SVG, 5 PNG), in the same view. */
  readonly heapBeforeExportsMb: number;
  readonly heapAfterExportsMb: number;
  readonly exports: readonly ExportRun[];
}

export interface BrowserRuns {
  readonly chromium: string;
  readonly viewport: Viewport;
  readonly dragNode: string;
  readonly ours1000: PageRun[];
  readonly bare1000: PageRun[];
  readonly png200: number[][];
  readonly png1000: number[][];
  readonly ours5000: BigRun[];
}

const call = <T>(page: Page, expression: string) =>
  page.evaluate(`window.__bench.${expression}`) as Promise<T>;

const frames = (page: Page, count = 2) =>
  page.evaluate(
    `new Promise((done) => { let n = ${count}; const f = () => (--n > 0 ? requestAnimationFrame(f) : done()); requestAnimationFrame(f); })`,
  );

function summarizeFrames(recorded: Frames): Interaction {
  return {
    frameP50: round(percentile(recorded.intervals, 50), 1),
    frameP95: round(percentile(recorded.intervals, 95), 1),
    frameMax: round(Math.max(...recorded.intervals), 1),
    frames: recorded.intervals.length,
    longTaskMs: Math.round(recorded.longTaskMs),
    longTaskCount: recorded.longTaskCount,
    longest: recorded.longest.slice(0, 3),
    durationMs: Math.round(recorded.durationMs),
  };
}

/** Opens the file through the page's file input and waits until its cards are painted. */
async function load(page: Page, json: Buffer): Promise<Painted> {
  await call(page, 'armPaint()');
  await page.setInputFiles('input[type=file]', {
    name: 'synthetic.json',
    mimeType: 'application/json',
    buffer: json,
  });
  return call<Painted>(page, 'painted()');
}

/**
 * Every card of the benchmark diagrams as [id, x, y] (its top-left corner): zoomed out on a big
 * diagram the app draws cards instead of rendering them, so the page cannot be asked where they
 * are. The synthetic diagrams place card `n<i>` at the same point whatever their size.
 */
const CARDS: [string, number, number][] = createSyntheticDiagram(5_000, 0).nodes.map((node) => [
  node.id,
  node.position.x,
  node.position.y,
]);
const CARD_AT = new Map(CARDS.map((card) => [card[0], card]));

/** Cards of the `count`-card diagram on screen with room to drag them, nearest the centre first. */
function visibleCards(page: Page, count: number): Promise<[string, number, number][]> {
  return call(page, `visibleNodes(${JSON.stringify(CARDS.slice(0, count))})`);
}

/** Drags card `id` 100 px right and back, 20 px per move (one snap step in the app). */
async function drag(page: Page, id: string): Promise<Interaction> {
  const [, cardX, cardY] = CARD_AT.get(id) ?? [id, 0, 0];
  const [x, y] = await call<[number, number]>(
    page,
    `nodeCentre(${JSON.stringify(id)}, ${cardX}, ${cardY})`,
  );
  await page.mouse.move(x, y);
  await call(page, 'startFrames()');
  await page.mouse.down();
  let cx = x;
  for (let i = 0; i < STEPS; i++) {
    cx += Math.floor(i / 5) % 2 === 0 ? 20 : -20;
    await page.mouse.move(cx, y);
  }
  await page.mouse.up();
  await frames(page);
  const result = summarizeFrames(await call<Frames>(page, 'stopFrames()'));
  // A dragged card is selected: the bare page marks it, the app opens its inspector. (The card
  // on top may be another than `id`: the synthetic diagram's rows overflow their bands.)
  const held = await page.evaluate(
    "document.querySelector('.react-flow__node.selected') !== null || /Title/.test(document.querySelector('[aria-label=Inspector]')?.textContent ?? '')",
  );
  if (!held) throw new Error(`the drag at card ${id} took hold of no card`);
  return result;
}

/**
 * Pans 120 px right and back, 12 px per step: by dragging an empty spot of the pane, or, where
 * cards cover all of it (5,000 cards zoomed in), with the wheel while Space is held (React Flow
 * pans on scroll while its pan key is down; a drag that starts on a card moves the card).
 */
async function pan(page: Page, count: number): Promise<Interaction> {
  const empty = await call<[number, number] | null>(
    page,
    `emptyPanePoint(${JSON.stringify(CARDS.slice(0, count))})`,
  );
  const [x, y] = empty ?? (await call<[number, number]>(page, 'paneCentre()'));
  await page.mouse.move(x, y);
  if (!empty) {
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.down('Space');
  }
  await call(page, 'startFrames()');
  if (empty) await page.mouse.down();
  let cx = x;
  for (let i = 0; i < STEPS; i++) {
    const step = Math.floor(i / 10) % 2 === 0 ? 12 : -12;
    cx += step;
    // Scrolled distance × panOnScrollSpeed (0.5) is the distance panned.
    if (empty) await page.mouse.move(cx, y + (i % 2));
    else await page.mouse.wheel(-2 * step, 0);
  }
  if (empty) await page.mouse.up();
  else await page.keyboard.up('Space');
  await frames(page);
  return summarizeFrames(await call<Frames>(page, 'stopFrames()'));
}

async function heapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return round(usedSize / 1024 / 1024, 1);
}

const EXPORT_MEASURE = 'gtm-blueprint:export:';

/**
 * Exports through the Export menu; the app marks each finished export with a user timing (the
 * dev channel of store/dev-channel.ts, compiled into the `--mode e2e` build the bench makes).
 */
async function exportOnce(page: Page, format: 'PNG' | 'SVG'): Promise<number> {
  const name = JSON.stringify(EXPORT_MEASURE + format.toLowerCase());
  const count = `performance.getEntriesByName(${name}).length`;
  const before = (await page.evaluate(count)) as number;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: format, exact: true }).click();
  const deadline = Date.now() + EXPORT_TIMEOUT_MS;
  while (((await page.evaluate(count)) as number) === before) {
    if (Date.now() > deadline) throw new Error(`${format} export did not finish`);
    await page.waitForTimeout(20);
  }
  const [clickAt, end] = (await page.evaluate(
    `(() => { const e = performance.getEntriesByName(${name}).at(-1); return [window.__bench.clickAt(), e.startTime + e.duration]; })()`,
  )) as [number, number];
  return round(end - clickAt, 1);
}

export interface BrowserBenchOptions {
  readonly appDist: string;
  readonly bareDist: string;
  readonly runs: number;
  readonly log: (line: string) => void;
}

/**
 * Runs every browser figure `runs` times, each page in a fresh browser context (an empty
 * profile), the app and the bare React Flow page alternating so that drift in machine load
 * hits both alike.
 */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserRuns> {
  const files = new Map(
    [200, 1_000, 5_000].map((n) => [
      n,
      Buffer.from(serializeDiagram(createSyntheticDiagram(n, 2))),
    ]),
  );
  const file = (n: number) => files.get(n) as Buffer;
  const app = await startServer(options.appDist);
  const bare = await startServer(options.bareDist);
  const browser: Browser = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
  });
  try {
    const open = async (url: string, ready: (page: Page) => Promise<unknown>) => {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: false });
      await context.addInitScript({ path: IN_PAGE });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(url);
      await ready(page);
      // Start-up work (restoring the library, the first save) is over before timing starts.
      await page.waitForTimeout(1_000);
      return { page, context };
    };
    const openApp = () =>
      open(app.url, (page) => page.getByRole('toolbar', { name: 'Palette' }).waitFor());

    let viewport: Viewport = { x: 0, y: 0, zoom: 1 };
    let dragNode = '';

    const runOurs1000 = async (): Promise<PageRun> => {
      const { page, context } = await openApp();
      const painted = await load(page, file(1_000));
      await page.waitForTimeout(1_000);
      viewport = await call<Viewport>(page, 'viewport()');
      const visible = await visibleCards(page, 1_000);
      dragNode ||= visible[0]?.[0] ?? '';
      const counts = await call<{ elements: number }>(page, 'domCounts()');
      const dragged = await drag(page, dragNode);
      await page.waitForTimeout(500);
      const panned = await pan(page, 1_000);
      await context.close();
      return {
        loadMs: round(painted.ms, 1),
        domNodesAtPaint: painted.domNodes,
        domElements: counts.elements,
        drag: dragged,
        pan: panned,
      };
    };

    const runBare1000 = async (): Promise<PageRun> => {
      const query = `?x=${viewport.x}&y=${viewport.y}&zoom=${viewport.zoom}`;
      const { page, context } = await open(bare.url + query, (p) =>
        p.locator('.react-flow').waitFor(),
      );
      const painted = await load(page, file(1_000));
      await page.waitForTimeout(1_000);
      const counts = await call<{ elements: number }>(page, 'domCounts()');
      const dragged = await drag(page, dragNode);
      await page.waitForTimeout(500);
      const panned = await pan(page, 1_000);
      await context.close();
      return {
        loadMs: round(painted.ms, 1),
        domNodesAtPaint: painted.domNodes,
        domElements: counts.elements,
        drag: dragged,
        pan: panned,
      };
    };

    /** The first export of a page (cold: code and text widths not yet cached), then warm ones. */
    const runPng = async (n: number, count: number): Promise<number[]> => {
      const { page, context } = await openApp();
      await load(page, file(n));
      await page.waitForTimeout(1_000);
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(await exportOnce(page, 'PNG'));
      await context.close();
      return times;
    };

    const runOurs5000 = async (): Promise<BigRun> => {
      const { page, context } = await openApp();
      const cdp = await context.newCDPSession(page);
      const painted = await load(page, file(5_000));
      await page.waitForTimeout(2_000);
      const heap = await heapMb(cdp);
      const counts = await call<{ elements: number }>(page, 'domCounts()');
      const visible = await visibleCards(page, 5_000);
      const id = visible[0]?.[0];
      if (!id) throw new Error('no card on screen at 5,000 nodes');
      const dragged = await drag(page, id);
      await page.waitForTimeout(500);
      const panned = await pan(page, 5_000);
      // Zoom in with the zoom control, around the centre of the fitted diagram (1.2× a click).
      const zoomIn = page.locator('.react-flow__controls-zoomin');
      while ((await call<Viewport>(page, 'viewport()')).zoom < 0.95) {
        await zoomIn.click();
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(1_000);
      const zoom = round((await call<Viewport>(page, 'viewport()')).zoom, 2);
      const near = await visibleCards(page, 5_000);
      const nearId = near[0]?.[0];
      if (!nearId) throw new Error('no card on screen at 5,000 nodes, zoomed in');
      const zoomedIn = { zoom, drag: await drag(page, nearId), pan: await pan(page, 5_000) };
      const heapBefore = await heapMb(cdp);
      const exports: ExportRun[] = [];
      for (let i = 0; i < 10; i++) {
        const format = i % 2 === 0 ? 'SVG' : 'PNG';
        exports.push({ format, ms: await exportOnce(page, format) });
      }
      await page.waitForTimeout(500);
      const heapAfter = await heapMb(cdp);
      await context.close();
      return {
        loadMs: round(painted.ms, 1),
        domNodesAtPaint: painted.domNodes,
        domElements: counts.elements,
        drag: dragged,
        pan: panned,
        zoomedIn,
        heapMb: heap,
        heapBeforeExportsMb: heapBefore,
        heapAfterExportsMb: heapAfter,
        exports,
      };
    };

    const result: BrowserRuns = {
      chromium: browser.version(),
      viewport,
      dragNode,
      ours1000: [],
      bare1000: [],
      png200: [],
      png1000: [],
      ours5000: [],
    };
    for (let run = 0; run < options.runs; run++) {
      options.log(`browser run ${run + 1}/${options.runs}`);
      // The bare page needs the app's viewport and dragged card, so the app goes first once.
      if (run % 2 === 0 || !dragNode) {
        result.ours1000.push(await runOurs1000());
        result.bare1000.push(await runBare1000());
      } else {
        result.bare1000.push(await runBare1000());
        result.ours1000.push(await runOurs1000());
      }
      result.png200.push(await runPng(200, 4));
      result.png1000.push(await runPng(1_000, 4));
      result.ours5000.push(await runOurs5000());
    }
    return { ...result, viewport, dragNode };
  } finally {
    await browser.close().catch(() => undefined);
    await app.close();
    await bare.close();
  }
}

/** The median over runs of one figure. */
export function medianOf<T>(runs: readonly T[], pick: (run: T) => number): number {
  return round(median(runs.map(pick)), 1);
}
