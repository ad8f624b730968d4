import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { openApp, settle, type Session } from './harness';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `${screen}: serious or critical accessibility violations`);
}

describe('accessibility: no serious or critical axe violations on the main screens', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('the empty editor', async () => {
    const { page } = session;
    await page
      .getByRole('status')
      .filter({ hasText: /^(Saved)?$/ })
      .first()
      .waitFor();
    assert.equal(await page.locator('.react-flow__node').count(), 0);
    // One level-one heading names the app, also where the window is too narrow to show it.
    assert.equal(await page.getByRole('heading', { level: 1, name: 'GTM Blueprint' }).count(), 1);
    await expectAccessible(page, 'empty editor');
  });

  it('a template loaded', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /^Mid-market sales-led/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
    await settle(page);
    await expectAccessible(page, 'template loaded');
  });

  it('the inspector open on a node', async () => {
    const { page } = session;
    await page
      .getByRole('group', { name: /\(stage\)$/ })
      .first()
      .click();
    await page.getByRole('region', { name: 'Inspector' }).getByLabel('Title').waitFor();
    await expectAccessible(page, 'inspector on a stage');
  });

  it('the Problems tab', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await page.getByRole('tabpanel').waitFor();
    await settle(page);
    await expectAccessible(page, 'Problems tab');
  });

  it('the Forecast tab', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.getByRole('tabpanel').waitFor();
    await settle(page);
    await expectAccessible(page, 'Forecast tab');
  });

  it('the Keyboard shortcuts dialog', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectAccessible(page, 'Keyboard shortcuts dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the Diagrams dialog', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Diagrams' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diagrams' });
    await dialog
      .getByRole('list', { name: 'Saved diagrams' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await expectAccessible(page, 'Diagrams dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(session.errors, []);
  });
});
