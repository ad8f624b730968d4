import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { openApp, settle, waitForSaved, type Session } from './harness';

async function dragHandle(page: Page, from: Locator, to: Locator): Promise<void> {
  const source = from.locator('.react-flow__handle-bottom');
  const target = to.locator('.react-flow__handle-top');
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  assert.ok(a && b, 'both handles are on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('foundation: add, connect, undo, redo, reload', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('adds nodes from the palette into the canvas', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('button', { name: 'Add enrichment', exact: true }).click();
    await assert.doesNotReject(page.getByRole('group', { name: 'Channel (channel)' }).waitFor());
    await assert.doesNotReject(
      page.getByRole('group', { name: 'Enrichment (enrichment)' }).waitFor(),
    );
  });

  it('connects two nodes by dragging from a handle', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Fit View' }).click();
    await settle(page);
    await dragHandle(
      page,
      page.getByRole('group', { name: 'Channel (channel)' }),
      page.getByRole('group', { name: 'Enrichment (enrichment)' }),
    );
    const edge = page.getByRole('group', { name: /handoff from Channel to Enrichment/ });
    await edge.waitFor({ state: 'attached' });
    assert.equal(await edge.count(), 1);
    // The new handoff shows its label slot, inviting a name for the seam.
    await page.getByRole('button', { name: 'Unlabeled handoff: add a label' }).waitFor();
  });

  it('undoes and redoes the connection', async () => {
    const { page } = session;
    const edge = page.getByRole('group', { name: /handoff from Channel to Enrichment/ });
    await page.getByRole('button', { name: 'Undo' }).click();
    await edge.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Redo' }).click();
    await edge.waitFor({ state: 'attached' });
    assert.equal(await edge.count(), 1);
  });

  it('restores the work after a reload', async () => {
    const { page } = session;
    await waitForSaved(page);
    await page.reload();
    await page.getByRole('group', { name: 'Channel (channel)' }).waitFor();
    await page
      .getByRole('group', { name: /handoff from Channel to Enrichment/ })
      .waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('group', { name: 'Enrichment (enrichment)' }).count(), 1);
    assert.deepEqual(session.errors, []);
  });
});
