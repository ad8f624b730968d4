import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { inspector, openApp, screenshotDir, settle, waitForValue, type Session } from './harness';

const card = (page: Page, name: string) => page.getByRole('group', { name });
const history = (page: Page) => page.getByRole('region', { name: 'History' });
const comments = (page: Page) => page.getByRole('region', { name: 'Comments' });
const versions = (page: Page) => history(page).getByRole('list', { name: 'Versions' });
const today = () => new Date().toISOString().slice(0, 10);

/** Serious or critical axe violations inside the given parts of the page (ours: the panels, the markers). */
async function violationsIn(page: Page, ...selectors: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);
  for (const selector of selectors) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} at ${node.target.join(' ')}: ${v.help}`));
}

async function waitForFocus(locator: Locator): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 50; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${String(locator)} never took focus`);
}

async function waitForCount(count: () => Promise<number>, expected: number): Promise<void> {
  for (let i = 0; i < 50 && (await count()) !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(await count(), expected);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `reviews-${name}.png`) });
}

describe('quarterly reviews: versions, compare and comments', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
    const { page } = session;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /Mid-market sales-led/ }).click();
    await card(page, 'MQL (stage)').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  it('saves a named version with a note and lists it with its counts', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'History' }).click();
    const panel = history(page);
    await panel.getByRole('textbox', { name: 'Version name' }).fill('Before QBR');
    await panel.getByRole('textbox', { name: 'Note (optional)' }).fill('As presented in October');
    await panel.getByRole('button', { name: 'Save version' }).click();
    await panel.getByRole('status').getByText('Saved version “Before QBR”.').waitFor();
    const item = versions(page).getByRole('listitem', { name: 'Before QBR' });
    await item.getByText('As presented in October').waitFor();
    await item.getByText(/^\d+ cards · \d+ findings?$/).waitFor();
    await item.getByText(/^Saved · /).waitFor();
  });

  it('marks the diagram as reviewed with a version named for the date', async () => {
    const { page } = session;
    const panel = history(page);
    await panel.getByRole('button', { name: 'Mark as reviewed' }).click();
    await panel.getByRole('status').getByText(`Marked as reviewed on ${today()}.`).waitFor();
    await versions(page)
      .getByRole('listitem', { name: `Review ${today()}` })
      .waitFor();
    await panel.getByText(`Last reviewed ${today()}.`).waitFor();
  });

  it('flags a metric that moved more than 15% since the review, naming both values and the date', async () => {
    const { page } = session;
    await card(page, 'Opportunity (stage)').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const value = inspector(page).getByLabel('Conversion value (%)');
    const before = Number(await value.inputValue());
    await value.fill(String(Math.round(before * 1.5)));
    await value.press('Tab');
    await page.getByRole('tab', { name: /^Problems/ }).click();
    const drift = page
      .getByRole('region', { name: 'Problems' })
      .getByRole('listitem')
      .filter({ hasText: 'metric-drift' });
    await drift
      .getByText(
        new RegExp(
          `^Drift on “Opportunity”: Conversion moved up \\d+(\\.\\d)?% since the review of ${today()}, from ${before}% to ${Math.round(before * 1.5)}%\\.$`,
        ),
      )
      .waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+z');
    await drift.waitFor({ state: 'detached' });
  });

  it('restores a version as one undoable change', async () => {
    const { page } = session;
    await card(page, 'MQL (stage)').click();
    await page.keyboard.press('Delete');
    await card(page, 'MQL (stage)').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'History' }).click();
    await versions(page).getByRole('button', { name: 'Restore “Before QBR”' }).click();
    await card(page, 'MQL (stage)').waitFor();
    await history(page)
      .getByRole('status')
      .getByText(/^Restored “Before QBR”/)
      .waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+z');
    await card(page, 'MQL (stage)').waitFor({ state: 'detached' });
  });

  it('compares with a version: removed card faded on the canvas, changes listed by role', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'History' }).click();
    await versions(page).getByRole('button', { name: 'Compare with “Before QBR”' }).click();
    const comparison = history(page).getByRole('region', { name: 'Comparison' });
    await comparison.getByRole('heading', { name: 'Compared with “Before QBR”' }).waitFor();
    const changes = comparison.getByRole('list', { name: 'Changes' });
    await changes.getByRole('listitem').filter({ hasText: 'Removed Stage “MQL”' }).waitFor();
    await changes.getByText(/^Diagram last reviewed: /).waitFor();
    await comparison
      .getByRole('heading', { name: /^Audit: \d+ fixed, \d+ new, \d+ unchanged$/ })
      .waitFor();
    await comparison.getByText(/^New ARR per month: .+ then, .+ now$/).waitFor();
    assert.equal(await page.locator('[data-compare-removed="stage-mql"]').count(), 1);
    await shot(page, 'compare');
    assert.deepEqual(await violationsIn(page, '[aria-label="History"]'), []);
    await comparison.getByRole('button', { name: 'Close comparison' }).click();
    assert.equal(await page.locator('[data-compare-removed]').count(), 0);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await card(page, 'MQL (stage)').waitFor();
  });

  it('writes, replies to, resolves and filters comment threads, with a marker on the card', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Comments' }).click();
    const panel = comments(page);
    await panel.getByRole('textbox', { name: 'Your name, shown with your comments' }).fill('Ana');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await panel.getByText('Commenting as').waitFor();

    await card(page, 'SQL (stage)').click();
    await page.getByRole('tab', { name: 'Comments' }).click();
    await panel.getByRole('combobox', { name: 'About' }).selectOption({ label: 'Stage “SQL”' });
    await panel.getByRole('textbox', { name: 'Comment' }).fill('<b>Who</b> owns the SQL handoff?');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    const thread = panel.getByRole('listitem', { name: /^Thread on Stage “SQL”/ });
    // Plain text: the markup shows as typed, never as bold.
    await thread.getByText('<b>Who</b> owns the SQL handoff?').waitFor();
    assert.equal(await thread.locator('b').count(), 0);
    await page.getByRole('button', { name: '1 open comment thread on “SQL”' }).waitFor();

    await thread.getByRole('textbox', { name: 'Reply' }).fill('The SDR lead, from Q1.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread.getByText('The SDR lead, from Q1.').waitFor();
    await thread.getByRole('button', { name: /^Edit your comment “The SDR lead/ }).click();
    await thread.getByRole('textbox', { name: 'Edit comment' }).fill('The SDR team lead, from Q1.');
    await thread.getByRole('button', { name: 'Save edit' }).click();
    await thread.getByText('The SDR team lead, from Q1.').waitFor();
    await thread.getByText(/· edited$/).waitFor();
    await shot(page, 'comments');

    await thread.getByRole('button', { name: 'Resolve' }).click();
    await thread.getByText('Resolved', { exact: true }).waitFor();
    await page.getByRole('button', { name: /open comment thread/ }).waitFor({ state: 'detached' });
    await panel.getByRole('checkbox', { name: 'Open only' }).check();
    await panel.getByText('No open threads.').waitFor();
    await panel.getByRole('checkbox', { name: 'Open only' }).uncheck();
    await thread.getByRole('button', { name: 'Reopen' }).click();
    await thread.getByText('Open', { exact: true }).waitFor();
    await settle(page);
    assert.deepEqual(
      await violationsIn(page, '[aria-label="Comments"]', '[aria-label^="1 open comment"]'),
      [],
    );
    assert.deepEqual(session.errors, []);
  });
  it('starts a thread on a finding from the Problems panel, then goes back to it', async () => {
    const { page } = session;
    await card(page, 'Opportunity (stage)').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const value = inspector(page).getByLabel('Conversion value (%)');
    await value.fill(String(Math.round(Number(await value.inputValue()) * 1.5)));
    await value.press('Tab');
    await page.getByRole('tab', { name: /^Problems/ }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    // By keyboard: focus the row's button and press Enter.
    const start = problems.getByRole('button', {
      name: 'Comment on finding metric-drift on Stage “Opportunity”',
    });
    await start.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Comments', selected: true }).waitFor();
    const panel = comments(page);
    const text = panel.getByRole('textbox', { name: 'Comment' });
    await waitForFocus(text);
    assert.equal(
      await panel.getByRole('combobox', { name: 'About' }).locator('option:checked').textContent(),
      'Finding metric-drift on Stage “Opportunity”',
    );
    await page.keyboard.type('Is the new rate real or one big deal?');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    const thread = panel.getByRole('listitem', {
      name: /^Thread on Finding metric-drift on Stage “Opportunity”: Is the new rate real/,
    });
    await thread.waitFor();
    await page.getByRole('button', { name: '1 open comment thread on “Opportunity”' }).waitFor();

    await page.getByRole('tab', { name: /^Problems/ }).click();
    const goTo = problems.getByRole('button', {
      name: 'Go to the open comment thread on finding metric-drift on Stage “Opportunity”',
    });
    assert.equal(await goTo.textContent(), '1 open thread');
    await shot(page, 'finding-comment');
    await goTo.click();
    await page.getByRole('tab', { name: 'Comments', selected: true }).waitFor();
    await waitForFocus(thread);
    // Still one thread: going to it does not start another.
    assert.equal(await panel.getByRole('listitem', { name: /^Thread on Finding/ }).count(), 1);
    assert.deepEqual(await violationsIn(page, '[aria-label="Comments"]'), []);

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+z');
    await thread.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /open comment thread on “Opportunity”/ })
      .waitFor({ state: 'detached' });
    await page.keyboard.press('ControlOrMeta+z');
    assert.deepEqual(session.errors, []);
  });

  it('saves a version with Ctrl+S, and lists Save version and Mark as reviewed as commands', async () => {
    const { page } = session;
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+s');
    const notice = page.getByRole('status').getByText(/^Saved version “(.+)”; History lists it\.$/);
    await notice.waitFor();
    const name = /“(.+)”/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    await page.getByRole('tab', { name: 'History' }).click();
    await versions(page).getByRole('listitem', { name }).first().waitFor();

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const group = dialog.getByRole('region', { name: 'History' });
    await group.getByText('Save version').waitFor();
    assert.equal(await group.getByText('Ctrl+S', { exact: true }).count(), 1);
    await group.getByText('Mark as reviewed').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('runs Save version and Mark as reviewed from the command palette', async () => {
    const { page } = session;
    const count = () => versions(page).getByRole('listitem').count();
    await page.getByRole('tab', { name: 'History' }).click();
    const before = await count();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    const find = palette.getByRole('combobox', { name: 'Find a command' });
    await waitForFocus(find);
    // The History group by keyboard: Undo, Redo, Save version, Mark as reviewed.
    await page.keyboard.type('history');
    const options = palette.getByRole('option');
    assert.deepEqual(
      (await options.allTextContents()).map((t) => t.replace(/History.*$/, '')),
      ['Undo', 'Redo', 'Save version', 'Mark as reviewed'],
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await palette.getByRole('option', { name: /^Save version/, selected: true }).waitFor();
    await shot(page, 'command-palette');
    assert.deepEqual(await violationsIn(page, 'dialog[open]'), []);
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .getByText(/^Saved version “.+”; History lists it\.$/)
      .waitFor();
    await waitForCount(count, before + 1);

    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.type('mark rev');
    await palette.getByRole('option', { name: /^Mark as reviewed/ }).click();
    await page
      .getByRole('status')
      .getByText(`Marked as reviewed on ${today()}; History keeps the version.`)
      .waitFor();
    await waitForCount(count, before + 2);
    assert.equal(
      await versions(page)
        .getByRole('listitem', { name: `Review ${today()}` })
        .count(),
      2,
    );
    await history(page).getByText(`Last reviewed ${today()}.`).waitFor();
  });

  it('fits the six side-panel tabs on one row at 1280 and 1440 px, icons alone at 1024', async () => {
    const { page } = session;
    const tabs = page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab');
    const rows = () =>
      tabs.evaluateAll((els) => new Set(els.map((el) => el.getBoundingClientRect().top)).size);
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await settle(page, 200);
      assert.equal(await tabs.count(), 6);
      assert.equal(await rows(), 1, `the tabs wrap at ${width} px`);
      await shot(page, `tabs-${width}`);
    }
    // Every tab by keyboard: arrows move along the tablist, each with its name.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    for (const name of ['Problems', 'Forecast', 'History', 'Comments', 'Deals', 'Inspector']) {
      await page.keyboard.press('ArrowRight');
      await waitForFocus(page.getByRole('tab', { name: new RegExp(`^${name}`), selected: true }));
    }
  });

  it('compares with an imported file, and refuses a file that is not a diagram', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'History' }).click();
    const panel = history(page);
    const choose = async (name: string, text: string) => {
      const chooser = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Compare with a file…' }).click();
      await (
        await chooser
      ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await choose('notes.json', '{"hello": "world"}');
    await panel
      .getByRole('status')
      .getByText(/^"notes\.json" cannot be compared: /)
      .waitFor();

    const file = {
      format: 'gtm-blueprint',
      version: 2,
      name: 'Last quarter',
      meta: {},
      nodes: [
        { id: 'stage-sql', kind: 'stage', title: 'SQL', position: { x: 0, y: 0 } },
        { id: 'old-event', kind: 'channel', title: 'Trade show', position: { x: 300, y: 400 } },
      ],
      edges: [{ id: 'e-old', source: 'old-event', target: 'stage-sql', label: 'Booth scans' }],
    };
    await choose('last-quarter.json', JSON.stringify(file));
    const comparison = panel.getByRole('region', { name: 'Comparison' });
    await comparison.getByRole('heading', { name: 'Compared with “last-quarter.json”' }).waitFor();
    const changes = comparison.getByRole('list', { name: 'Changes' });
    await changes
      .getByRole('listitem')
      .filter({ hasText: 'Removed Channel “Trade show”' })
      .waitFor();
    await changes
      .getByRole('listitem')
      .filter({ hasText: 'Removed handoff Trade show → SQL' })
      .waitFor();
    await changes.getByRole('button', { name: 'Added Stage “MQL”' }).click();
    await page.locator('.react-flow__node.selected').filter({ hasText: 'MQL' }).waitFor();
    assert.equal(await page.locator('[data-compare-edge="r-e-old"]').count(), 1);
    assert.ok((await page.locator('[data-compare-ring]').count()) > 1);
    await shot(page, 'compare-file');
    await comparison.getByRole('button', { name: 'Close comparison' }).click();
  });

  it('opens a version as a copy, leaving the diagram as it was', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'History' }).click();
    await versions(page).getByRole('button', { name: 'Open “Before QBR” as a copy' }).click();
    const title = page.getByRole('textbox', { name: 'Diagram name' });
    await waitForValue(title, 'Mid-market sales-led GTM (Before QBR)');
    // The copy is a diagram of its own: it starts with no versions.
    await history(page).getByText('No versions yet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Diagrams' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Mid-market sales-led GTM (Before QBR)').waitFor();
    await dialog.getByText('Mid-market sales-led GTM', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('opens History with 500 versions quickly', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Inspector' }).click();
    // 500 versions of this diagram, written the way the app stores them (summary + file).
    await page.evaluate(async () => {
      const diagramId = sessionStorage.getItem('gtm-blueprint:tab-diagram');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('gtm-blueprint-versions', 1);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['summaries', 'files'], 'readwrite');
      const start = Date.now() - 500 * 3_600_000;
      for (let i = 0; i < 500; i++) {
        const id = `bench-${i}`;
        tx.objectStore('summaries').put({
          id,
          diagramId,
          name: `Automatic ${i}`,
          kind: i % 50 === 0 ? 'named' : 'auto',
          createdAt: start + i * 3_600_000,
          cards: 23,
          edges: 30,
          findings: i % 7,
          bytes: 20_000,
        });
        tx.objectStore('files').put('{}', id);
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    // Timed in the page, from the click on the tab to the frame that shows the list.
    // A string, not a function: the test runner's compiler would wrap inner functions in helpers
    // the page does not have.
    const ms = await page.evaluate<number>(`new Promise((resolve) => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((el) => el.textContent === 'History');
      const start = performance.now();
      tab.click();
      const check = () => {
        const more = [...document.querySelectorAll('button')].some((b) =>
          /^Show 50 more \\(45\\d older\\)$/.test(b.textContent ?? ''),
        );
        if (more) requestAnimationFrame(() => resolve(performance.now() - start));
        else requestAnimationFrame(check);
      };
      check();
    })`);
    console.log(`History with 500 versions: open and drawn in ${Math.round(ms)} ms`);
    assert.equal(await versions(page).getByRole('listitem').count(), 50);
    // The goal is 100 ms (issue 14); the bound leaves room for a loaded CI machine.
    assert.ok(ms < 250, `History took ${Math.round(ms)} ms to open with 500 versions`);
    await history(page)
      .getByRole('button', { name: /^Show 50 more/ })
      .click();
    assert.equal(await versions(page).getByRole('listitem').count(), 100);
    await shot(page, 'history-500');
  });
});
