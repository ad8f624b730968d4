import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { inspector, openEditor, screenshotDir, settle } from './harness';
import {
  cardTitles,
  openWithCards,
  person,
  roomServer,
  selectCard,
  shareAsRoom,
  status,
} from './room-fixture';

const edges = (page: Page) => page.locator('.react-flow__edge');

async function waitForCount(page: Page, selector: string, count: number) {
  await page.waitForFunction(
    ([s, n]) => document.querySelectorAll(s as string).length === n,
    [selector, count] as const,
    { timeout: 15_000 },
  );
}

describe('edits that cross in a room', { timeout: 240_000 }, () => {
  const served = roomServer('gtm-races-');

  it('an edge drawn offline to a card someone deleted goes with the card, Bob is told, and both screens agree', async () => {
    const alice = await person(served.browser, 'Alice');
    const bob = await person(served.browser, 'Bob');
    try {
      const a = await openWithCards(alice, served.url);
      const { editUrl } = await shareAsRoom(a);
      const b = await openEditor(bob, editUrl);
      await status(b, 'Synced');

      await bob.setOffline(true);
      await status(b, /^Offline/);
      await selectCard(b, 'Stage (stage)');
      await inspector(b).getByLabel('Connect to').selectOption({ label: 'Scoring (Scoring)' });
      await inspector(b).getByRole('button', { name: 'Connect', exact: true }).click();
      await waitForCount(b, '.react-flow__edge', 1);

      await selectCard(a, 'Scoring (scoring)');
      await a.keyboard.press('Delete');
      await waitForCount(a, '.react-flow__node', 1);
      await status(a, 'Synced');

      await bob.setOffline(false);
      const notice = b.getByRole('alert').filter({ hasText: 'Two edits crossed' });
      await notice.waitFor({ timeout: 20_000 });
      assert.match(
        (await notice.textContent()) ?? '',
        /The deletion stands, so 1 edge pointing at it was removed/,
      );
      await status(b, 'Synced');
      for (const page of [a, b]) {
        await waitForCount(page, '.react-flow__node', 1);
        assert.equal(await edges(page).count(), 0);
      }
      assert.deepEqual(await cardTitles(b), await cardTitles(a));
      await settle(b);
      await b.screenshot({ path: join(screenshotDir, 'edit-races-notice.png') });

      // What the server keeps is what both see: Bob reloads and the edge does not come back.
      await b.reload();
      await status(b, 'Synced');
      await waitForCount(b, '.react-flow__node', 1);
      assert.equal(await edges(b).count(), 0);
      assert.equal(
        await b.getByRole('alert').filter({ hasText: 'refused' }).count(),
        0,
        'no "refused" notice is left once the repair went through',
      );
    } finally {
      await alice.close();
      await bob.close();
    }
  });
});
