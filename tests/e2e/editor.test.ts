import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { card, inspector, openApp, settle, waitForValue, type Session } from './harness';

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

async function startBlank(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Diagrams' }).click();
  await page.getByRole('button', { name: 'New diagram' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.equal(await nodeCount(page), 0);
}

async function loadTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
}

describe('editor', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await startBlank(session.page);
  });

  it('adds a node of each kind into its own band', async () => {
    const { page } = session;
    for (const kind of ['segment', 'positioning', 'channel', 'stage', 'crm']) {
      await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
    }
    assert.equal(await nodeCount(page), 5);
    const y = async (name: string) => (await card(page, name).boundingBox())!.y;
    await page.getByRole('button', { name: 'Fit View' }).click();
    await settle(page);
    const order = [
      await y('Segment (segment)'),
      await y('Positioning (positioning)'),
      await y('Channel (channel)'),
      await y('Stage (stage)'),
      await y('CRM (crm)'),
    ];
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'bands run top to bottom',
    );
  });

  it('drags a kind from the palette onto the canvas', async () => {
    const { page } = session;
    await page
      .getByRole('button', { name: 'Add scoring', exact: true })
      .dragTo(page.locator('.react-flow__pane'), {
        targetPosition: { x: 300, y: 300 },
      });
    await card(page, 'Scoring (scoring)').waitFor();
    assert.equal(await nodeCount(page), 1);
  });

  it('edits a stage in the inspector: title, lists, inline errors, metrics', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const panel = inspector(page);
    await panel.getByLabel('Title').fill('Discovery');
    await card(page, 'Discovery (stage)').waitFor();

    await panel.getByRole('button', { name: 'Add exit criterion' }).click();
    await panel.getByLabel('Exit criterion 1', { exact: true }).fill('Pain and impact captured');
    await panel.getByRole('button', { name: 'Add exit criterion' }).click();
    await panel.getByLabel('Exit criterion 2', { exact: true }).fill('Next meeting booked');
    await panel.getByRole('button', { name: 'Move Exit criterion 2 up' }).click();
    assert.equal(
      await panel.getByLabel('Exit criterion 1', { exact: true }).inputValue(),
      'Next meeting booked',
    );
    await panel.getByRole('button', { name: 'Remove Exit criterion 2' }).click();
    assert.equal(await panel.getByLabel('Exit criterion 2', { exact: true }).count(), 0);
    await card(page, 'Discovery (stage)').getByText('1 exit criterion').waitFor();

    const maxDays = panel.getByLabel('Maximum days in stage');
    await maxDays.fill('-3');
    await panel.getByRole('alert').filter({ hasText: 'Must be at least 0.' }).waitFor();
    assert.equal(await maxDays.getAttribute('aria-invalid'), 'true');
    await maxDays.fill('10');
    assert.equal(await panel.getByRole('alert').count(), 0);

    await panel.getByRole('button', { name: 'Add metric' }).click();
    await panel.getByRole('combobox', { name: 'Metric 1' }).selectOption('mql-to-sql');
    await panel.getByLabel('MQL to SQL value (%)').fill('35');
    await panel.getByLabel('Source').fill('CRM report, Q3');
    // The rate leads the card's criteria line in its short name, whole (issue 16: never "MQL to SQL 4…").
    await card(page, 'Discovery (stage)')
      .getByText(/^MQL→SQL 35%( ·|$)/)
      .waitFor();
  });

  it('typing in a field is one undo step', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await inspector(page).getByLabel('Title').fill('Cold email');
    await inspector(page).getByLabel('Title').press('Tab');
    await page.getByRole('button', { name: 'Undo' }).click();
    await card(page, 'Channel (channel)').waitFor();
    await page.getByRole('button', { name: 'Redo' }).click();
    await card(page, 'Cold email (channel)').waitFor();
  });

  it('connects by keyboard, edits the label in place and in the inspector, and refuses duplicates', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('button', { name: 'Add enrichment', exact: true }).click();
    await card(page, 'Channel (channel)').click();
    const panel = inspector(page);
    await panel.getByLabel('Connect to').selectOption({ label: 'Enrichment (Enrichment)' });
    await panel.getByRole('button', { name: 'Connect' }).click();
    await page
      .getByRole('group', { name: /handoff from Channel to Enrichment/ })
      .waitFor({ state: 'attached' });

    await panel.getByLabel('Connect to').selectOption({ label: 'Enrichment (Enrichment)' });
    await panel.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('status').filter({ hasText: 'already connected' }).waitFor();

    await page.getByRole('button', { name: 'Unlabeled handoff: add a label' }).dblclick();
    await page.getByLabel('Edge label').fill('Raw replies');
    await page.getByLabel('Edge label').press('Enter');
    await page.getByRole('button', { name: 'Edge label: Raw replies' }).click();
    await panel.getByLabel('Edge kind').selectOption('dataflow');
    await panel.getByLabel('Label').fill('Raw replies to enrich');
    await page.getByRole('button', { name: 'Edge label: Raw replies to enrich' }).waitFor();
  });

  it('selects with shift-click and a box, and edits in common', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await settle(page);
    const stages = card(page, 'Stage (stage)');
    await stages.nth(0).click();
    await stages.nth(1).click({ modifiers: ['Shift'] });
    const panel = inspector(page);
    await panel.getByText('2 nodes and 0 edges selected').waitFor();
    await panel.getByLabel('Owner (all selected stages)').fill('AE team');
    await page.keyboard.press('Escape');
    await stages.nth(1).click();
    assert.equal(await panel.getByLabel('Owner').inputValue(), 'AE team');

    await page.keyboard.press('Escape');
    const a = (await stages.nth(0).boundingBox())!;
    const b = (await stages.nth(1).boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(Math.min(a.x, b.x) - 20, Math.min(a.y, b.y) - 20);
    await page.mouse.down();
    await page.mouse.move(
      Math.max(a.x + a.width, b.x + b.width) + 20,
      Math.max(a.y + a.height, b.y + b.height) + 20,
      { steps: 6 },
    );
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await panel.getByText('2 nodes and 0 edges selected').waitFor();
  });

  it('changes the kind of every selected edge in one undo step', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('button', { name: 'Add enrichment', exact: true }).click();
    await inspector(page).getByLabel('Connect to').selectOption({ label: 'Channel (Channel)' });
    await inspector(page).getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await inspector(page)
      .getByLabel('Connect to')
      .selectOption({ label: 'Enrichment (Enrichment)' });
    await inspector(page).getByRole('button', { name: 'Connect' }).click();
    const edges = page.locator('.react-flow__edge');
    assert.equal(await edges.count(), 2);
    const kindOf = async (index: number) => {
      // As a keyboard user selects an edge: focus it, then Enter.
      await page.keyboard.press('Escape');
      await edges.nth(index).focus();
      await page.keyboard.press('Enter');
      return inspector(page).getByLabel('Edge kind', { exact: true }).inputValue();
    };
    assert.deepEqual([await kindOf(0), await kindOf(1)], ['handoff', 'handoff']);

    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('ControlOrMeta+a');
    await inspector(page).getByText('3 nodes and 2 edges selected').waitFor();
    await inspector(page).getByLabel('Edge kind (all selected edges)').selectOption('dataflow');
    assert.deepEqual([await kindOf(0), await kindOf(1)], ['dataflow', 'dataflow']);

    // One undo takes back the whole change; the next one the second connection.
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual([await kindOf(0), await kindOf(1)], ['handoff', 'handoff']);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await edges.count(), 1);
  });

  it('keyboard: select all, copy, paste, duplicate, nudge, delete, undo, redo, escape', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await page.getByRole('button', { name: 'Add enrichment', exact: true }).click();
    await inspector(page).getByLabel('Connect to').selectOption({ label: 'Channel (Channel)' });
    await inspector(page).getByRole('button', { name: 'Connect' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });

    await page.keyboard.press('ControlOrMeta+a');
    await inspector(page).getByText('2 nodes and 1 edge selected').waitFor();
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    assert.equal(await nodeCount(page), 4);
    assert.equal(
      await page.locator('.react-flow__edge').count(),
      2,
      'the edge inside the selection is pasted too',
    );
    await page.keyboard.press('ControlOrMeta+d');
    assert.equal(await nodeCount(page), 6);

    const selectedX = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.react-flow__node.selected')].map((n) =>
          Number(/translate\(([-\d.]+)px/.exec(n.style.transform)?.[1]),
        ),
      );
    await page.waitForFunction(
      () => document.querySelectorAll('.react-flow__node.selected').length === 2,
    );
    const before = await selectedX();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (b) => {
        const now = [...document.querySelectorAll<HTMLElement>('.react-flow__node.selected')].map(
          (n) => Number(/translate\(([-\d.]+)px/.exec(n.style.transform)?.[1]),
        );
        return now.length === b.length && now.every((x, i) => x > (b[i] ?? Infinity));
      },
      before,
      { timeout: 3000 },
    );

    await page.keyboard.press('Delete');
    assert.equal(await nodeCount(page), 4);
    await page.keyboard.press('ControlOrMeta+z');
    assert.equal(await nodeCount(page), 6);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    assert.equal(await nodeCount(page), 4);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.react-flow__node.selected').count(), 0);
  });

  it('opens the keyboard shortcut dialog with ?', async () => {
    const { page } = session;
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByText('Duplicate').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('loads every template, and never over unsaved work', async () => {
    const { page } = session;
    for (const name of [
      'Seed-stage starter',
      'Mid-market sales-led',
      'Product-led',
      'Sales System Map',
    ]) {
      await startBlank(page);
      await loadTemplate(page, name);
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
    }
    const count = await nodeCount(page);
    await loadTemplate(page, 'Seed-stage starter');
    await page.getByRole('status').filter({ hasText: 'opened as a new diagram' }).waitFor();
    await page.getByRole('button', { name: 'Diagrams' }).click();
    const list = page.getByRole('list', { name: 'Saved diagrams' });
    await list.getByRole('listitem', { name: /Sales System Map/i }).waitFor();
    await page.keyboard.press('Escape');
    assert.notEqual(await nodeCount(page), 0);
    assert.ok(count > 10);
  });

  it('auto layout keeps nodes in their bands and is one undo step', async () => {
    const { page } = session;
    await loadTemplate(page, 'Seed-stage starter');
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const positions = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
          .map((n) => n.style.transform)
          .join('|'),
      );
    const before = await positions();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction((b) => {
      const now = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .map((n) => n.style.transform)
        .join('|');
      return now !== b;
    }, before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((b) => {
      const now = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .map((n) => n.style.transform)
        .join('|');
      return now === b;
    }, before);
  });

  it('keeps several diagrams: rename, duplicate, open and delete with confirmation', async () => {
    const { page } = session;
    await page.getByLabel('Diagram name').fill('Q1 plan');
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await page.getByRole('button', { name: 'Diagrams' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diagrams' });
    await dialog.getByRole('button', { name: 'Duplicate Q1 plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForValue(page.getByLabel('Diagram name'), 'Q1 plan (copy)');

    await page.getByRole('button', { name: 'Diagrams' }).click();
    await dialog.getByRole('button', { name: 'Rename Q1 plan (copy)' }).click();
    await dialog.getByLabel('New name for Q1 plan (copy)').fill('Q2 plan');
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await dialog.getByRole('listitem', { name: 'Q2 plan' }).waitFor();
    await waitForValue(page.getByLabel('Diagram name'), 'Q2 plan');

    await dialog.getByRole('button', { name: 'Open Q1 plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForValue(page.getByLabel('Diagram name'), 'Q1 plan');

    await page.getByRole('button', { name: 'Diagrams' }).click();
    await dialog.getByRole('button', { name: 'Delete Q2 plan' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('listitem', { name: 'Q2 plan' }).waitFor();
    await dialog.getByRole('button', { name: 'Delete Q2 plan' }).click();
    await dialog.getByRole('button', { name: 'Confirm delete' }).click();
    await dialog.getByRole('listitem', { name: 'Q2 plan' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    assert.deepEqual(session.errors, []);
  });
});

describe('toolbar commands', () => {
  for (const { platform, mod } of [
    { platform: 'MacIntel', mod: '⌘' },
    { platform: 'Linux x86_64', mod: 'Ctrl' },
  ]) {
    it(`names the shortcuts in the tooltips with ${mod} on ${platform}`, async () => {
      const session = await openApp({ platform });
      try {
        const { page } = session;
        const title = (name: string) =>
          page.getByRole('button', { name, exact: true }).getAttribute('title');
        assert.equal(await title('Undo'), `Undo (${mod}+Z)`);
        assert.equal(await title('Redo'), `Redo (Shift+${mod}+Z)`);
        assert.equal(await title('Auto layout'), 'Auto layout (Shift+L)');
        assert.ok(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled());
        await page.getByRole('button', { name: 'Add stage', exact: true }).click();
        assert.ok(await page.getByRole('button', { name: 'Undo', exact: true }).isEnabled());
        assert.ok(await page.getByRole('button', { name: 'Auto layout', exact: true }).isEnabled());
        // A new card opens with its title ready to type, where "?" is just a character:
        // Escape leaves the title first, as a person would.
        await page.keyboard.press('Escape');
        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await dialog.getByText(`${mod}+Z`, { exact: true }).waitFor();
        await dialog.getByText(`Shift+${mod}+Z`, { exact: true }).waitFor();
        const other = mod === '⌘' ? 'Ctrl' : '⌘';
        assert.equal(await dialog.getByText(other).count(), 0, `no ${other} in the dialog`);
      } finally {
        await session.close();
      }
    });
  }
});

describe('editor at 1024 px wide', () => {
  let session: Session;
  before(async () => {
    session = await openApp({ viewport: { width: 1024, height: 768 } });
  });
  after(async () => {
    await session?.close();
  });

  it('shows the palette, canvas and inspector without horizontal scrolling', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await inspector(page).getByLabel('Title').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    for (const name of ['Diagrams', 'Templates', 'Undo', 'Auto layout', 'Keyboard shortcuts']) {
      assert.ok(
        await page.getByRole('button', { name, exact: true }).isVisible(),
        `${name} is visible`,
      );
    }
  });
});
