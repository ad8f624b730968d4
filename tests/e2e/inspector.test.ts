import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { card, inspector, openApp, type Session } from './harness';

describe('the inspector follows the selection', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('shows the card just clicked before anything else can run, so a typed title lands on it', async () => {
    const { page } = session;
    for (const kind of ['stage', 'scoring']) {
      await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
      await page.keyboard.press('Escape');
    }
    await page.locator('.react-flow__node').nth(1).waitFor();
    await card(page, 'Stage (stage)').click({ position: { x: 20, y: 10 } });
    const title = inspector(page).getByRole('textbox', { name: 'Title', exact: true });
    assert.equal(await title.inputValue(), 'Stage');
    // Click the other card and read the form in the same task, as a fast typist's next key
    // would meet it (a busy machine can hold a deferred render back for a long time).
    const shown = await page.evaluate(async () => {
      const other = document.querySelector<HTMLElement>('[aria-label="Scoring (scoring)"]');
      const at = other!.getBoundingClientRect();
      const point = {
        bubbles: true,
        view: window,
        clientX: at.left + 20,
        clientY: at.top + 10,
        button: 0,
      };
      other!.dispatchEvent(new PointerEvent('pointerdown', { ...point, isPrimary: true }));
      other!.dispatchEvent(new MouseEvent('mousedown', point));
      other!.dispatchEvent(new PointerEvent('pointerup', { ...point, isPrimary: true }));
      other!.dispatchEvent(new MouseEvent('mouseup', point));
      other!.dispatchEvent(new MouseEvent('click', point));
      await Promise.resolve();
      const field = document.querySelector<HTMLInputElement>(
        '[aria-label="Inspector"] input[type="text"], [aria-label="Inspector"] input:not([type])',
      );
      return field?.value ?? null;
    });
    assert.equal(shown, 'Scoring');
    await title.fill('Scoring renamed');
    await card(page, 'Scoring renamed (scoring)').waitFor();
    await card(page, 'Stage (stage)').waitFor();
    assert.deepEqual(session.errors, []);
  });
});
