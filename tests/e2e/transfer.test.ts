import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parseDiagramFile } from '../../src/io/parse-file';
import {
  DIAGRAM_TEXT_KEYWORD,
  readChunks,
  readPngSize,
  readTextChunk,
} from '../../src/io/png-chunks';
import { serializeDiagram } from '../../src/io/serialize';
import { encodeShareLink } from '../../src/io/share-link';
import type { Diagram } from '../../src/model/schema';
import { createSyntheticDiagram } from '../../src/testing/synthetic';
import { openApp, settle, waitForSaved, type Session } from './harness';

interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
  readonly text: string;
  readonly path: string;
}

let scratch = '';

async function exportAs(page: Page, item: string): Promise<Downloaded> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const file = await download;
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  const bytes = await readFile(path);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8'), path };
}

/** The open diagram as the app would save it, read through the JSON export. */
async function currentDiagram(page: Page): Promise<Diagram> {
  const parsed = parseDiagramFile((await exportAs(page, 'JSON')).text);
  assert.ok(parsed.ok, 'the JSON export passes the parse gate');
  return parsed.diagram;
}

async function importThroughButton(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}

/** Drops a file on the canvas the way the browser does: dragover, then drop with the file. */
async function dropOnCanvas(page: Page, bytes: Buffer, name: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { base64: bytes.toString('base64'), name, type },
  );
  const canvas = page.getByRole('region', { name: 'Diagram canvas' });
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
}

/** Opens the mid-market template and waits until it is drawn and saved. */
async function openTemplate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^Mid-market sales-led/ }).click();
  await page
    .getByRole('group', { name: /\(stage\)$/ })
    .first()
    .waitFor();
  await waitForSaved(page);
}

async function savedDiagramNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
  const list = page.getByRole('list', { name: 'Saved diagrams' });
  await list.waitFor();
  const names = await list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  await page
    .getByRole('dialog', { name: 'Diagrams' })
    .getByRole('button', { name: 'Close' })
    .click();
  return names.sort();
}

/** Reloads a tab showing a diagram with stages, then lists the saved diagrams. */
async function namesAfterReload(page: Page): Promise<string[]> {
  await page.reload();
  await page
    .getByRole('group', { name: /\(stage\)$/ })
    .first()
    .waitFor();
  await settle(page);
  return savedDiagramNames(page);
}

async function nodeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__node').count();
}

async function assertAccessible(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

function noticeNaming(page: Page, text: string | RegExp) {
  return page.getByRole('status').filter({ hasText: text });
}

/** What the structure of an SVG holds, from the browser's own XML parser. */
async function inspectSvg(page: Page, svg: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const elements = [...doc.querySelectorAll('*')];
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      names: [...new Set(elements.map((e) => e.localName))],
      badAttributes: elements.flatMap((e) =>
        [...e.attributes]
          .filter(
            (a) =>
              /^on/i.test(a.name) || /href$/i.test(a.name) || /javascript:|<|data:/i.test(a.value),
          )
          .map((a) => `${e.localName}@${a.name}=${a.value}`),
      ),
      circles: doc.querySelectorAll('circle').length,
    };
  }, svg);
}

describe('transfer: export, import and share links', () => {
  let session: Session;
  let page: Page;
  const browserDialogs: string[] = [];
  let template: Diagram;

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gtm-transfer-'));
    session = await openApp();
    page = session.page;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(session.url).origin,
    });
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openTemplate(page);
  });

  after(async () => {
    await session?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('exports JSON with $schema, pretty-printed, named after the diagram', async () => {
    const file = await exportAs(page, 'JSON');
    assert.equal(file.name, 'mid-market-sales-led-gtm.json');
    assert.match(file.text, /^\{\n {2}"\$schema": "\/schema\/gtm-blueprint-v2\.schema\.json",\n/);
    const parsed = parseDiagramFile(file.text);
    assert.ok(parsed.ok);
    template = parsed.diagram;
    assert.equal(template.nodes.length, await nodeCount(page));
  });

  it('exports an SVG that parses as XML, with real text and no foreignObject', async () => {
    const file = await exportAs(page, 'SVG');
    assert.equal(file.name, 'mid-market-sales-led-gtm.svg');
    const svg = await inspectSvg(page, file.text);
    assert.equal(svg.parseError, null);
    assert.equal(svg.root, 'svg');
    assert.ok(!svg.names.includes('foreignObject'));
    assert.ok(svg.texts.includes('Sales motion'), 'band labels are text');
    const stage = template.nodes.find((node) => node.kind === 'stage');
    assert.ok(stage && svg.texts.some((text) => text.includes(stage.title)));
    assert.equal(svg.circles, 0, 'no audit badges unless asked for');
  });

  it('exports a 2× PNG of the whole diagram that carries the diagram', async () => {
    const svgFile = (await exportAs(page, 'SVG')).text;
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svgFile) ?? [];
    const png = await exportAs(page, 'PNG');
    assert.equal(png.name, 'mid-market-sales-led-gtm.png');
    const bytes = new Uint8Array(png.bytes);
    assert.deepEqual(readPngSize(bytes), { width: Number(width) * 2, height: Number(height) * 2 });
    const chunk = readTextChunk(bytes, DIAGRAM_TEXT_KEYWORD);
    assert.ok(chunk.ok, 'the PNG carries its diagram');
    const inside = parseDiagramFile(chunk.text);
    assert.ok(inside.ok);
    assert.deepEqual(inside.diagram.nodes, template.nodes);
    // The picture really decodes, at the size IHDR says.
    const decoded = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      return { width: bitmap.width, height: bitmap.height };
    }, png.bytes.toString('base64'));
    assert.deepEqual(decoded, readPngSize(bytes));
  });

  it('exports Mermaid: a flowchart with one subgraph per layer present', async () => {
    const file = await exportAs(page, 'Mermaid');
    assert.equal(file.name, 'mid-market-sales-led-gtm.mmd');
    assert.match(file.text, /^flowchart /);
    const subgraphs = file.text.split('\n').filter((line) => /^\s*subgraph /.test(line));
    assert.equal(subgraphs.length, 5, 'the template fills all five layers');
    assert.equal(file.text.match(/^\s*end$/gm)?.length, 5);
  });

  it('exports the audit report as Markdown with audit and forecast', async () => {
    const file = await exportAs(page, 'Audit report');
    assert.equal(file.name, 'mid-market-sales-led-gtm.md');
    assert.match(file.text, /^# Mid-market sales-led GTM\n/);
    for (const heading of ['## Summary', '## Audit', '## Forecast', '## Metrics', '## Inventory']) {
      assert.ok(file.text.includes(`\n${heading}\n`), heading);
    }
    assert.match(file.text, /- Audit: (no findings|\d+ findings? \()/);
  });

  it('exports by keyboard alone', async () => {
    await page.getByRole('button', { name: 'Export' }).focus();
    await page.keyboard.press('Enter');
    await assert.doesNotReject(
      page
        .getByRole('menuitem', { name: 'SVG', exact: true })
        .and(page.locator(':focus'))
        .waitFor(),
    );
    await assertAccessible(page, '[role="menu"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.equal((await download).suggestedFilename(), 'mid-market-sales-led-gtm.json');
  });

  it('re-imports the exported JSON as a new diagram with the same nodes and edges', async () => {
    const json = await exportAs(page, 'JSON');
    const before = await savedDiagramNames(page);
    await importThroughButton(page, json.path);
    // A second copy of a diagram the library holds gets a name of its own (issue 16).
    await noticeNaming(
      page,
      '“Mid-market sales-led GTM (2)” opened as a new diagram from',
    ).waitFor();
    await waitForSaved(page);
    const after = await savedDiagramNames(page);
    assert.equal(after.length, before.length + 1, 'a new entry, the old one kept');
    const reopened = await currentDiagram(page);
    assert.deepEqual(reopened.nodes, template.nodes);
    assert.deepEqual(reopened.edges, template.edges);
  });

  it('re-opens an exported PNG dropped on the canvas', async () => {
    const png = await exportAs(page, 'PNG');
    const before = await savedDiagramNames(page);
    await dropOnCanvas(page, png.bytes, png.name, 'image/png');
    // The open diagram is the re-imported copy, so the PNG is named after "… (2)".
    await noticeNaming(
      page,
      'opened as a new diagram from “mid-market-sales-led-gtm-2.png”',
    ).waitFor();
    await waitForSaved(page);
    assert.equal((await savedDiagramNames(page)).length, before.length + 1);
    assert.deepEqual((await currentDiagram(page)).nodes, template.nodes);
  });

  it('copies a share link that re-opens the same diagram, once', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Copy share link' }).click();
    await noticeNaming(page, 'Share link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${session.url}#d=`), link.slice(0, 60));

    const other = await session.context.newPage();
    const errors: string[] = [];
    other.on('pageerror', (error) => errors.push(error.message));
    try {
      await other.goto(link);
      await noticeNaming(other, 'opened as a new diagram from a shared link').waitFor();
      await waitForSaved(other);
      assert.ok(!other.url().includes('#'), 'the fragment is cleared');
      const opened = await currentDiagram(other);
      assert.deepEqual(opened.nodes, template.nodes);
      assert.deepEqual(opened.edges, template.edges);
      const count = (await savedDiagramNames(other)).length;
      assert.equal((await namesAfterReload(other)).length, count, 'a reload imports nothing');
      assert.deepEqual(errors, []);
    } finally {
      await other.close();
    }
  });

  it('opens a share link on a first visit with only the shared diagram under Diagrams', async () => {
    const parsed = parseDiagramFile(await readFile('tests/fixtures/audit-clean.json', 'utf8'));
    assert.ok(parsed.ok);
    const { name } = parsed.diagram;
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const visitor = await context.newPage();
      visitor.setDefaultTimeout(8000);
      await visitor.goto(encodeShareLink(parsed.diagram, session.url));
      const notice = noticeNaming(visitor, 'opened as a new diagram from a shared link');
      await notice.waitFor();
      assert.doesNotMatch((await notice.textContent()) ?? '', /previous diagram/);
      await waitForSaved(visitor);
      assert.equal(await visitor.getByLabel('Diagram name').inputValue(), name);
      assert.deepEqual(await savedDiagramNames(visitor), [name], 'no empty "Untitled diagram"');

      assert.deepEqual(await namesAfterReload(visitor), [name]);
    } finally {
      await context.close();
    }
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    // A string, not a function: the test runner's transpiler would wrap a function in helpers
    // that do not exist in the page.
    await page.evaluate(
      `Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) })`,
    );
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Copy share link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy the share link' });
    await dialog.waitFor();
    try {
      await assertAccessible(page, 'dialog[open]');
      const field = dialog.getByRole('textbox', { name: 'Share link' });
      assert.ok(await field.evaluate((input) => input === document.activeElement), 'focused');
      assert.ok(
        await field.evaluate(
          (input: HTMLInputElement) => input.selectionEnd === input.value.length,
        ),
        'selected, ready to copy',
      );
      assert.equal(await field.getAttribute('readonly'), '');
      assert.ok((await field.inputValue()).startsWith(`${session.url}#d=`));
    } finally {
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.evaluate('delete navigator.clipboard.writeText');
  });

  describe('refusals leave the open diagram and the library as they were', () => {
    async function snapshot() {
      return {
        diagram: await currentDiagram(page),
        nodes: await nodeCount(page),
        saved: await savedDiagramNames(page),
      };
    }

    async function expectRefusal(title: RegExp, ...expected: RegExp[]) {
      const dialog = page.getByRole('alertdialog', { name: title });
      await dialog.waitFor();
      try {
        const problems = dialog.getByRole('list', { name: 'Problems found' });
        const text = (await problems.innerText()).replace(/\s+/g, ' ');
        for (const pattern of expected) assert.match(text, pattern);
        assert.match(await dialog.innerText(), /Your current diagram has not changed\./);
        await assertAccessible(page, 'dialog[open]');
      } finally {
        await dialog.getByRole('button', { name: 'OK' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    }

    it('lists each problem of a malformed file with its place in plain words', async () => {
      const before = await snapshot();
      const path = join(scratch, 'broken.json');
      const broken = JSON.parse(serializeDiagram(template)) as {
        nodes: Record<string, unknown>[];
        edges: Record<string, unknown>[];
      };
      broken.nodes[3] = { ...broken.nodes[3], kind: 'wizard' };
      broken.edges[0] = { ...broken.edges[0], kind: 'teleport' };
      await writeFile(path, JSON.stringify(broken));
      await importThroughButton(page, path);
      await expectRefusal(
        /^This file can't be opened$/,
        /Node 4 › kind nodes\[3\]\.kind This node's "kind" is not one GTM Blueprint knows/,
        /Edge 1 › kind edges\[0\]\.kind "kind" must be one of: handoff, dataflow, feedback\./,
      );
      assert.deepEqual(await snapshot(), before);
    });

    it('refuses a newer format version, a PNG without a diagram, and a file over 5 MB', async () => {
      const before = await snapshot();
      const newer = join(scratch, 'newer.json');
      await writeFile(newer, JSON.stringify({ ...template, version: 99 }));
      await importThroughButton(page, newer);
      await expectRefusal(/can't be opened/, /made by a newer GTM Blueprint \(format version 99/);

      const screenshot = await page.screenshot();
      await dropOnCanvas(page, screenshot, 'screenshot.png', 'image/png');
      await expectRefusal(/can't be opened/, /This PNG picture holds no GTM Blueprint diagram/);

      const huge = join(scratch, 'huge.json');
      await writeFile(huge, `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`);
      await importThroughButton(page, huge);
      await expectRefusal(/can't be opened/, /The file is 6\.00 MB, over the 5\.00 MB/);

      await importThroughButton(page, 'tests/fixtures/hostile-proto.json');
      await expectRefusal(/can't be opened/, /"__proto__" is not allowed/);
      assert.deepEqual(await snapshot(), before);
    });

    it('refuses a damaged share link and a link bomb without importing anything', async () => {
      const before = await snapshot();
      await page.goto(`${session.url}#d=N4Ig-this-is-not-a-diagram`);
      await expectRefusal(/^This link can't be opened$/, /The link .*damaged or incomplete/);
      assert.ok(!page.url().includes('#d='));

      const bomb = JSON.parse(await readFile('tests/fixtures/hostile-share-bomb.json', 'utf8')) as {
        fragment: string;
      };
      await page.goto(`${session.url}${bomb.fragment}`);
      await expectRefusal(/^This link can't be opened$/, /more than 5 MB/);
      assert.deepEqual(await snapshot(), before);
    });
  });

  it('keeps hostile labels inert on the canvas and in every export', async () => {
    const hostile = parseDiagramFile(await readFile('tests/fixtures/hostile-strings.json', 'utf8'));
    assert.ok(hostile.ok);
    const diagram: Diagram = {
      ...hostile.diagram,
      nodes: [
        ...hostile.diagram.nodes,
        {
          id: 'img',
          kind: 'tool',
          title: '<img src=x onerror=alert(1)>',
          position: { x: 600, y: 1096 },
          data: { notes: '<svg onload=alert(1)><script>alert(1)</script></svg>' },
        },
      ],
    };
    const path = join(scratch, 'hostile.json');
    await writeFile(path, serializeDiagram(diagram));
    const scripts = await page.locator('script').count();
    await importThroughButton(page, path);
    await noticeNaming(page, 'opened as a new diagram').waitFor();
    for (const title of [
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
    ]) {
      await page.getByText(title, { exact: true }).first().waitFor();
    }
    await page.getByText('"]; click n0 call alert(1) %%', { exact: true }).first().waitFor();
    assert.equal(await page.locator('script').count(), scripts, 'no script element was added');
    assert.equal(await page.locator('img[src="x"], iframe, foreignObject').count(), 0);

    const svg = await inspectSvg(page, (await exportAs(page, 'SVG')).text);
    assert.equal(svg.parseError, null);
    assert.deepEqual(
      svg.names.filter((name) => ['script', 'foreignObject', 'iframe', 'img'].includes(name)),
      [],
    );
    assert.deepEqual(svg.badAttributes, []);
    assert.ok(svg.texts.includes('<script>alert(1)</script>'), 'the title shows as text');

    const mermaid = (await exportAs(page, 'Mermaid')).text;
    assert.ok(!/[<>]/.test(mermaid.replace(/-->|-\.->|==>/g, '')), 'no raw angle brackets');
    assert.ok(!mermaid.split('\n').some((line) => /^\s*(click|%%)/.test(line)));

    const report = (await exportAs(page, 'Audit report')).text;
    // Markdown shows a backslash-escaped "<" as text: only an unescaped one could start a tag.
    assert.ok(!/(^|[^\\])<(script|img|svg|iframe)/im.test(report), 'no tag reaches Markdown');
    assert.ok(!/(^|[^\\])\]\(javascript:/im.test(report), 'no javascript: link');
    assert.ok(report.includes('\\<script\\>'), 'the title is kept, escaped');

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Copy share link' }).click();
    await noticeNaming(page, 'Share link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#d=[A-Za-z0-9+\-$]+$/, 'the fragment is URL-safe text only');
    await page.goto(link);
    await noticeNaming(page, 'opened as a new diagram from a shared link').waitFor();
    await page.getByText('<img src=x onerror=alert(1)>', { exact: true }).first().waitFor();

    assert.deepEqual(browserDialogs, [], 'no alert, confirm or prompt ever opened');
  });

  it('adds audit badges to pictures when the toggle is on', async () => {
    await importThroughButton(page, 'tests/fixtures/audit-broken.json');
    await noticeNaming(page, 'opened as a new diagram').waitFor();
    assert.equal((await inspectSvg(page, (await exportAs(page, 'SVG')).text)).circles, 0);
    await page.getByRole('button', { name: 'Export' }).click();
    const toggle = page.getByRole('menuitemcheckbox', { name: 'Include audit badges' });
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await toggle.click();
    const svg = await inspectSvg(page, (await exportAs(page, 'SVG')).text);
    assert.ok(svg.circles > 0, 'nodes with findings carry a badge');
    await page.getByRole('button', { name: 'Export' }).click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    await toggle.click();
  });

  it('scales a very large diagram down to the image limit, and warns of a long link', async () => {
    const path = join(scratch, 'synthetic.json');
    await writeFile(path, serializeDiagram(createSyntheticDiagram(400)));
    await importThroughButton(page, path);
    await noticeNaming(page, '“Synthetic 400 nodes” opened').waitFor();
    const png = await exportAs(page, 'PNG');
    const size = readPngSize(new Uint8Array(png.bytes));
    assert.ok(size && size.width <= 16_384 && size.height <= 16_384, JSON.stringify(size));
    assert.ok(size.width > 8_000, 'still the whole diagram at a readable size');
    await noticeNaming(
      page,
      /Large diagram: exported at 0\.\d+× to fit the browser's image limit\./,
    )
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Copy share link' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Share link copied.' });
    await warning.waitFor();
    assert.match(
      await warning.innerText(),
      /The link is [\d,]+ characters long; some chat tools cut links over 32,000 characters\. Share the file instead\./,
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.length > 32_000);
    assert.deepEqual(session.errors, []);
  });
});

describe('transfer: PNG export without its worker', () => {
  it('encodes on the page when the worker cannot load, to the same picture', async () => {
    const session = await openApp();
    const dir = await mkdtemp(join(tmpdir(), 'gtm-transfer-worker-'));
    try {
      const { context, page } = session;
      scratch = dir;
      let blocked = 0;
      await context.route(/\/png-worker-[^/]*\.js$/, (route) => {
        blocked++;
        return route.abort();
      });
      await openTemplate(page);
      const onPage = new Uint8Array((await exportAs(page, 'PNG')).bytes);
      assert.ok(blocked > 0, 'the worker was asked for and refused');
      assert.equal(page.workers().length, 0);
      const chunk = readTextChunk(onPage, DIAGRAM_TEXT_KEYWORD);
      assert.ok(chunk.ok && parseDiagramFile(chunk.text).ok, 'the PNG carries its diagram');

      // The same diagram after a reload, this time through the worker.
      await context.unrouteAll();
      await page.reload();
      await page
        .getByRole('group', { name: /\(stage\)$/ })
        .first()
        .waitFor();
      const inWorker = new Uint8Array((await exportAs(page, 'PNG')).bytes);
      assert.equal(page.workers().length, 1);
      assert.deepEqual(readPngSize(inWorker), readPngSize(onPage));
      // The same pixels either way (the diagram's JSON may list its keys in another order).
      const pixels = (png: Uint8Array) =>
        Buffer.concat(
          readChunks(png)!
            .filter((c) => c.type === 'IHDR' || c.type === 'IDAT')
            .map((c) => c.data),
        );
      assert.ok(pixels(inWorker).equals(pixels(onPage)), 'the same picture either way');
    } finally {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
