import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { openApp, settle, type Session } from './harness';

async function loadTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await page
    .getByRole('group', { name: /\(stage\)$/ })
    .first()
    .waitFor();
  await settle(page);
}

function forecastPanel(page: Page) {
  return page.getByRole('region', { name: 'Forecast' });
}

async function openForecast(page: Page) {
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await forecastPanel(page).waitFor();
  return forecastPanel(page);
}

/** The figure next to a label in the totals, e.g. "New ARR" → "$14,048". */
async function total(page: Page, label: string): Promise<string> {
  const figure = forecastPanel(page)
    .locator('dl[aria-label="Totals per month"]')
    .locator(`dt:text-is("${label}") + dd`);
  return ((await figure.textContent()) ?? '').trim();
}

/** Clicks a card on the canvas, e.g. "MQL (stage)", and opens its form in the inspector. */
async function inspect(page: Page, card: string): Promise<void> {
  await page.getByRole('group', { name: card, exact: true }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const title = page
    .getByRole('region', { name: 'Inspector' })
    .getByLabel('Title', { exact: true });
  await assert.doesNotReject(async () => {
    await title.waitFor();
    assert.equal(await title.inputValue(), card.replace(/ \([a-z]+\)$/, ''));
  });
}

/** Waits until the benchmark chip inside `scope` reads `zone` ("Within", "Below", "Red flag"…). */
async function expectZone(scope: Locator, zone: string): Promise<void> {
  const chip = scope.getByText(new RegExp(`^\\W?${zone}( benchmark)?( \\(.*\\))?$`));
  await assert.doesNotReject(chip.waitFor(), `chip reads ${zone}`);
}

function flowLine(page: Page, card: string) {
  return page.getByRole('group', { name: card }).locator('[data-forecast-line]');
}

async function axeViolations(page: Page, ...regions: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const region of regions) builder = builder.include(region);
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('region', { name: 'Inspector' }).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

describe('forecast: read it, change a rate, compare channels, stress it, check the numbers', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('shows no forecast, rather than $0, for an empty diagram', async () => {
    const { page } = session;
    const panel = await openForecast(page);
    const totals = panel.getByRole('region', { name: 'Totals per month' });
    await totals.getByText('No forecast yet').waitFor();
    await totals
      .getByText('No channel reaches a pipeline stage yet, so there is nothing to forecast.')
      .waitFor();
    assert.doesNotMatch((await panel.textContent()) ?? '', /\$0\b/);
    assert.equal(await panel.locator('dl[aria-label="Totals per month"]').count(), 0);
  });

  it('reads the monthly totals of a template in the Forecast tab', async () => {
    const { page } = session;
    await loadTemplate(page, 'Seed-stage starter');
    await openForecast(page);
    assert.equal(await total(page, 'Leads'), '92.5');
    assert.equal(await total(page, 'Won deals'), '0.78');
    assert.equal(await total(page, 'New ARR'), '$14,048');
    assert.equal(await total(page, 'Sales velocity'), '$370 / day');
    const cac = forecastPanel(page).locator('dl[aria-label="CAC per channel"]');
    assert.equal(
      await cac.locator('dt:text-is("Founder cold email") + dd').textContent(),
      '$6,321',
    );
    assert.deepEqual(await axeViolations(page, '[aria-label="Forecast"]', '.react-flow__node'), []);
  });

  it('leaves the totals alone when a channel reaches no stage and has no volume', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('group', { name: 'Channel (channel)' }).waitFor();
    const panel = await openForecast(page);
    await panel
      .getByText(
        'Channel "Channel" does not reach a pipeline stage, so its leads are not forecast.',
      )
      .waitFor();
    assert.equal(await total(page, 'Leads'), '92.5');
    assert.equal(await total(page, 'New ARR'), '$14,048');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('group', { name: 'Channel (channel)' }).waitFor({ state: 'detached' });
  });

  it('shows each channel and stage its monthly flow on its card', async () => {
    const { page } = session;
    // Opened at fit view, the template is zoomed out to title-only cards: no flow line shows.
    assert.equal(await flowLine(page, 'MQL (stage)').isVisible(), false);
    // Zoomed in until the cards are readable again, the line is back.
    for (let step = 0; step < 8 && !(await flowLine(page, 'MQL (stage)').isVisible()); step++) {
      await page.getByRole('button', { name: 'Zoom In' }).click();
      await settle(page, 150);
    }
    assert.equal(await flowLine(page, 'MQL (stage)').isVisible(), true, 'flow line when readable');
    assert.match(
      (await flowLine(page, 'Founder cold email (channel)').textContent()) ?? '',
      /≈ 32\.5 leads\/mo$/,
    );
    assert.match(
      (await flowLine(page, 'MQL (stage)').textContent()) ?? '',
      /≈ 23\.1 in\/mo → 10\.4 out$/,
    );
    assert.match(
      (await flowLine(page, 'Closed-won (stage)').textContent()) ?? '',
      /0\.78 won\/mo$/,
    );
    // The line stays inside the fixed-size card.
    const card = await page.getByRole('group', { name: 'MQL (stage)' }).boundingBox();
    const line = await flowLine(page, 'MQL (stage)').boundingBox();
    assert.ok(card && line);
    assert.ok(line.y + line.height <= card.y + card.height + 0.5, 'flow line inside the card');
    await page.getByRole('button', { name: 'Fit View' }).click();
    await settle(page);
  });

  it('compares the channels side by side and marks the cheapest CAC', async () => {
    const { page } = session;
    const table = forecastPanel(page).getByRole('table', { name: 'Channel comparison' });
    const headers = await table.getByRole('columnheader').allTextContents();
    assert.deepEqual(headers.map((h) => h.trim()).filter(Boolean), [
      'Founder cold email',
      'SOC 2 guides (SEO)',
    ]);
    const cacRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'CAC' }) });
    const cells = await cacRow.getByRole('cell').allTextContents();
    assert.equal(cells.length, 2);
    assert.match(cells[0] ?? '', /^\$6,321.*the cheapest$/);
    assert.match(cells[1] ?? '', /^\$4,938★ Cheapest$/);
  });

  it('draws the sensitivity of new ARR as a tornado, largest driver first', async () => {
    const { page } = session;
    const panel = forecastPanel(page);
    const chart = panel.getByRole('img', { name: /Tornado chart/ });
    const summary = (await chart.getAttribute('aria-label')) ?? '';
    assert.match(summary, /±20%/);
    assert.match(summary, /Top driver: Founder-led sales · ACV, from \$11,239 to \$16,858/);
    const drivers = panel.getByRole('table', { name: /each driver moved by ±20%/ });
    const names = await drivers.getByRole('rowheader').allTextContents();
    assert.equal(names[0], 'Founder-led sales · ACV');
    assert.equal(names.at(-1), 'Founder cold email · Reply rate');
    const labels = await chart.locator('text').allTextContents();
    assert.ok(labels.includes('SOC 2 guides (SEO) · Visitor to lead'), 'drivers are real text');

    await panel.getByLabel('Sensitivity range (%)').fill('10');
    await assert.doesNotReject(
      panel.getByRole('img', { name: /±10%.*from \$12,644 to \$15,453/ }).waitFor(),
    );
    await panel.getByLabel('Sensitivity range (%)').fill('0');
    await assert.doesNotReject(
      panel.getByRole('alert').filter({ hasText: 'Enter a range from 1% to 100%.' }).waitFor(),
    );
    await panel.getByLabel('Sensitivity range (%)').fill('20');
  });

  it("changes won deals and new ARR when a stage's rate is edited in the inspector", async () => {
    const { page } = session;
    await inspect(page, 'Opportunity (stage)');
    const metric = page.getByRole('group', { name: 'Metric 1' });
    assert.match(
      (await metric.textContent()) ?? '',
      /✓Within.*Benchmark 15–25%, red flag below 10%/,
    );
    await setField(page, 'Win rate value (%)', '12.5');
    await expectZone(metric, 'Below');
    assert.deepEqual(await axeViolations(page, '[aria-label="Inspector"]'), []);
    assert.match(
      (await flowLine(page, 'Closed-won (stage)').textContent()) ?? '',
      /0\.39 won\/mo$/,
    );

    await openForecast(page);
    assert.equal(await total(page, 'Won deals'), '0.39');
    assert.equal(await total(page, 'New ARR'), '$7,024');
  });

  it('edits a benchmark for this diagram: chips follow, one undo step per field, reset', async () => {
    const { page } = session;
    const panel = forecastPanel(page);
    const opportunityRow = panel
      .getByRole('table', { name: 'Stages, per month' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Opportunity' }) });
    const benchmarks = panel.getByRole('region', { name: 'Benchmarks' });
    const redFlag = benchmarks.getByLabel('Opportunity to close red flag (%)');
    await expectZone(opportunityRow, 'Below');

    await redFlag.click();
    await redFlag.press('ControlOrMeta+a');
    await redFlag.pressSequentially('13');
    await redFlag.press('Tab');
    await expectZone(opportunityRow, 'Red flag');
    assert.match((await benchmarks.textContent()) ?? '', /Opportunity to closeedited/);

    // A red flag inside the range is refused with a reason, and nothing is written.
    const min = benchmarks.getByLabel('Opportunity to close min (%)');
    await min.fill('5');
    await assert.doesNotReject(
      benchmarks
        .getByRole('alert')
        .filter({ hasText: 'The red flag must be at or below the minimum.' })
        .waitFor(),
    );
    await min.press('Tab');
    assert.equal(await min.inputValue(), '15');

    await inspect(page, 'Opportunity (stage)');
    const metric = page.getByRole('group', { name: 'Metric 1' });
    assert.match(
      (await metric.textContent()) ?? '',
      /⚠Red flag.*Benchmark 15–25%, red flag below 13%/,
    );

    // Typing "13" was one edit: a single undo restores the default red flag.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectZone(metric, 'Below');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expectZone(metric, 'Red flag');

    await openForecast(page);
    await benchmarks.getByRole('button', { name: 'Reset to defaults' }).click();
    assert.equal(await redFlag.inputValue(), '10');
    await expectZone(opportunityRow, 'Below');
    assert.equal(
      await benchmarks.getByRole('button', { name: 'Reset to defaults' }).isDisabled(),
      true,
    );
  });

  it('shows "?" with the reason when a stage loses its rate', async () => {
    const { page } = session;
    await inspect(page, 'MQL (stage)');
    await page.getByRole('button', { name: 'Remove metric 1' }).click();
    const line = flowLine(page, 'MQL (stage)');
    assert.match((await line.textContent()) ?? '', /≈ 23\.1 in\/mo → \? no rate/);
    assert.equal(await line.getAttribute('title'), 'Stage "MQL" has no rate.');

    await openForecast(page);
    assert.match(await total(page, 'Won deals'), /^\?/);
    assert.match(await total(page, 'New ARR'), /^\?/);
    const reasons = forecastPanel(page).locator('dl[aria-label="Totals per month"]');
    assert.equal(
      await reasons.locator('dt:text-is("New ARR") + dd + dd').textContent(),
      'Stage "MQL" has no rate.',
    );
    const unknowns = forecastPanel(page).getByRole('region', { name: 'What is unknown' });
    await assert.doesNotReject(unknowns.getByText('Stage "MQL" has no rate.').waitFor());
    await assert.doesNotReject(
      forecastPanel(page)
        .getByText(/New ARR is unknown, so there is nothing to vary/)
        .waitFor(),
    );
  });

  it('lists the numbers without a source and opens one in the inspector', async () => {
    const { page } = session;
    await inspect(page, 'MQL (stage)');
    await page.getByRole('button', { name: 'Add metric' }).click();

    const panel = await openForecast(page);
    assert.match(await total(page, 'New ARR'), /^\$/);
    const assumptions = panel.getByRole('region', { name: 'Numbers without a source' });
    // A stage's first metric is the conversion its place in the pipeline is judged by, at the
    // middle of its benchmark (30–50% from MQL to SQL).
    await assumptions.getByRole('button', { name: 'MQL · MQL to SQL 40%' }).click();
    await assert.doesNotReject(
      page.getByRole('tab', { name: 'Inspector', selected: true }).waitFor(),
    );
    const title = page
      .getByRole('region', { name: 'Inspector' })
      .getByLabel('Title', { exact: true });
    assert.equal(await title.inputValue(), 'MQL');
    assert.deepEqual(session.errors, []);
  });
});

interface FixtureNode {
  id: string;
  data?: {
    volume?: number;
    period?: string;
    spend?: number;
    metrics?: { key: string; value: number }[];
  };
}

describe('forecast: the direct-versus-partner decision of domain §7', () => {
  let session: Session;
  let nodes: Map<string, FixtureNode>;
  before(async () => {
    const fixture = JSON.parse(
      await readFile(
        resolve(import.meta.dirname, '../fixtures/forecast-direct-vs-partner.json'),
        'utf8',
      ),
    ) as { nodes: FixtureNode[] };
    nodes = new Map(fixture.nodes.map((node) => [node.id, node]));
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  /** A fixture rate as typed in the inspector: 0.4 → "40". */
  const rate = (id: string) =>
    String(Math.round((nodes.get(id)?.data?.metrics?.[0]?.value ?? NaN) * 1e6) / 1e4);

  it('rebuilds the worked example in the editor and finds partners at half the CAC', async () => {
    const { page } = session;
    await loadTemplate(page, 'Seed-stage starter');
    const direct = nodes.get('direct')?.data;
    const partner = nodes.get('partner')?.data;
    assert.ok(direct && partner);

    // The seed's two channels take the fixture's direct and partner figures.
    await inspect(page, 'Founder cold email (channel)');
    await setField(page, 'Volume (people reached per period)', String(direct.volume));
    await setField(page, 'Spend per period ($)', String(direct.spend));
    await setField(page, 'Reply rate value (%)', rate('direct'));
    await inspect(page, 'SOC 2 guides (SEO) (channel)');
    await setField(page, 'Volume (people reached per period)', String(partner.volume));
    await page
      .getByRole('region', { name: 'Inspector' })
      .getByLabel('Period', { exact: true })
      .selectOption(String(partner.period));
    await setField(page, 'Spend per period ($)', String(partner.spend));
    await setField(page, 'Visitor to lead value (%)', rate('partner'));
    // Its pipeline: lead → MQL → opportunity → won; the seed's demo stage passes everything on.
    await inspect(page, 'Lead (stage)');
    await setField(page, 'Lead to MQL value (%)', rate('lead'));
    await inspect(page, 'MQL (stage)');
    await setField(page, 'MQL to SQL value (%)', rate('mql'));
    await inspect(page, 'SQL / demo (stage)');
    await setField(page, 'Demo to opportunity value (%)', '100');
    await inspect(page, 'Opportunity (stage)');
    await setField(page, 'Win rate value (%)', rate('opportunity'));

    const panel = await openForecast(page);
    const table = panel.getByRole('table', { name: 'Channel comparison' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    assert.deepEqual(await row('Leads / month').getByRole('cell').allTextContents(), ['65', '40']);
    assert.deepEqual(await row('CAC').getByRole('cell').allTextContents(), [
      '$4,0002× the cheapest',
      '$2,000★ Cheapest',
    ]);
    assert.deepEqual(session.errors, []);
  });
});
