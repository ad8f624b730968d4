import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { importDeals } from '../src/actuals/import-deals';
import { createMidMarketSalesLed } from '../src/model/templates/mid-market-sales-led';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import type { NodeCase } from './node-bench';
import { round, summarize } from './stats';

const DEALS = 100_000;
const DAY = 86_400_000;
const STAGES = ['Lead', 'MQL', 'SQL', 'Opportunity', 'Negotiation'] as const;

/**
 * A HubSpot export of `count` deals for the mid-market template, deterministic: each deal goes
 * some way down the pipeline (with a date entered for every stage it reached), then is won,
 * lost or still open; amounts with a currency sign and thousands separators, quoted names.
 */
export function hubspotExport(count: number, today = Date.now()): string {
  const day = (offset: number) => new Date(today - offset * DAY).toISOString().slice(0, 10);
  const header = [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Amount',
    'Create Date',
    'Close Date',
    ...[...STAGES, 'Closed Won'].map((s) => `"Date entered ""${s} (Sales Pipeline)"""`),
  ].join(',');
  const lines = [header];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) {
    const created = 10 + Math.floor(random() * 300);
    const depth = 1 + Math.floor(random() * STAGES.length);
    const fate = random();
    const entered = STAGES.map((_, s) => (s < depth ? day(created - s * 3) : ''));
    const won = depth === STAGES.length && fate < 0.4;
    const lost = !won && fate < 0.6;
    const stage = won ? 'Closed Won' : lost ? 'Closed Lost' : (STAGES[depth - 1] as string);
    const closed = won || lost ? day(Math.max(0, created - depth * 5)) : '';
    const amount = `"$${(5_000 + Math.floor(random() * 90) * 1_000).toLocaleString('en-US')}.00"`;
    lines.push(
      [
        100_000 + i,
        `"Deal ${i}, Inc."`,
        stage,
        'Sales Pipeline',
        amount,
        `${day(created)} 09:30`,
        closed,
        ...entered,
        won ? closed : '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The same parse and figures as the worker, in Node: a floor for what the browser can do. */
export function runDealsNodeBench(): NodeCase[] {
  const text = hubspotExport(DEALS);
  const diagram = createMidMarketSalesLed();
  const asOf = Math.floor(Date.now() / DAY);
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const result = importDeals(text, diagram, { asOf });
    const ms = performance.now() - start;
    if (!result.ok || result.deals.deals.length !== DEALS) throw new Error('deals bench: bad read');
    if (i >= 2) samples.push(ms);
  }
  return [
    {
      name: 'deals 100,000 (CSV → figures)',
      nodes: DEALS,
      edges: 0,
      note: `${round(text.length / 1024 / 1024, 1)} MB of CSV`,
      ms: summarize(samples),
    },
  ];
}

export interface DealsBrowserRun {
  /** Reading and computing in the worker, as the worker timed it. */
  readonly workerMs: number;
  /** File picked → the stage mapping dialog on screen. */
  readonly toDialogMs: number;
  /** The page's longest task meanwhile (long tasks are those over 50 ms; 0 if none). */
  readonly longestTaskMs: number;
  /** The longest gap between animation frames meanwhile: what a user would feel as a stall. */
  readonly longestFrameMs: number;
  /** The same two figures for 1.5 s of the idle page just before: the machine's own noise. */
  readonly idleLongestTaskMs: number;
  readonly idleLongestFrameMs: number;
  readonly megabytes: number;
}

/** 100,000 deals imported through the real UI of a production build, in Chromium. */
export async function runDealsBrowserBench(options: {
  appDist: string;
  runs: number;
  log: (line: string) => void;
}): Promise<DealsBrowserRun[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'gtm-deals-bench-'));
  const path = join(scratch, 'hubspot-100k.csv');
  const text = hubspotExport(DEALS);
  await writeFile(path, text);
  const server = await startServer(options.appDist);
  const browser = await launchBrowser();
  const runs: DealsBrowserRun[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
      await page.getByRole('button', { name: 'Templates' }).click();
      await page.getByRole('menuitem', { name: /^Mid-market sales-led/ }).click();
      await page
        .getByRole('group', { name: /\(stage\)$/ })
        .first()
        .waitFor();
      const measured = await importAndWatch(page, path);
      runs.push({ ...measured, megabytes: round(text.length / 1024 / 1024, 1) });
      options.log(
        `deals run ${run + 1}: worker ${measured.workerMs} ms, dialog after ${measured.toDialogMs} ms, longest task ${measured.longestTaskMs} ms (idle page: ${measured.idleLongestTaskMs} ms), longest frame ${measured.longestFrameMs} ms (idle: ${measured.idleLongestFrameMs} ms)`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return runs;
}

// Page scripts as text: tsx compiles function arguments with helpers the page does not have.
const WATCH = `(() => {
  const watch = { longest: 0, frames: [], stop: false };
  window.__dealsWatch = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.longest = Math.max(watch.longest, entry.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => {
    watch.frames.push(now - last);
    last = now;
    if (!watch.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;
const STOP = `(() => {
  const watch = window.__dealsWatch;
  watch.stop = true;
  return { longest: watch.longest, frame: Math.max(0, ...watch.frames.slice(1)) };
})()`;

async function importAndWatch(page: Page, path: string) {
  await page.evaluate(WATCH);
  await page.waitForTimeout(1500);
  const idle = (await page.evaluate(STOP)) as { longest: number; frame: number };
  await page.evaluate(WATCH);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import deals…' }).click();
  const started = Date.now();
  await (await chooser).setFiles(path);
  const dialog = page.getByRole('dialog', { name: 'Map CRM stages to the diagram' });
  await dialog.waitFor({ timeout: 60_000 });
  const toDialogMs = Date.now() - started;
  const workerMs = Number(await dialog.locator('[data-worker-ms]').getAttribute('data-worker-ms'));
  const watched = (await page.evaluate(STOP)) as { longest: number; frame: number };
  return {
    workerMs,
    toDialogMs,
    longestTaskMs: round(watched.longest),
    longestFrameMs: round(watched.frame),
    idleLongestTaskMs: round(idle.longest),
    idleLongestFrameMs: round(idle.frame),
  };
}
