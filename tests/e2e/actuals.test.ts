import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, screenshotDir, settle, waitForSaved, type Session } from './harness';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/**
 * A HubSpot export for the mid-market template, dated from today so the figures hold on any
 * day: 40 won, 30 lost at MQL, 30 open in MQL for 30 days (its limit is 5), and 5 in a CRM stage
 * the diagram has no card for ("Appointment Scheduled", mapped to SQL in the test).
 * MQL then has 75 deals resolved (40 won + 30 lost + 5 in SQL), 45 of them moved on: 60%.
 */
function hubspotExport(): string {
  const header = [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Amount',
    'Create Date',
    'Close Date',
    '"Date entered ""MQL (Sales Pipeline)"""',
  ].join(',');
  const rows: string[] = [];
  let id = 1000;
  for (let i = 0; i < 40; i++) {
    rows.push(
      `${id++},Won deal ${i + 1},Closed Won,Sales Pipeline,"$24,000",${daysAgo(90)},${daysAgo(30)},${daysAgo(85)}`,
    );
  }
  for (let i = 0; i < 30; i++) {
    rows.push(
      `${id++},Lost deal ${i + 1},Closed Lost,Sales Pipeline,"$12,000",${daysAgo(60)},${daysAgo(40)},${daysAgo(58)}`,
    );
  }
  // The first open deal's name looks like a spreadsheet formula: it must show as plain text.
  rows.push(
    `${id++},"=HYPERLINK(""http://example.invalid"",""Acme"")",MQL,Sales Pipeline,"$9,000",${daysAgo(31)},,${daysAgo(31)}`,
  );
  for (let i = 1; i < 30; i++) {
    rows.push(
      `${id++},Open deal ${i + 1},MQL,Sales Pipeline,"$8,000",${daysAgo(30)},,${daysAgo(30)}`,
    );
  }
  for (let i = 0; i < 5; i++) {
    rows.push(
      `${id++},Booked deal ${i + 1},Appointment Scheduled,Sales Pipeline,5000,${daysAgo(3)},,`,
    );
  }
  return `${header}\r\n${rows.join('\r\n')}\r\n`;
}

async function openTemplate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^Mid-market sales-led/ }).click();
  await page
    .getByRole('group', { name: /\(stage\)$/ })
    .first()
    .waitFor();
  await waitForSaved(page);
}

async function importDeals(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import deals…' }).click();
  await (await chooser).setFiles(path);
}

async function dropOnCanvas(page: Page, text: string, name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { text, name },
  );
  const canvas = page.getByRole('region', { name: 'Diagram canvas' });
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
}

/** The open diagram's cards and edges as drawn, to show a failed import changed nothing. */
function drawnDiagram(page: Page) {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('.react-flow__node')].map((n) => n.textContent),
    edges: document.querySelectorAll('.react-flow__edge').length,
  }));
}

describe('plan vs actual: importing a CRM deals export', () => {
  let session: Session;
  let page: Page;
  let scratch = '';

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gtm-actuals-'));
    session = await openApp({ viewport: { width: 1440, height: 900 } });
    page = session.page;
    await openTemplate(page);
  });

  after(async () => {
    await session?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('imports the export, asks for the stage mapping and saves it with the diagram', async () => {
    const path = join(scratch, 'hubspot-deals.csv');
    await writeFile(path, hubspotExport());
    await importDeals(page, path);
    const dialog = page.getByRole('dialog', { name: 'Map CRM stages to the diagram' });
    await dialog.waitFor();
    await dialog.getByText(/105 deals read in [\d.]+ s \(HubSpot export, as of /).waitFor();
    await dialog.getByText('Not matched: Appointment Scheduled.', { exact: false }).waitFor();
    // Matched by title, ignoring case: "MQL" → the MQL card, "Closed Won" → the Closed-won card.
    assert.equal(
      await dialog
        .getByLabel('MQL', { exact: true })
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      'MQL',
    );
    assert.equal(
      await dialog
        .getByLabel('Closed Lost')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      'Lost (closed)',
    );
    await dialog.getByLabel('Appointment Scheduled').selectOption({ label: 'SQL' });
    await page.screenshot({ path: join(screenshotDir, 'actuals-mapping.png') });
    await dialog.getByRole('button', { name: 'Apply mapping' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForSaved(page);
    assert.equal(await page.getByRole('button', { name: /^Undo/ }).isEnabled(), true);
  });

  it('reports the stage off plan and its stuck deals in the audit, and shows them on the card', async () => {
    await page.getByRole('tab', { name: 'Problems' }).click();
    const problems = page.getByRole('tabpanel');
    await problems
      .getByText('Stage “MQL” has 30 open deals past its 5-day limit in the HubSpot export of', {
        exact: false,
      })
      .first()
      .waitFor();
    // Clicking the finding brings the MQL card into view, near enough to read.
    await problems
      .getByRole('button', {
        name: /^Stage “MQL” converts 60% in the HubSpot export of .*, against 42% planned \(up 42\.9%, n = 75\)\.$/,
      })
      .click();
    await settle(page, 800);
    const mql = page.getByRole('group', { name: /^MQL \(stage\)/ });
    await mql.getByText('MQL → SQL 60% actual · 42% plan, n = 75').waitFor();
    await mql.getByText('42.9% above plan').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'actuals-cards.png') });
  });

  it('applies "Use the actual rate" as one undoable step, sourced from the export', async () => {
    const row = page.getByRole('listitem').filter({ hasText: 'Stage “MQL” converts 60%' });
    await row.getByRole('button', { name: /Use the actual rate/ }).click();
    const mql = page.getByRole('group', { name: /^MQL \(stage\)/ });
    await mql.getByText('MQL → SQL 60% actual · 60% plan, n = 75').waitFor();
    await mql.getByText('within 15% of plan').waitFor();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await mql.getByText('MQL → SQL 60% actual · 42% plan, n = 75').waitFor();
  });

  it('lists stuck deals per stage in the Deals panel, and one deal against its exit criteria', async () => {
    await page.getByRole('tab', { name: 'Deals' }).click();
    const panel = page.getByRole('region', { name: 'Deals' });
    await panel.getByText('30 open, 30 stuck past 5 days.').waitFor();
    const stuck = panel.getByRole('list', { name: 'Stuck deals in MQL' });
    const first = stuck.getByRole('button').first();
    // The longest in stage first; a formula-looking name is shown as the text it is.
    assert.match(
      (await first.textContent()) ?? '',
      /^=HYPERLINK\("http:\/\/example\.invalid","Acme"\)\$9,000\s*31 days$/,
    );
    assert.equal(await stuck.getByRole('button').count(), 8, 'the first eight, then "Show all"');
    await first.click();
    const checklist = panel.getByRole('group', { name: /What is .*Acme.* missing to leave MQL\?/ });
    await checklist.waitFor();
    const boxes = checklist.getByRole('checkbox');
    const total = await boxes.count();
    assert.ok(total > 0, 'the MQL stage of the template has exit criteria');
    await boxes.first().check();
    await checklist.getByText(`${total - 1} of ${total} exit criteria still missing.`).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'actuals-deals-panel.png') });
    await panel.getByRole('button', { name: 'Show all 30 listed' }).click();
    assert.equal(await stuck.getByRole('button').count(), 30);
  });

  it('runs the forecast on plan, on actuals, or side by side', async () => {
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.getByRole('radio', { name: 'Side by side' }).check();
    const table = page.getByRole('table', { name: 'Plan and actuals per month' });
    await table.getByRole('columnheader', { name: 'Actuals' }).waitFor();
    const wonRow = table.getByRole('row', { name: /^Won deals/ });
    const cells = await wonRow.getByRole('cell').allTextContents();
    assert.equal(cells.length, 2);
    assert.notEqual(cells[0], cells[1], 'plan and actuals differ once MQL converts at 60%');
    await page.screenshot({ path: join(screenshotDir, 'actuals-forecast.png') });
    await page.getByRole('radio', { name: 'Plan' }).check();
  });

  it('refuses a bad file with its place, leaving the diagram untouched', async () => {
    const before = await drawnDiagram(page);
    await dropOnCanvas(page, '', 'empty.csv');
    const alert = page.getByRole('alertdialog', { name: 'Could not import deals' });
    await alert.getByText('The file is empty: there is no header row and no deal.').waitFor();
    await alert.getByText('Where: Row 1.').waitFor();
    await alert
      .getByText(
        'Nothing was changed: the diagram, and any deals imported before, are as they were.',
      )
      .waitFor();
    await page.screenshot({ path: join(screenshotDir, 'actuals-refused.png') });
    await alert.getByRole('button', { name: 'OK' }).click();
    assert.deepEqual(await drawnDiagram(page), before);

    // No preset fits: the column step asks, and cancelling leaves everything as it was.
    await dropOnCanvas(page, 'Opportunity;Phase;Opened\nNorth;Qualified;2026-01-14\n', 'other.csv');
    const columns = page.getByRole('dialog', { name: 'Which column is which?' });
    await columns.getByLabel('Stage').selectOption('Phase');
    await page.screenshot({ path: join(screenshotDir, 'actuals-columns.png') });
    await columns.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(await drawnDiagram(page), before);
    assert.deepEqual(session.errors, []);
  });
});
