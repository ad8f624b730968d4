import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseRoomFragment } from '../src/collab/protocol';
import { serializeDiagram } from '../src/io/serialize';
import { createSyntheticDiagram } from '../src/testing/synthetic';
import { CHROME_ARGS, findChrome } from '../tests/e2e/harness';
import { median, percentile, round } from './stats';

/**
 * The editor in a room (issue 13): joining a room that holds a 1,000-card diagram until its
 * cards are painted, and dragging one of the 1,000 cards alone in the room and with 5 others
 * connected (Node clients whose cursors move 10 times a second, as people's do).
 */
const ROOT = resolve(import.meta.dirname, '..');
const IN_PAGE = resolve(import.meta.dirname, 'in-page.js');
const CARDS = 1_000;
const OTHERS = 5;
const STEPS = 120;

export interface RoomBench {
  /** Fresh browser profile, link opened → the room's cards painted (median of runs), ms. */
  readonly joinPaintMs: number;
  readonly joinPaintRunsMs: readonly number[];
  readonly dragAloneP95Ms: number;
  readonly dragWithOthersP95Ms: number;
}

async function serve(dist: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/gtm-blueprint.mjs'),
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
      '--dist',
      dist,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/[^\s]+\/)/.exec(out);
      if (match) done(match[1] as string);
    });
    child.on('exit', () => fail(new Error(`serve stopped: ${out}`)));
  });
  return { child, url };
}

async function newRoom(url: string): Promise<string> {
  const response = await fetch(new URL('/api/rooms', url), {
    method: 'POST',
    body: serializeDiagram(createSyntheticDiagram(CARDS, 0)),
  });
  if (response.status !== 201) throw new Error(`room not created: ${response.status}`);
  return ((await response.json()) as { editUrl: string }).editUrl;
}

/** A collaborator in Node: connected, present, moving a cursor 10 times a second. */
function collaborator(url: string, editUrl: string, n: number) {
  const link = parseRoomFragment(new URL(editUrl).hash);
  if (!link) throw new Error('no room link');
  const socket = new HocuspocusProviderWebsocket({
    url: new URL('/collab', url.replace(/^http/, 'ws')).href,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: link.room,
    token: link.token,
    document: new Y.Doc(),
  });
  provider.attach();
  provider.awareness?.setLocalStateField('user', { name: `Person ${n}`, color: '#0891b2' });
  let t = 0;
  const timer = setInterval(() => {
    t += 1;
    provider.awareness?.setLocalStateField('cursor', [200 + 50 * Math.sin(t / 5), 300 + 20 * n]);
  }, 100);
  return () => {
    clearInterval(timer);
    provider.destroy();
    socket.destroy();
  };
}

const call = <T>(page: Page, expression: string) =>
  page.evaluate(`window.__bench.${expression}`) as Promise<T>;

/** Frame intervals while one visible card is dragged 100 px right and back, 120 moves. */
async function dragFrameP95(page: Page): Promise<number> {
  // Zoom in until cards are live (rendered) so that one can be dragged.
  for (let i = 0; i < 20 && (await page.locator('.react-flow__node').count()) < 5; i++) {
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(250);
  }
  const box = await page.locator('.react-flow__node').first().boundingBox();
  if (!box) throw new Error('no card on screen to drag');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await call(page, 'startFrames()');
  await page.mouse.down();
  let cx = x;
  for (let i = 0; i < STEPS; i++) {
    cx += Math.floor(i / 5) % 2 === 0 ? 20 : -20;
    await page.mouse.move(cx, y);
  }
  await page.mouse.up();
  const frames = await call<{ intervals: number[] }>(page, 'stopFrames()');
  return percentile(frames.intervals, 95);
}

export async function runRoomBench(options: {
  appDist: string;
  runs: number;
  log: (line: string) => void;
}): Promise<RoomBench> {
  const data = mkdtempSync(join(tmpdir(), 'gtm-room-bench-'));
  const { child, url } = await serve(options.appDist, data);
  const browser = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
  });
  try {
    const editUrl = await newRoom(url);
    const joins: number[] = [];
    const alone: number[] = [];
    const withOthers: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({
        content: "try { localStorage.setItem('gtm-blueprint:author-name', 'Bench'); } catch {}",
      });
      await context.addInitScript({ path: IN_PAGE });
      const page = await context.newPage();
      await page.goto(editUrl);
      // Zoomed out, a big diagram's cards are drawn on one canvas rather than rendered.
      await page.waitForFunction(
        () =>
          document.querySelector('.react-flow__node') !== null ||
          Number(document.querySelector<HTMLElement>('canvas.gtm-overview')?.dataset.cards ?? 0) >
            0,
        undefined,
        { timeout: 30_000 },
      );
      const ms = await page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const mark = performance.getEntriesByName('gtm-room-join').at(-1);
                done(performance.now() - (mark?.startTime ?? 0));
              }),
            ),
          ),
      );
      joins.push(ms);
      alone.push(await dragFrameP95(page));
      const stops = Array.from({ length: OTHERS }, (_, n) => collaborator(url, editUrl, n));
      await page.getByRole('list', { name: `In this room: ${OTHERS + 1}` }).waitFor();
      withOthers.push(await dragFrameP95(page));
      for (const stop of stops) stop();
      await context.close();
      options.log(`  room run ${run + 1}: join ${Math.round(ms)} ms`);
    }
    return {
      joinPaintMs: Math.round(median(joins)),
      joinPaintRunsMs: joins.map(Math.round),
      dragAloneP95Ms: round(median(alone), 1),
      dragWithOthersP95Ms: round(median(withOthers), 1),
    };
  } finally {
    await browser.close().catch(() => undefined);
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(data, { recursive: true, force: true });
  }
}

// `node --import tsx bench/room-bench.ts [dist]`: these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? process.env.GTM_DIST ?? join(ROOT, 'dist'));
  runRoomBench({ appDist: dist, runs: 3, log: console.log }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
