import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { serializeDiagram } from '../../src/io/serialize';
import { runAudit } from '../../src/rules/engine';
import { missingEnrichment } from '../../src/rules/rules/missing-enrichment';
import { createSyntheticDiagram } from '../../src/testing/synthetic';
import { ROW_CAP } from '../../src/ui-kit/finding-text';
import { openApp, settle, type Session } from './harness';

const problemsTab = (page: Page) => page.getByRole('tab', { name: /^Problems/ });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const finding = (page: Page, ruleId: string) =>
  problems(page).getByRole('listitem').filter({ hasText: ruleId });
const card = (page: Page, name: string) => page.getByRole('group', { name });
const highlighted = (node: Locator) => node.locator('.gtm-node').getAttribute('data-highlighted');

describe('audit: badges, Problems panel, quick fixes and the lead trace', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('greets an empty diagram with one starting point, not a wall of errors', async () => {
    const { page } = session;
    await problemsTab(page).click();
    const panel = problems(page);
    await panel.getByRole('heading', { name: 'Nothing to audit yet' }).waitFor();
    assert.equal(await panel.getByRole('listitem').count(), 0);
    await panel
      .getByRole('button', { name: 'Fix: Add a starter node to each of the five layers' })
      .waitFor();
    await panel.getByText(/^What the audit checks \(\d+ rules\)$/).click();
    await panel.getByText(missingEnrichment.meta.description).waitFor();
  });

  it('shows no errors for the seed-stage starter template, and a complete lead trace', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /Seed-stage starter/ }).click();
    await page.locator('.react-flow__node').first().waitFor();
    const panel = problems(page);
    // A diagram started today is not yet due a review (the drafting view holds "never reviewed"
    // for a week), so the template's audit is clean: the panel says so and what it checked.
    await panel.getByRole('heading', { name: 'No problems found' }).waitFor();
    await panel.getByText(/^What the audit checks \(\d+ rules\)$/).waitFor();
    assert.equal(await panel.getByRole('heading', { name: /^Errors/ }).count(), 0);
    assert.equal(await panel.getByRole('listitem').count(), 0);
    assert.equal(await panel.locator('p').first().textContent(), 'No problems');

    await panel.getByRole('button', { name: 'Lead trace' }).click();
    const trace = panel.getByRole('list', { name: 'Lead trace steps' });
    assert.equal(await trace.getByRole('listitem').count(), 8);
    await panel.getByText('8 of 8 steps covered').waitFor();
    assert.equal(await trace.getByText('Missing').count(), 0);
    const axe = await new AxeBuilder({ page })
      .include('[aria-label="Problems"]')
      .include('.react-flow__node')
      .include('.react-flow__edgelabel-renderer')
      .analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );

    await panel.getByRole('button', { name: 'Clear trace' }).click();
    await panel.getByRole('list', { name: 'Lead trace steps' }).waitFor({ state: 'detached' });
    await panel.getByRole('heading', { name: 'No problems found' }).waitFor();

    // A week and a day later the diagram is due its first review: that one note shows at
    // the next change (here a click on a card), with a quick fix that clears the audit again.
    await page.clock.setSystemTime(Date.now() + 8 * 86_400_000);
    await page.locator('.react-flow__node').first().click();
    await panel.getByRole('button', { name: /^Fix: Mark as reviewed today/ }).click();
    await panel.getByRole('heading', { name: 'No problems found' }).waitFor();
  });

  it('builds a channel wired straight into a stage and flags it', async () => {
    const { page } = session;
    // Undo the review date, then the template: into an empty diagram it came as one step.
    await page.getByRole('button', { name: 'Undo' }).click();
    await problems(page)
      .getByRole('button', { name: /^Fix: Mark as reviewed today/ })
      .waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await problems(page).getByRole('heading', { name: 'Nothing to audit yet' }).waitFor();
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await card(page, 'Channel (channel)').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByLabel('Connect to').selectOption({ label: 'Stage (Stage)' });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page
      .getByRole('group', { name: /handoff from Channel to Stage/ })
      .waitFor({ state: 'attached' });

    await problemsTab(page).click();
    const row = finding(page, 'missing-enrichment');
    await row.waitFor();
    await row.getByText('Leads from “Channel” reach sales without enrichment').waitFor();
    await problems(page)
      .getByRole('heading', { name: /^Errors \(\d+\)$/ })
      .waitFor();

    const badge = card(page, 'Channel (channel)').getByRole('button', {
      name: /^\d+ problems?: 1 error/,
    });
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-severity'), 'error');
    // The unlabeled handoff gets a warning badge on its label.
    const edgeBadge = page.getByRole('button', { name: '1 problem: 1 warning' });
    await edgeBadge.waitFor();
    assert.equal(await edgeBadge.getAttribute('data-severity'), 'warning');
  });

  it('lists the messages in the badge tooltip and opens the Problems tab filtered to the card', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const badge = card(page, 'Channel (channel)').getByRole('button', { name: /1 error/ });
    const name = (await badge.getAttribute('aria-label')) ?? '';
    const count = Number(/^(\d+)/.exec(name)?.[1]);
    await badge.hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.getByText(/Leads from “Channel” reach sales without enrichment/).waitFor();

    await badge.click();
    assert.equal(await problemsTab(page).getAttribute('aria-selected'), 'true');
    const panel = problems(page);
    await panel.getByText('Only problems of').waitFor();
    assert.equal(await panel.getByRole('listitem').count(), count);
    assert.equal(await finding(page, 'missing-layer').count(), 0);
    // Keyboard focus lands on the first finding of the card.
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.match(focused, /Leads from “Channel”/);

    await panel.getByRole('button', { name: 'Clear element filter' }).click();
    await finding(page, 'missing-layer').first().waitFor();

    // The same from the keyboard: focus shows the tooltip, Enter opens the filtered list.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await badge.focus();
    await tooltip.waitFor();
    assert.equal(await badge.getAttribute('aria-describedby'), await tooltip.getAttribute('id'));
    await page.keyboard.press('Enter');
    await panel.getByText('Only problems of').waitFor();
    assert.equal(await panel.getByRole('listitem').count(), count);
    await panel.getByRole('button', { name: 'Clear element filter' }).click();
  });

  it('selects and shows the element when a finding is clicked', async () => {
    const { page } = session;
    await card(page, 'Stage (stage)').click();
    await problemsTab(page).click();
    await finding(page, 'missing-enrichment')
      .getByRole('button', { name: /Leads from “Channel”/ })
      .click();
    await settle(page);
    assert.match((await card(page, 'Channel (channel)').getAttribute('class')) ?? '', /selected/);
    assert.doesNotMatch(
      (await card(page, 'Stage (stage)').getAttribute('class')) ?? '',
      /selected/,
    );
  });

  it('applies a quick fix as one undoable step', async () => {
    const { page } = session;
    await finding(page, 'missing-enrichment')
      .getByRole('button', { name: 'Fix: Route the channel through an enrichment step' })
      .click();
    await finding(page, 'missing-enrichment').waitFor({ state: 'detached' });
    await card(page, 'Enrichment (enrichment)').waitFor();
    await page.getByRole('status').filter({ hasText: 'Applied: Route the channel' }).waitFor({
      state: 'attached',
    });
    assert.equal(
      await card(page, 'Channel (channel)').getByRole('button', { name: /error/ }).count(),
      0,
    );

    await page.getByRole('button', { name: 'Undo' }).click();
    await finding(page, 'missing-enrichment').waitFor();
    await card(page, 'Enrichment (enrichment)').waitFor({ state: 'detached' });
    await card(page, 'Channel (channel)')
      .getByRole('button', { name: /1 error/ })
      .waitFor();
  });

  it('narrows the list with the filter box and the severity toggles', async () => {
    const { page } = session;
    const panel = problems(page);
    const rows = panel.getByRole('listitem');
    const all = await rows.count();
    assert.ok(all > 3, `expected several findings, got ${all}`);

    const search = panel.getByRole('searchbox', { name: 'Filter problems' });
    await search.fill('enrichment');
    await panel.getByRole('listitem').first().waitFor();
    const narrowed = await rows.count();
    assert.ok(narrowed < all && narrowed >= 1, `${narrowed} of ${all} rows`);
    for (const text of await rows.allTextContents()) assert.match(text, /enrichment/i);

    await search.fill('no such problem');
    await panel.getByText('No problems match the filter.').waitFor();
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    assert.equal(await rows.count(), all);

    const errors = panel.getByRole('button', { name: /^Errors \d+$/ });
    assert.equal(await errors.getAttribute('aria-pressed'), 'true');
    await errors.click();
    assert.equal(await errors.getAttribute('aria-pressed'), 'false');
    assert.equal(await panel.getByRole('heading', { name: /^Errors/ }).count(), 0);
    assert.equal(await finding(page, 'missing-enrichment').count(), 0);
    await errors.click();
    await finding(page, 'missing-enrichment').waitFor();
  });

  it('explains a rule in the Learn more dialog', async () => {
    const { page } = session;
    const opener = finding(page, 'missing-enrichment').getByRole('button', {
      name: 'Learn more about missing-enrichment',
    });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'missing-enrichment' });
    await dialog.waitFor();
    await dialog.getByText(missingEnrichment.meta.why).waitFor();
    await dialog.getByText(missingEnrichment.meta.howToFix).waitFor();
    await dialog.getByText('Channels', { exact: true }).waitFor();
    await dialog.getByText('Error', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true);
  });

  it('walks the lead trace, highlighting covered nodes and naming the gaps', async () => {
    const { page } = session;
    const panel = problems(page);
    const channel = card(page, 'Channel (channel)');
    const stage = card(page, 'Stage (stage)');
    assert.equal(await highlighted(channel), null);

    await panel.getByRole('button', { name: 'Lead trace' }).click();
    const steps = panel.getByRole('list', { name: 'Lead trace steps' }).getByRole('listitem');
    assert.equal(await steps.count(), 8);
    const missing = steps.filter({ hasText: 'Missing' });
    assert.equal(await missing.count(), 7);
    await steps
      .filter({ hasText: 'Enrichment' })
      .getByText('Connect an enrichment node after the ICP segments or the channels')
      .waitFor();
    await steps.filter({ hasText: 'Channel execution' }).getByText('Covered').waitFor();

    // The channel covers step 4; nothing covers anything else.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-kind="channel"]')?.getAttribute('data-highlighted') ===
        'true',
    );
    assert.equal(await highlighted(stage), null);

    // Focusing a missing step narrows the highlight to that step: nothing.
    await steps.filter({ hasText: 'Target account list' }).getByRole('button').focus();
    await page.waitForFunction(
      () => !document.querySelector('[data-kind="channel"]')?.hasAttribute('data-highlighted'),
    );
    await steps.filter({ hasText: 'Channel execution' }).getByRole('button').hover();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-kind="channel"]')?.getAttribute('data-highlighted') ===
        'true',
    );

    const axe = await new AxeBuilder({ page })
      .include('[aria-label="Problems"]')
      .include('.react-flow__node')
      .include('.react-flow__edgelabel-renderer')
      .analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );

    await panel.getByRole('button', { name: 'Clear trace' }).click();
    await panel.getByRole('list', { name: 'Lead trace steps' }).waitFor({ state: 'detached' });
    assert.equal(await highlighted(channel), null);
    assert.deepEqual(session.errors, []);
  });
});

describe('audit: a 1,000-node diagram', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('lists at most ROW_CAP findings until asked for all of them', async () => {
    const { page } = session;
    const diagram = createSyntheticDiagram(1000);
    const total = runAudit(diagram).findings.length;
    assert.ok(total > ROW_CAP, `the synthetic diagram has ${total} findings`);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (
      await chooser
    ).setFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeDiagram(diagram)),
    });
    // Fitted to the view, a diagram this big is drawn as the overview picture.
    await page
      .getByRole('status')
      .filter({ hasText: 'Overview of 1,000 cards' })
      .waitFor({ timeout: 20_000 });

    await problemsTab(page).click();
    const rows = problems(page).getByRole('listitem');
    await rows.first().waitFor();
    assert.equal(await rows.count(), ROW_CAP);
    await problems(page)
      .getByRole('button', { name: `Show all ${total}` })
      .click();
    await rows.nth(total - 1).waitFor();
    assert.equal(await rows.count(), total);
    assert.deepEqual(session.errors, []);
  });
});
