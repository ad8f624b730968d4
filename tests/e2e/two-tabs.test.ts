import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { alert, saveStatus, picture, expectPicture } from './fault-kit';
import { launchBrowser, startServer, waitForSaved, openEditor, card, VIEWPORT } from './harness';

/** Two tabs on one diagram: a change shows in the other tab, and newer work is never saved over. */
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

describe('two tabs on one diagram', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
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
