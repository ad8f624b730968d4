import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { openEditor, pressKept, screenshotDir } from './harness';
import { openWithCards, person, roomServer, shareAsRoom, status } from './room-fixture';

const synced = (page: Page) => status(page, 'Synced');
const history = (page: Page) => page.getByRole('region', { name: 'History' });
const versions = (page: Page) => history(page).getByRole('list', { name: 'Versions' });
/** Versions people saved by name (an automatic one may be saved as well when a room starts). */
const named = (page: Page) => versions(page).getByRole('listitem').filter({ hasText: 'Saved · ' });
const cards = (page: Page) => page.locator('.react-flow__node');
const comments = (page: Page) => page.getByRole('region', { name: 'Comments' });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const startFinding = /^Comment on finding /;

async function openHistory(page: Page) {
  await page.getByRole('tab', { name: 'History' }).click();
  await history(page).waitFor();
}

describe('versions of a shared room', { timeout: 240_000 }, () => {
  const served = roomServer('gtm-room-versions-');
  const contexts: BrowserContext[] = [];
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  it("A saves a named version; B, in another browser, sees it with A's name, compares and restores it; B's version reaches A's open History; a viewer reads History and comments but cannot save, comment or press Ctrl+S", async () => {
    const alice = await person(served.browser, 'Alice Adams');
    const bob = await person(served.browser, 'Bob Brown');
    const carol = await person(served.browser, 'Carol Chen');
    contexts.push(alice, bob, carol);

    // Alice draws two cards and shares them as a room.
    const a = await openWithCards(alice, served.url);
    await a.keyboard.press('Escape');
    const { editUrl, viewUrl } = await shareAsRoom(a);

    // Alice saves a named version in the room.
    await openHistory(a);
    await history(a).getByText('In this room they are kept on the server').waitFor();
    await history(a).getByRole('textbox', { name: 'Version name' }).fill('Before the Q3 review');
    await history(a).getByRole('textbox', { name: 'Note (optional)' }).fill('Two cards.');
    await history(a).getByRole('button', { name: 'Save version' }).click();
    await history(a)
      .getByRole('status')
      .getByText('Saved version “Before the Q3 review”.')
      .waitFor();
    await versions(a)
      .getByRole('listitem', { name: 'Before the Q3 review' })
      .getByText(/· Alice Adams$/)
      .waitFor();

    // Bob joins with the edit link in his own browser: the version is there, signed by Alice.
    const b = await openEditor(bob, editUrl);
    await synced(b);
    await cards(b).nth(1).waitFor();
    await openHistory(b);
    const row = versions(b).getByRole('listitem', { name: 'Before the Q3 review' });
    await row.getByText(/^Saved · .+ · Alice Adams$/).waitFor();
    await row.getByText('2 cards · ', { exact: false }).waitFor();
    await row.getByText('Two cards.').waitFor();

    // Bob deletes a card, compares with Alice's version, then restores it for everyone.
    await cards(b)
      .first()
      .click({ position: { x: 20, y: 10 } });
    await b.keyboard.press('Delete');
    await assertCount(b, 1);
    await assertCount(a, 1);
    await openHistory(b);
    await row.getByRole('button', { name: 'Compare with “Before the Q3 review”' }).click();
    const comparison = history(b).getByRole('region', { name: 'Comparison' });
    await comparison
      .getByRole('heading', { name: 'Compared with “Before the Q3 review”' })
      .waitFor();
    await comparison
      .getByRole('list', { name: 'Changes' })
      .getByRole('listitem')
      .filter({ hasText: /^Removed / })
      .first()
      .waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await b.screenshot({ path: join(screenshotDir, 'room-versions-compare.png') });
    assert.deepEqual(await seriousViolations(b), [], 'History in a room passes axe');
    await comparison.getByRole('button', { name: 'Close comparison' }).click();
    await row.getByRole('button', { name: 'Restore “Before the Q3 review”' }).click();
    await history(b)
      .getByRole('status')
      .getByText(/^Restored “Before the Q3 review”/)
      .waitFor();
    await assertCount(b, 2);
    await assertCount(a, 2);

    // Bob's own version appears in Alice's History, open all along, with his name.
    await history(b).getByRole('textbox', { name: 'Version name' }).fill('After the restore');
    await history(b).getByRole('button', { name: 'Save version' }).click();
    await versions(b).getByRole('listitem', { name: 'After the restore' }).waitFor();
    await versions(a)
      .getByRole('listitem', { name: 'After the restore' })
      .getByText(/· Bob Brown$/)
      .waitFor();

    // Alice starts a thread on the stage card, for Carol to read.
    await cards(a)
      .first()
      .click({ position: { x: 20, y: 10 } });
    await a.getByRole('tab', { name: 'Comments' }).click();
    await comments(a).getByRole('textbox', { name: 'Comment' }).fill('Who owns this stage?');
    await comments(a).getByRole('button', { name: 'Comment', exact: true }).click();
    await comments(a)
      .getByRole('listitem', { name: /^Thread on Stage .*Who owns this/ })
      .waitFor();
    await a.keyboard.press('Escape');

    // Carol has the view link: she reads History and compares, but cannot save or restore.
    const c = await openEditor(carol, viewUrl);
    await synced(c);
    await openHistory(c);
    const seen = versions(c).getByRole('listitem', { name: 'Before the Q3 review' });
    await seen.getByText(/· Alice Adams$/).waitFor();
    assert.equal(await named(c).count(), 2);
    await history(c).getByText('This view link reads the room’s versions').waitFor();
    assert.ok(await history(c).getByRole('button', { name: 'Save version' }).isDisabled());
    assert.ok(await history(c).getByRole('button', { name: 'Mark as reviewed' }).isDisabled());
    assert.ok(
      await seen.getByRole('button', { name: 'Restore “Before the Q3 review”' }).isDisabled(),
    );
    assert.ok(
      await seen.getByRole('button', { name: 'Delete “Before the Q3 review”' }).isDisabled(),
    );
    await c.screenshot({ path: join(screenshotDir, 'room-versions-viewer.png') });
    await seen.getByRole('button', { name: 'Compare with “Before the Q3 review”' }).click();
    await history(c)
      .getByRole('region', { name: 'Comparison' })
      .getByRole('heading', { name: 'Compared with “Before the Q3 review”' })
      .waitFor();

    // Carol reads Alice's thread, filters and follows it to its card, but is offered no box,
    // Reply, Resolve or Edit, and is told why where the form would be.
    await c.getByRole('tab', { name: 'Comments' }).click();
    const panel = comments(c);
    const thread = panel.getByRole('listitem', { name: /^Thread on Stage .*Who owns this/ });
    await thread.getByText('Who owns this stage?').waitFor();
    await thread.getByText(/^Alice Adams ·/).waitFor();
    await panel.getByText('You opened this room with a view link').waitFor();
    for (const name of ['Comment', 'Reply', 'Your name, shown with your comments'])
      assert.equal(await panel.getByRole('textbox', { name }).count(), 0, `no ${name} box`);
    for (const name of ['Comment', 'Reply', 'Resolve', 'Reopen', 'Save name'])
      assert.equal(
        await panel.getByRole('button', { name, exact: true }).count(),
        0,
        `no ${name} button`,
      );
    assert.equal(await panel.getByRole('button', { name: /^Edit / }).count(), 0);
    await panel.getByRole('checkbox', { name: 'Open only' }).check();
    await thread.waitFor();
    await thread.getByRole('button', { name: /^Stage / }).click();
    await c.waitForFunction(
      () => document.querySelectorAll('.react-flow__node.selected').length === 1,
    );
    await c.getByRole('tab', { name: 'Comments' }).click();
    // With the card selected an editor would see the new-thread form here.
    await thread.waitFor();
    assert.equal(await panel.getByRole('textbox').count(), 0, 'no comment box on a selected card');
    await panel.screenshot({ path: join(screenshotDir, 'room-versions-viewer-comments.png') });
    // Problems offers Alice a Comment button per finding, Carol none (nor a fix).
    await a.getByRole('tab', { name: /^Problems/ }).click();
    assert.ok((await problems(a).getByRole('button', { name: startFinding }).count()) > 0);
    await c.getByRole('tab', { name: /^Problems/ }).click();
    await problems(c)
      .getByRole('button', { name: /^Learn more about / })
      .first()
      .waitFor();
    assert.equal(await problems(c).getByRole('button', { name: startFinding }).count(), 0);
    const fixes = await problems(c)
      .getByRole('button', { name: /^Fix: / })
      .all();
    assert.ok(fixes.length > 0, 'the two cards have a finding with a fix');
    for (const fix of fixes) assert.ok(await fix.isDisabled());

    // Ctrl+S on the view link saves nothing, keeps the browser's "Save page" shut and says why.
    await c.keyboard.press('Escape');
    const kept = await pressKept(c, 'Control+s');
    await c
      .getByRole('status')
      .filter({ hasText: 'Save version needs an edit link: this room is open with a view link.' })
      .waitFor();
    assert.equal(kept, true, 'the key is kept from the browser');
    await c.screenshot({ path: join(screenshotDir, 'room-versions-viewer-save.png') });
    await openHistory(c);
    assert.equal(await named(c).count(), 2);

    // Nothing was added for the viewer meanwhile.
    await b.getByRole('tab', { name: 'Inspector' }).click();
    await openHistory(b);
    await versions(b).getByRole('listitem', { name: 'After the restore' }).waitFor();
    assert.equal(await named(b).count(), 2);

    // Bob deletes his version (a second press confirms); it leaves Carol's open History too.
    const his = versions(b).getByRole('listitem', { name: 'After the restore' });
    await his.getByRole('button', { name: 'Delete “After the restore”' }).click();
    await his.getByRole('button', { name: 'Delete “After the restore” for good' }).click();
    await history(b).getByRole('status').getByText('Deleted “After the restore”.').waitFor();
    await versions(c)
      .getByRole('listitem', { name: 'After the restore' })
      .waitFor({ state: 'detached' });
    assert.equal(await named(c).count(), 1);
  });
});

async function assertCount(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length === n,
    count,
    { timeout: 10_000 },
  );
}
