import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, settle, type Session } from './harness';

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const badge = (page: Page, card: string) =>
  page
    .getByRole('group', { name: card })
    .getByRole('button', { name: /problem|error|warning|finding/i });

describe('the audit while drafting: guided, not scolded', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
    const { page } = session;
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await page.getByRole('button', { name: 'New diagram' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
  after(async () => {
    await session?.close();
  });

  it("holds a new card's findings until the user leaves the card", async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByLabel('Owner').waitFor();
    await settle(page, 200);
    assert.equal(await badge(page, 'Stage (stage)').count(), 0, 'no badge while filling in');
    assert.equal(
      await inspector.getByText(/has no owner/).count(),
      0,
      'no amber note under a field while filling in',
    );
    // Leaving the card: its findings appear.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await badge(page, 'Stage (stage)').waitFor();
    await page.getByRole('group', { name: 'Stage (stage)' }).click();
    await inspector.getByText(/has no owner/).waitFor();
  });

  it('shows missing layers as guidance with their quick fix, and no "never reviewed" on a new diagram', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: /Problems/ }).click();
    const panel = problems(page);
    await panel.waitFor();
    const missing = panel.getByRole('listitem').filter({ hasText: /layer/i });
    assert.ok((await missing.count()) > 0, 'the missing layers are listed');
    // Guidance is info, not an error: no item about a missing layer reads as an error.
    for (const item of await missing.all()) {
      assert.doesNotMatch((await item.textContent()) ?? '', /\berror\b/i);
    }
    assert.ok((await panel.getByRole('button', { name: /^Fix|Add/ }).count()) > 0, 'with a fix');
    assert.equal(await panel.getByText(/never been reviewed/).count(), 0);
    await page.screenshot({ path: '/tmp/gtm-ux/drafting.png' });
    assert.deepEqual(session.errors, []);
  });
});
