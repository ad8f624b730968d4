import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './axe';
import { card, openApp, screenshotDir, settle, type Session } from './harness';

/** WCAG 2.2 target size (2.5.8): at least 24 by 24 CSS px. */
const TARGET = 24;

describe('a card’s badges are whole targets', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('a selected card with findings and a comment thread passes axe, its badge and marker apart', async () => {
    const { page } = session;
    // A lone stage has findings (no exit criteria, nothing leads to it). Its badge shows once
    // the user has moved on from filling it in: here, to a second card.
    for (const kind of ['stage', 'scoring'])
      await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
    const stage = card(page, 'Stage (stage)');
    await stage.click({ position: { x: 20, y: 10 } });
    await page.getByRole('tab', { name: 'Comments' }).click();
    const panel = page.getByRole('region', { name: 'Comments' });
    await panel.getByRole('textbox', { name: 'Your name, shown with your comments' }).fill('Ana');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await panel.getByRole('combobox', { name: 'About' }).selectOption({ label: 'Stage “Stage”' });
    await panel.getByRole('textbox', { name: 'Comment' }).fill('Who owns this stage?');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    const marker = page.getByRole('button', { name: '1 open comment thread on “Stage”' });
    await marker.waitFor();
    await stage.click({ position: { x: 20, y: 10 } });
    const badge = stage.getByRole('button', { name: /^\d+ problems?:/ });
    await badge.waitFor();
    await settle(page);

    const a = await badge.boundingBox();
    const b = await marker.boundingBox();
    assert.ok(a && b, 'the badge and the marker are drawn');
    for (const [what, box] of [
      ['the audit badge', a],
      ['the comment marker', b],
    ] as const) {
      assert.ok(
        box.width >= TARGET && box.height >= TARGET,
        `${what} is ${box.width}×${box.height}`,
      );
    }
    const apart = b.x + b.width <= a.x || a.x + a.width <= b.x;
    assert.ok(
      apart,
      `the marker (${b.x}–${b.x + b.width}) and the badge (${a.x}–${a.x + a.width}) do not overlap`,
    );
    // Neither is under the other or under the card: a click on its centre reaches it.
    for (const target of [badge, marker]) await target.click({ trial: true });

    assert.deepEqual(await seriousViolations(page), []);
    mkdirSync(screenshotDir, { recursive: true });
    const at = await stage.boundingBox();
    assert.ok(at);
    await page.screenshot({
      path: join(screenshotDir, 'card-targets.png'),
      clip: { x: at.x - 30, y: at.y - 30, width: at.width + 60, height: at.height + 60 },
    });
    assert.deepEqual(session.errors, []);
  });
});
