import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_ARGS, VIEWPORT, card, findChrome } from './harness';

/**
 * What the reliability specs share: what a user sees of a diagram, a browser on a fixed
 * profile that can be killed, a crashed tab, and the app's IndexedDB read and written from the
 * page, as damage from outside would.
 */

export const alert = (page: Page, text: string | RegExp) =>
  page.getByRole('alert').filter({ hasText: text });
export const saveStatus = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: new RegExp(`^${text}$`) });

/** What a user sees of the diagram: its name, every card where it sits, every handoff. */
export interface Picture {
  name: string;
  nodes: string[];
  edges: string[];
}

export async function picture(page: Page): Promise<Picture> {
  return page.evaluate(() => ({
    name: document.querySelector<HTMLInputElement>('input[aria-label="Diagram name"]')?.value ?? '',
    nodes: [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((n) => `${n.getAttribute('aria-label')} at ${n.style.transform}`)
      .sort(),
    edges: [...document.querySelectorAll('.react-flow__edge')]
      .map((e) => e.getAttribute('aria-label') ?? '')
      .sort(),
  }));
}

/** Waits for the restored diagram to replace the blank one, then compares it in full. */
export async function expectPicture(page: Page, expected: Picture, timeout = 8000): Promise<void> {
  const deadline = Date.now() + timeout;
  let actual = await picture(page);
  while (Date.now() < deadline && !isDeepStrictEqual(actual, expected)) {
    await page.waitForTimeout(100);
    actual = await picture(page);
  }
  assert.deepEqual(actual, expected);
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

export interface ProfileBrowser {
  browser: Browser;
  context: BrowserContext;
  /** SIGKILLs Chromium's whole process group: no unload, no flush, no goodbye. */
  kill(): Promise<void>;
}

/**
 * Chromium started by hand on a fixed profile, in its own process group, so the test can
 * kill every one of its processes by id and start it again on the same IndexedDB.
 */
export async function launchOnProfile(userDataDir: string): Promise<ProfileBrowser> {
  const child = spawn(
    findChrome(),
    [
      ...CHROME_ARGS,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = once(child, 'exit');
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}:\n${seen}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  assert.ok(context, 'a CDP-connected Chromium has its default (profile) context');
  const pid = child.pid;
  assert.ok(pid, 'Chromium has a process id');
  return {
    browser,
    context,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-pid, 'SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
    },
  };
}

/** An edit, and what a kill one second after it brings back. */
export type Moment = [string, (page: Page) => Promise<void>, ('kept' | 'before the edit')?];

/** Drags a card right by `dx` with real mouse moves, letting go of it or not. */
export async function dragCard(page: Page, name: string, dx: number, { drop }: { drop: boolean }) {
  const box = await card(page, name).boundingBox();
  assert.ok(box, 'the card is on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + 10, { steps: 12 });
  if (drop) await page.mouse.up();
}

/** Kills the tab's renderer process, as a crash or an out-of-memory kill would. */
export async function crashTab(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The command never answers: the process it would answer from is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close().catch(() => undefined);
}

// In the page, promises are written inline: tsx would wrap a named helper in a `__name` call
// the page lacks.
const openLibraryDb = `new Promise((done, fail) => {
  const open = indexedDB.open('gtm-blueprint');
  open.onsuccess = () => done(open.result);
  open.onerror = () => fail(open.error);
})`;

/** A value of the app's IndexedDB store, read in the page. */
export async function readStored(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    `(async () => {
      const db = await ${openLibraryDb};
      const value = await new Promise((done) => {
        const r = db.transaction('library').objectStore('library').get(${JSON.stringify(key)});
        r.onsuccess = () => done(r.result);
      });
      db.close();
      return value;
    })()`,
  );
}

export async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    `(async () => {
      const db = await ${openLibraryDb};
      const keys = await new Promise((done) => {
        const r = db.transaction('library').objectStore('library').getAllKeys();
        r.onsuccess = () => done(r.result.map(String));
      });
      db.close();
      return keys;
    })()`,
  );
}

/** Writes a value straight into the app's IndexedDB store, as damage from outside would. */
export async function writeStored(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    `(async () => {
      const db = await ${openLibraryDb};
      await new Promise((done, fail) => {
        const tx = db.transaction('library', 'readwrite');
        tx.objectStore('library').put(${JSON.stringify(value)}, ${JSON.stringify(key)});
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    })()`,
  );
}
