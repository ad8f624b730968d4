import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Page,
} from 'playwright-core';
import { seriousViolations } from './axe';
import { CHROME_ARGS, findChrome, launchBrowser, startServer, waitForSaved } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

const VIEWPORT = { width: 1280, height: 800 };
const card = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const alert = (page: Page, text: string | RegExp) =>
  page.getByRole('alert').filter({ hasText: text });
const saveStatus = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: new RegExp(`^${text}$`) });

/** What a user sees of the diagram: its name, every card where it sits, every handoff. */
interface Picture {
  name: string;
  nodes: string[];
  edges: string[];
}

async function picture(page: Page): Promise<Picture> {
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
async function expectPicture(page: Page, expected: Picture, timeout = 8000): Promise<void> {
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

async function openEditor(context: BrowserContext, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await tab.setViewportSize(VIEWPORT);
  tab.setDefaultTimeout(8000);
  await tab.goto(url);
  await tab.getByRole('toolbar', { name: 'Palette' }).waitFor();
  return tab;
}

interface ProfileBrowser {
  browser: Browser;
  context: BrowserContext;
  /** SIGKILLs Chromium's whole process group: no unload, no flush, no goodbye. */
  kill(): Promise<void>;
}

/**
 * Chromium started by hand on a fixed profile, in its own process group, so the test can
 * kill every one of its processes by id and start it again on the same IndexedDB.
 */
async function launchOnProfile(userDataDir: string): Promise<ProfileBrowser> {
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
type Moment = [string, (page: Page) => Promise<void>, ('kept' | 'before the edit')?];

/** Drags a card right by `dx` with real mouse moves, letting go of it or not. */
async function dragCard(page: Page, name: string, dx: number, { drop }: { drop: boolean }) {
  const box = await card(page, name).boundingBox();
  assert.ok(box, 'the card is on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + 10, { steps: 12 });
  if (drop) await page.mouse.up();
}

/** Kills the tab's renderer process, as a crash or an out-of-memory kill would. */
async function crashTab(context: BrowserContext, page: Page): Promise<void> {
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
async function readStored(page: Page, key: string): Promise<unknown> {
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

async function storedKeys(page: Page): Promise<string[]> {
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
async function writeStored(page: Page, key: string, value: unknown): Promise<void> {
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

async function waitForDownload(page: Page, action: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return download;
}

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

async function exportJson(page: Page): Promise<{ name: string; nodes: { title: string }[] }> {
  const download = await waitForDownload(page, async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON' }).click();
  });
  return JSON.parse(await downloadedText(download)) as { name: string; nodes: { title: string }[] };
}

describe('reliability: a killed tab or browser loses nothing', () => {
  let server: Server;
  let profile: string;
  let chrome: ProfileBrowser | undefined;
  before(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'gtm-reliability-'));
  });
  after(async () => {
    await chrome?.kill();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('keeps every edit when the tab is killed one second later, at several moments', async () => {
    chrome = await launchOnProfile(profile);
    const { context } = chrome;
    let page = await openEditor(context, server.url, context.pages()[0]);
    let last = await picture(page);

    // A drag is saved as it ends (a save mid-drag would stall a big diagram's frames), so a
    // kill with the mouse button still down brings back the diagram as it was before the drag.
    const moments: Moment[] = [
      [
        'adding two nodes from the palette',
        async (p) => {
          await p.getByRole('button', { name: 'Add channel', exact: true }).click();
          await p.getByRole('button', { name: 'Add enrichment', exact: true }).click();
        },
      ],
      [
        'typing a title, the field still focused',
        async (p) => {
          await card(p, 'Channel (channel)').click();
          await inspector(p).getByLabel('Title').fill('Cold email');
        },
      ],
      [
        'connecting two nodes in the inspector',
        async (p) => {
          await card(p, 'Cold email (channel)').click();
          await inspector(p)
            .getByLabel('Connect to')
            .selectOption({ label: 'Enrichment (Enrichment)' });
          await inspector(p).getByRole('button', { name: 'Connect' }).click();
        },
      ],
      [
        'dragging a node, the mouse button still down',
        async (p) => {
          await dragCard(p, 'Cold email (channel)', 220, { drop: false });
        },
        'before the edit',
      ],
      [
        'dropping a dragged node',
        async (p) => {
          await dragCard(p, 'Cold email (channel)', 160, { drop: true });
        },
      ],
      [
        'renaming the diagram, the field still focused',
        async (p) => {
          await p.getByLabel('Diagram name').fill('Kill test');
        },
      ],
      [
        'deleting a node with its handoff',
        async (p) => {
          await card(p, 'Enrichment (enrichment)').click();
          await p.keyboard.press('Delete');
        },
      ],
    ];

    for (const [moment, edit, keeps = 'kept'] of moments) {
      await edit(page);
      const edited = await picture(page);
      assert.notDeepEqual(edited, last, `the edit (${moment}) changed the diagram`);
      const expected = keeps === 'kept' ? edited : last;
      await page.waitForTimeout(1000);
      await crashTab(context, page);
      page = await openEditor(context, server.url);
      await expectPicture(page, expected).catch((error: unknown) => {
        throw new Error(`Lost work after killing the tab while ${moment}.`, { cause: error });
      });
      last = expected;
    }
    assert.equal(last.nodes.length, 1, 'the last picture holds the one remaining card');
    assert.match(last.nodes[0] ?? '', /^Cold email \(channel\) at /);
    assert.equal(last.name, 'Kill test');
  });

  it('keeps everything shown as "Saved" when the whole browser is SIGKILLed', async () => {
    for (const [round, kind, title] of [
      [1, 'stage', 'Discovery'],
      [2, 'segment', 'Mid-market SaaS'],
      [3, 'crm', 'HubSpot'],
    ] as const) {
      chrome ??= await launchOnProfile(profile);
      const page = await openEditor(chrome.context, server.url, chrome.context.pages()[0]);
      await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
      await inspector(page).getByLabel('Title').fill(title);
      await card(page, `${title} (${kind})`).waitFor();
      await waitForSaved(page);
      const expected = await picture(page);

      await chrome.kill();
      chrome = await launchOnProfile(profile);
      const reopened = await openEditor(chrome.context, server.url, chrome.context.pages()[0]);
      await expectPicture(reopened, expected).catch((error: unknown) => {
        throw new Error(`Lost confirmed work after browser kill ${round}.`, { cause: error });
      });
      await chrome.kill();
      chrome = undefined;
    }
  });
});

/**
 * Background tabs get their timers throttled (Chrome's intensive throttling delays them up to a
 * minute) while BroadcastChannel messages still arrive. This reproduces that in one tab: while
 * `throttled` is set, timers of 250 ms or more wait until it is cleared.
 */
function throttleableTimers(): void {
  const w = window as unknown as { throttled: boolean; unthrottle: () => void };
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  const held = new Map<number, () => void>();
  let nextId = 1e9;
  w.throttled = false;
  window.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
    if (!w.throttled || (ms ?? 0) < 250) return realSet(handler, ms, ...args);
    const id = nextId++;
    held.set(id, () => handler(...(args as [])));
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && held.delete(id)) return;
    realClear(id);
  }) as typeof window.clearTimeout;
  w.unthrottle = () => {
    w.throttled = false;
    for (const run of held.values()) realSet(run, 0);
    held.clear();
  };
}

const throttle = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { throttled: boolean }).throttled = true;
  });
const unthrottle = (page: Page) =>
  page.evaluate(() => (window as unknown as { unthrottle: () => void }).unthrottle());

describe('reliability: two tabs on one diagram', () => {
  let server: Server;
  let browser: Browser;
  let a: Page;
  let b: Page;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: VIEWPORT });
    a = await openEditor(context, server.url);
    await a.getByLabel('Diagram name').fill('Shared plan');
    await a.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(a);
    const tab = await context.newPage();
    await tab.addInitScript(throttleableTimers);
    b = await openEditor(context, server.url, tab);
    await card(b, 'Channel (channel)').waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a change made in the other tab', async () => {
    await a.getByRole('button', { name: 'Add segment', exact: true }).click();
    await waitForSaved(a);
    await card(b, 'Segment (segment)').waitFor({ timeout: 2000 });
    await b
      .getByRole('status')
      .filter({ hasText: 'Updated with changes made in another tab.' })
      .waitFor();
    await expectPicture(b, await picture(a));
  });

  /**
   * B edits in the background, its autosave held back; A edits and saves meanwhile, and B is
   * told. With `release`, B's held autosave then runs and storage refuses it.
   */
  async function editBothAtOnce({ release }: { release: boolean }): Promise<void> {
    await throttle(b);
    await b.getByRole('button', { name: 'Add stage', exact: true }).click();
    await a.getByRole('button', { name: 'Add crm', exact: true }).click();
    await waitForSaved(a);
    await alert(b, 'This diagram was changed in another tab').waitFor();
    if (!release) return;
    await unthrottle(b);
    await saveStatus(b, 'Not saved').waitFor();
    assert.match(
      (await saveStatus(b, 'Not saved').getAttribute('title')) ?? '',
      /changed in another tab/,
    );
  }

  it('refuses to save over newer work: "Save mine as a copy" keeps both versions', async () => {
    // Answered at once, while B's own autosave is still pending.
    await editBothAtOnce({ release: false });
    const mine = await picture(b);
    assert.ok(mine.nodes.some((n) => n.startsWith('Stage (stage)')));
    assert.ok(!mine.nodes.some((n) => n.startsWith('CRM (crm)')), "B has not taken A's edit");

    await b.getByRole('button', { name: 'Save mine as a copy' }).click();
    await alert(b, 'another tab').waitFor({ state: 'detached' });
    await waitForSaved(b);
    await unthrottle(b);
    await b.waitForTimeout(600);
    assert.equal(await alert(b, 'another tab').count(), 0, 'the stale autosave does not come back');
    await expectPicture(b, { ...mine, name: 'Shared plan (copy)' });

    await b.getByRole('button', { name: 'Diagrams' }).click();
    const list = b.getByRole('list', { name: 'Saved diagrams' });
    await list.getByRole('listitem', { name: 'Shared plan (copy)' }).waitFor();
    await list.getByRole('listitem', { name: 'Shared plan', exact: true }).waitFor();
    await b.keyboard.press('Escape');

    // A's version is the one stored under the original, untouched by B.
    const theirs = await picture(a);
    assert.ok(theirs.nodes.some((n) => n.startsWith('CRM (crm)')));
    assert.ok(!theirs.nodes.some((n) => n.startsWith('Stage (stage)')));
    await a.reload();
    await expectPicture(a, theirs);
  });

  it('"Reload" replaces this tab\'s unsaved version with the newer one', async () => {
    await b.getByRole('button', { name: 'Diagrams' }).click();
    await b.getByRole('button', { name: 'Open Shared plan', exact: true }).click();
    await expectPicture(b, await picture(a));

    await editBothAtOnce({ release: true });
    const theirs = await picture(a);
    await b.getByRole('button', { name: 'Reload' }).click();
    await expectPicture(b, theirs);
    assert.equal(await alert(b, 'another tab').count(), 0, 'the conflict notice is gone');
    assert.equal(await saveStatus(b, 'Not saved').count(), 0, 'nothing claims to be unsaved');

    // Both tabs carry on from the same revision: B's next edit saves and reaches A.
    await b.getByRole('button', { name: 'Add scoring', exact: true }).click();
    await waitForSaved(b);
    await card(a, 'Scoring (scoring)').waitFor();
  });
});

describe('reliability: storage faults', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshTab(init?: () => void): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page: await openEditor(context, server.url, page), errors };
  }

  it('sets a saved diagram that no longer reads aside, keeps its bytes, and starts afresh', async () => {
    const { page, errors } = await freshTab();
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);

    const id = String(await readStored(page, 'current'));
    // A write cut short: the start of the file and nothing after.
    const garbage = { text: '{"format":"gtm-blueprint","version":1,"nodes":[{"id":"n_', rev: 9 };
    await writeStored(page, `doc:${id}`, garbage);

    await page.reload();
    await alert(page, 'Your last diagram could not be read, so it was set aside').waitFor();
    await alert(page, 'nothing was deleted').waitFor();

    const key = (await storedKeys(page)).find((k) => k.startsWith(`quarantine:${id}:`));
    const quarantined = { key, value: key === undefined ? null : await readStored(page, key) };
    assert.ok(quarantined.key, 'the unreadable copy is kept under a quarantine key');
    assert.deepEqual(quarantined.value, garbage, 'byte for byte');

    // The fresh diagram works: edits save, and it exports.
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await waitForSaved(page);
    const file = await exportJson(page);
    assert.deepEqual(
      file.nodes.map((n) => n.title),
      ['Stage'],
    );
    assert.deepEqual(errors, []);
  });

  it('lists a diagram that no longer reads apart, under "Could not be read", to download', async () => {
    const { page, errors } = await freshTab();
    await page.getByLabel('Diagram name').fill('Q3 plan');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);
    const id = String(await readStored(page, 'current'));

    const diagrams = page.getByRole('dialog', { name: 'Diagrams' });
    const saved = diagrams.getByRole('list', { name: 'Saved diagrams' });
    const unreadable = diagrams.getByRole('list', { name: 'Diagrams that could not be read' });
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await diagrams.getByRole('button', { name: 'New diagram' }).click();
    await diagrams.waitFor({ state: 'detached' });
    await page.getByLabel('Diagram name').fill('Pipeline review');
    await waitForSaved(page);

    const garbage = '{"format":"gtm-blueprint","version":1,"name":"Q3 plan","nodes":[{"id":"n_';
    await writeStored(page, `doc:${id}`, { text: garbage, rev: 3 });
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    assert.equal(await unreadable.count(), 0, 'nothing is known to be damaged before it is read');
    await diagrams.getByRole('button', { name: 'Open Q3 plan', exact: true }).click();
    await alert(page, 'That diagram could not be read, so it was set aside').waitFor();
    assert.equal(await page.getByLabel('Diagram name').inputValue(), 'Pipeline review');

    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    const item = unreadable.getByRole('listitem', { name: 'Q3 plan' });
    await item.waitFor();
    assert.deepEqual(
      await saved
        .getByRole('listitem')
        .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label'))),
      ['Pipeline review'],
    );
    assert.equal(await item.getByRole('button', { name: /^Open/ }).count(), 0, 'it does not open');
    assert.deepEqual(await seriousViolations(page), [], 'no serious axe violations');
    const download = await waitForDownload(page, () =>
      item.getByRole('button', { name: 'Download the saved copy of Q3 plan' }).click(),
    );
    assert.equal(download.suggestedFilename(), 'q3-plan-unreadable.json');
    assert.equal(await downloadedText(download), garbage, 'the bytes as they were saved');

    // Still set aside, and still listed apart, after a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await item.waitFor();
    assert.equal(await saved.getByRole('listitem').count(), 1);
    assert.deepEqual(errors, []);
  });

  it('says so when storage is full, keeps editing and exporting, and saves once space frees', async () => {
    const { page, errors } = await freshTab(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if ((window as unknown as { quotaFull?: boolean }).quotaFull)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const setFull = (full: boolean) =>
      page.evaluate((value) => {
        (window as unknown as { quotaFull?: boolean }).quotaFull = value;
      }, full);

    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);

    await setFull(true);
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const warning = alert(page, 'The browser storage is full, so changes are not being saved');
    await warning.waitFor();
    await saveStatus(page, 'Not saved').waitFor();
    assert.match(
      (await saveStatus(page, 'Not saved').getAttribute('title')) ?? '',
      /storage is full/,
    );

    // Still an editor: a title change lands, and the export holds everything in memory.
    await inspector(page).getByLabel('Title').fill('Discovery');
    await card(page, 'Discovery (stage)').waitFor();
    const file = await exportJson(page);
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), ['Channel', 'Discovery']);

    // Space frees up: the retry saves without another edit, and the warning goes.
    await saveStatus(page, 'Not saved').waitFor();
    await setFull(false);
    await saveStatus(page, 'Saved').waitFor({ timeout: 15_000 });
    await warning.waitFor({ state: 'detached' });

    // Full again, then freed: the next edit saves at once.
    await setFull(true);
    await page.getByRole('button', { name: 'Add crm', exact: true }).click();
    await warning.waitFor();
    await setFull(false);
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await waitForSaved(page);
    await warning.waitFor({ state: 'detached' });

    const expected = await picture(page);
    await page.reload();
    await expectPicture(page, expected);
    assert.equal(expected.nodes.length, 4);
    assert.deepEqual(errors, []);
  });

  for (const [how, init] of [
    [
      'indexedDB.open throws (Safari-style private mode)',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      },
    ],
    [
      'the open request fails (Firefox-style private mode)',
      () => {
        IDBFactory.prototype.open = function () {
          const request = {
            error: new DOMException(
              'A mutation operation was attempted on a database that did not allow mutations.',
              'InvalidStateError',
            ),
          } as unknown as IDBOpenDBRequest;
          setTimeout(() => request.onerror?.call(request, new Event('error')));
          return request;
        };
      },
    ],
  ] as const) {
    it(`keeps work in the tab when IndexedDB is unavailable: ${how}`, async () => {
      const { page, errors } = await freshTab(init);
      await alert(page, 'so changes are kept in this tab only').waitFor();
      await saveStatus(page, 'Not saved').waitFor();

      await page.getByRole('button', { name: 'Add channel', exact: true }).click();
      await inspector(page).getByLabel('Title').fill('Webinars');
      await card(page, 'Webinars (channel)').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await card(page, 'Channel (channel)').waitFor();
      await page.getByRole('button', { name: 'Redo' }).click();
      await card(page, 'Webinars (channel)').waitFor();
      await saveStatus(page, 'Not saved').waitFor();

      const file = await exportJson(page);
      assert.deepEqual(
        file.nodes.map((n) => n.title),
        ['Webinars'],
      );
      assert.deepEqual(errors, []);
    });
  }
});

describe('reliability: persistent storage', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Replaces the browser's answer, counting how often the app asks. */
  async function openWith(answer: 'granted' | 'denied' | 'missing'): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript((mode) => {
      const w = window as unknown as { persistCalls: number };
      w.persistCalls = 0;
      const proto = StorageManager.prototype as unknown as Record<string, unknown>;
      if (mode === 'missing') {
        delete proto.persist;
        delete proto.persisted;
        return;
      }
      proto.persisted = () => Promise.resolve(false);
      proto.persist = () => {
        w.persistCalls += 1;
        return Promise.resolve(mode === 'granted');
      };
    }, answer);
    return openEditor(context, server.url);
  }

  it('asks once at start and shows "Storage: persistent" when granted', async () => {
    const page = await openWith('granted');
    const badge = page.getByRole('img', { name: 'Storage: persistent' });
    await badge.waitFor();
    assert.match((await badge.getAttribute('title')) ?? '', /keeps your diagrams/);
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);
    assert.equal(
      await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls),
      1,
    );
  });

  for (const answer of ['denied', 'missing'] as const) {
    it(`warns that storage may be cleared when the browser says no (${answer})`, async () => {
      const page = await openWith(answer);
      const badge = page.getByRole('img', { name: 'Storage: may be cleared by the browser' });
      await badge.waitFor();
      assert.match((await badge.getAttribute('title')) ?? '', /Export the ones you need to keep/);
      assert.equal(await page.getByRole('img', { name: 'Storage: persistent' }).count(), 0);
    });
  }
});

describe('reliability: a part that fails to draw', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    page = await openEditor(context, server.url);
    await page.getByLabel('Diagram name').fill('Boundary test');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await inspector(page).getByLabel('Title').fill('Webinars');
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await inspector(page).getByLabel('Title').fill('Discovery');
    await inspector(page).getByLabel('Connect to').selectOption({ label: 'Webinars (Channel)' });
    await inspector(page).getByRole('button', { name: 'Connect' }).click();
    await waitForSaved(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The boundary's documented test hook: the named part throws while it renders. */
  async function crashOnReload(part: string | null): Promise<void> {
    await page.evaluate((name) => {
      if (name === null) localStorage.removeItem('gtm-blueprint:crash-test');
      else localStorage.setItem('gtm-blueprint:crash-test', name);
    }, part);
    await page.reload();
    await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
  }

  it('a failing side panel shows a way out; the canvas, palette and other tabs still work', async () => {
    await crashOnReload('forecast');
    await card(page, 'Webinars (channel)').waitFor();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const failed = alert(page, 'This panel failed to draw.');
    await failed.waitFor();
    await failed.getByText('The Forecast panel hit an error').waitFor();

    const download = await waitForDownload(page, () =>
      failed.getByRole('button', { name: 'Download diagram as JSON' }).click(),
    );
    assert.equal(download.suggestedFilename(), 'boundary-test.json');
    const file = JSON.parse(await downloadedText(download)) as {
      nodes: { title: string }[];
      edges: unknown[];
    };
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), ['Discovery', 'Webinars']);
    assert.equal(file.edges.length, 1);

    // The rest of the editor carries on.
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await card(page, 'Segment (segment)').waitFor();
    await waitForSaved(page);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await inspector(page).getByLabel('Title').waitFor();
    assert.equal(await failed.count(), 0, 'another tab draws normally');

    // Fixed (the hook cleared): "Try again" draws the panel.
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await failed.waitFor();
    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await failed.getByRole('button', { name: 'Try again' }).click();
    await failed.waitFor({ state: 'detached' });
    assert.ok(await page.getByRole('tabpanel').isVisible());
  });

  it('a failing canvas leaves the diagram, the side panel and export working', async () => {
    await crashOnReload('canvas');
    const failed = alert(page, 'This panel failed to draw.');
    await failed.getByText('The canvas hit an error').waitFor();
    await page.getByRole('tab', { name: 'Problems' }).click();
    await page.getByRole('tabpanel').waitFor();
    await page.getByRole('button', { name: 'Add crm', exact: true }).click();
    await waitForSaved(page);
    const file = await exportJson(page);
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), [
      'CRM',
      'Discovery',
      'Segment',
      'Webinars',
    ]);

    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await failed.getByRole('button', { name: 'Try again' }).click();
    await card(page, 'CRM (crm)').waitFor();
    assert.equal(await failed.count(), 0);
  });

  it('a failing card draws as a small error; the other cards and the handoff stay', async () => {
    await crashOnReload('card:Webinars');
    const broken = card(page, 'Webinars (channel)');
    await broken.getByRole('alert').filter({ hasText: 'This card failed to draw.' }).waitFor();
    await card(page, 'Discovery (stage)').getByText('Discovery', { exact: true }).waitFor();
    await page
      .getByRole('group', {
        name: /handoff from Webinars to Discovery|handoff from Discovery to Webinars/,
      })
      .waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await waitForSaved(page);

    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await broken.getByRole('button', { name: 'Try again' }).click();
    await broken.getByText('Webinars', { exact: true }).waitFor();
    assert.equal(await page.getByText('This card failed to draw.').count(), 0);
    await crashOnReload(null);
  });
});

describe('reliability: runs under the strict CSP', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('breaks no rule of the policy while loading, editing, auditing, forecasting and exporting', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openEditor(context, server.url, page);
    const violations = () =>
      page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);

    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /^Product-led/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
    await page
      .getByRole('group', { name: /\(stage\)$/ })
      .first()
      .click();
    await inspector(page).getByLabel('Title').waitFor();
    for (const tab of ['Problems', 'Forecast', 'Inspector']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.getByRole('tabpanel').waitFor();
    }
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Diagrams' }).click();
    await page.keyboard.press('Escape');
    for (const format of ['SVG', 'PNG', 'JSON']) {
      const download = await waitForDownload(page, async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: format, exact: true }).click();
      });
      assert.ok((await downloadedText(download)).length > 0, `${format} export has content`);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);

    // The collector works and the policy is enforced: an inline script is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
    );
    assert.equal(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
      undefined,
    );
    assert.match((await violations())[0] ?? '', /^script-src/);
  });
});
