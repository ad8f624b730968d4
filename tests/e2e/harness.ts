import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';

// GTM_DIST lets several people build and test side by side without sharing dist/.
const DIST = resolve(process.env.GTM_DIST ?? resolve(import.meta.dirname, '../../dist'));

/**
 * The policy the built app must run under (issue 7): no inline scripts, no eval. Styles
 * allow 'unsafe-inline' because React Flow positions nodes with inline style attributes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export function findChrome(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium found for the browser tests. Install one (`apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}

/** Serves a built app (dist/ by default) on 127.0.0.1 with the production CSP, on a free port. */
export async function startServer(
  dir: string = DIST,
): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) file = join(root, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      response.end(body);
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
}

/** The window size every spec works in unless it says otherwise. */
export const VIEWPORT = { width: 1280, height: 800 };

/** The locators most specs use: a card by its accessible name, and the inspector panel. */
export const card = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
export const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

/**
 * Opens the editor in a tab of `context` (a new one unless `page` is given) and waits until it
 * is ready: the one set-up every spec shares, whether it uses openApp or its own browser.
 */
export async function openEditor(context: BrowserContext, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await tab.setViewportSize(VIEWPORT);
  tab.setDefaultTimeout(8000);
  await tab.goto(url);
  await tab.getByRole('toolbar', { name: 'Palette' }).waitFor();
  return tab;
}

export async function waitForDownload(page: Page, action: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return download;
}

export async function downloadedText(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

/** Exports the open diagram as JSON through the Export menu, as a user would, and reads it. */
export async function exportJson(
  page: Page,
): Promise<{ name: string; nodes: { title: string }[] }> {
  const download = await waitForDownload(page, async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON' }).click();
  });
  return JSON.parse(await downloadedText(download)) as { name: string; nodes: { title: string }[] };
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  /** Errors the page threw or logged, including CSP violations; tests assert it stays empty. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser profile and page on the served app. Always call `close()` in `after`,
 * which stops the browser and the server even when a test failed.
 */
export async function openApp(
  options: {
    viewport?: { width: number; height: number };
    /** What `navigator.platform` reports, to see the editor as on another system ("MacIntel"). */
    platform?: string;
  } = {},
): Promise<Session> {
  const server = await startServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORT,
    acceptDownloads: true,
  });
  if (options.platform !== undefined) {
    // As text: tsx compiles a function argument with helpers that do not exist in the page.
    await context.addInitScript({
      content: `Object.defineProperty(Navigator.prototype, 'platform', { get: () => ${JSON.stringify(options.platform)} });`,
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url);
  await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
  page.setDefaultTimeout(8000);
  return {
    browser,
    context,
    page,
    url: server.url,
    errors,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Waits until the editor says the latest change is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 5000 });
}

/**
 * Presses `keys` (such as "Control+s") and answers whether the page kept its last key from the
 * browser (the editor called preventDefault, so no "Save page" or bookmark dialog opens).
 */
export async function pressKept(page: Page, keys: string): Promise<boolean> {
  const key = (keys.split('+').at(-1) ?? keys).toLowerCase();
  await page.evaluate((watched) => {
    // Added after the editor's own listener, so it sees what that one decided.
    window.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() === watched)
        document.body.dataset.keyKept = String(e.defaultPrevented);
    });
  }, key);
  await page.keyboard.press(keys);
  return (await page.evaluate(() => document.body.dataset.keyKept)) === 'true';
}

export const screenshotDir = resolve(import.meta.dirname, '.artifacts');

/** Lets viewport animations (fit view, zoom buttons) finish before measuring positions. */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForTimeout(ms);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Polls an input until it holds `expected` (Playwright's `expect` is not in playwright-core). */
export async function waitForValue(
  locator: Locator,
  expected: string,
  timeout = 5000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let value = '';
  while (Date.now() < deadline) {
    value = await locator.inputValue();
    if (value === expected) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`Expected the input to hold "${expected}", it holds "${value}".`);
}

/** React Flow's pan and zoom, and where its pane sits on the page. */
export function viewportOf(
  page: Page,
): Promise<{ x: number; y: number; zoom: number; left: number; top: number }> {
  return page.evaluate(() => {
    const t = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    const [x, y, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/
      .exec(t)!
      .slice(1)
      .map(Number);
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return { x: x!, y: y!, zoom: zoom!, left: pane.left, top: pane.top };
  });
}
