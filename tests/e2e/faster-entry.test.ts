import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, settle, waitForValue, type Session } from './harness';

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent?.trim() ?? null;
  });

describe('faster entry: titles on the card, one field per fact', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await session?.close();
  });

  it('opens a palette card with its title ready to type, and Ctrl + Z still undoes the add', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const field = page.getByRole('textbox', { name: 'Card title' });
    await field.waitFor();
    assert.equal(await focusedLabel(page), 'Card title');
    await page.keyboard.press('ControlOrMeta+z');
    await field.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.react-flow__node').count(), 0, 'the add is undone');

    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await field.waitFor();
    await page.keyboard.type('Lead');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Lead (stage)' }).waitFor();
    assert.equal(await field.count(), 0);
  });

  it('edits a title on the card by double-click, and never zooms the canvas', async () => {
    const { page } = session;
    const zoom = () =>
      page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await zoom();
    await page.getByRole('group', { name: 'Lead (stage)' }).dblclick();
    const field = page.getByRole('textbox', { name: 'Card title' });
    await field.waitFor();
    assert.equal(await focusedLabel(page), 'Card title');
    await page.keyboard.type('Nope');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Lead (stage)' }).waitFor();
    assert.equal(await field.count(), 0);
    assert.equal(await zoom(), before, 'double-click does not zoom');
  });

  it('edits a title with Enter on the focused card, and Tab carries on to the next field', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await page.keyboard.press('Escape');
    const card = page.getByRole('group', { name: 'Stage (stage)' });
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Card title' }).waitFor();
    await page.keyboard.type('SQL');
    await page.keyboard.press('Tab');
    await page.getByRole('group', { name: 'SQL (stage)' }).waitFor();
    assert.equal(await focusedLabel(page), 'Owner', 'focus moved to the field after the title');
    await page.keyboard.type('SDR team');
    await waitForValue(inspector(page).getByLabel('Owner'), 'SDR team');
  });

  it('focuses a new exit criterion, and Enter adds the next', async () => {
    const { page } = session;
    await inspector(page).getByRole('button', { name: 'Add exit criterion' }).click();
    assert.equal(await focusedLabel(page), 'Exit criterion 1');
    await page.keyboard.type('Budget confirmed');
    await page.keyboard.press('Enter');
    assert.equal(await focusedLabel(page), 'Exit criterion 2');
    await page.keyboard.type('Decision maker named');
    await page.keyboard.press('Enter');
    await waitForValue(
      inspector(page).getByLabel('Exit criterion 1', { exact: true }),
      'Budget confirmed',
    );
    await waitForValue(
      inspector(page).getByLabel('Exit criterion 2', { exact: true }),
      'Decision maker named',
    );
    assert.equal(await inspector(page).getByLabel('Exit criterion 3', { exact: true }).count(), 1);
    // Enter on the empty third adds no fourth.
    await page.keyboard.press('Enter');
    assert.equal(await inspector(page).getByLabel('Exit criterion 4', { exact: true }).count(), 0);
  });

  it("proposes the metric a card's kind is judged by as its first metric", async () => {
    const { page } = session;
    await inspector(page).getByRole('button', { name: 'Add metric' }).click();
    const metric = inspector(page).getByRole('combobox', { name: 'Metric 1', exact: true });
    assert.equal(await metric.inputValue(), 'demo-to-opportunity', 'SQL is judged by demo to opp');
    assert.match((await focusedLabel(page)) ?? '', /value/, 'the value takes the focus');

    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.keyboard.press('Escape');
    await inspector(page).getByLabel('Channel type').selectOption('outbound');
    await inspector(page).getByRole('button', { name: 'Add metric' }).click();
    assert.equal(
      await inspector(page).getByRole('combobox', { name: 'Metric 1', exact: true }).inputValue(),
      'reply-rate',
    );
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.keyboard.press('Escape');
    await inspector(page).getByLabel('Channel type').selectOption('inbound');
    await inspector(page).getByRole('button', { name: 'Add metric' }).click();
    assert.equal(
      await inspector(page).getByRole('combobox', { name: 'Metric 1', exact: true }).inputValue(),
      'visitor-to-lead',
    );
    await settle(page, 100);
    await page.screenshot({ path: '/tmp/gtm-ux/faster-entry.png' });
    assert.deepEqual(session.errors, []);
  });
});
