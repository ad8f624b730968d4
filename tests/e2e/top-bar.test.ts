import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { parseRoomFragment } from '../../src/collab/protocol';
import { connect, type TestClient } from '../server/helpers';
import { openEditor, screenshotDir, settle } from './harness';
import { openWithCards, person, roomServer, shareAsRoom } from './room-fixture';

const WIDTHS = [1440, 1280, 1024];
/** The narrowest the diagram's name may get and still show a few words. */
const MIN_TITLE_WIDTH = 120;
/** A `.btn` holds one line of text-sm: taller means its label wrapped. */
const ONE_LINE = 32;
const OTHERS = ['Bob Jones', 'Carol King', 'Dan Brown', 'Eve Adams', 'Frank Ocean'];

const bar = (page: Page) => page.getByRole('banner');
const avatars = (page: Page) => bar(page).getByRole('list', { name: /^In this room/ });

interface Box {
  readonly name: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Every control of the top bar as drawn: buttons, the name field, the avatars. */
async function controls(page: Page): Promise<Box[]> {
  return bar(page)
    .locator('button, input, li')
    .evaluateAll((elements) =>
      elements
        .map((el) => {
          const r = el.getBoundingClientRect();
          const name =
            el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '';
          return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        })
        .filter((box) => box.right > box.left),
    );
}

/** The bar at `width`: every control inside the window, on one row, and the name readable. */
async function assertOneLine(page: Page, width: number, what: string) {
  await page.setViewportSize({ width, height: 800 });
  await settle(page, 100);
  const header = await bar(page).boundingBox();
  assert.ok(header, 'the top bar is drawn');
  assert.equal(header.height, 48, `${what} at ${width}px: the bar is one row high`);
  const boxes = await controls(page);
  assert.ok(boxes.length >= 11, `${what} at ${width}px: the bar's controls are measured`);
  const centre = header.y + header.height / 2;
  for (const box of boxes) {
    const where = `${what} at ${width}px: “${box.name}”`;
    assert.ok(box.right <= width, `${where} ends at ${box.right}, inside the window`);
    assert.ok(box.left >= 0, `${where} starts inside the window`);
    assert.ok(box.bottom - box.top <= ONE_LINE, `${where} keeps to one line`);
    assert.ok(
      Math.abs((box.top + box.bottom) / 2 - centre) <= 2,
      `${where} sits on the bar's one row`,
    );
  }
  const title = await bar(page).getByRole('textbox', { name: 'Diagram name' }).boundingBox();
  assert.ok(
    title && title.width >= MIN_TITLE_WIDTH,
    `${what} at ${width}px: the name field is ${title?.width}px wide`,
  );
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth),
    width,
    `${what} at ${width}px: nothing scrolls sideways`,
  );
  // Narrowed to icons, the buttons keep their names.
  for (const name of ['Undo', 'Redo', 'Auto layout', 'Import', 'Import deals…', 'Export', 'Share'])
    await bar(page).getByRole('button', { name, exact: true }).waitFor();
  await bar(page).getByRole('button', { name: 'Keyboard shortcuts' }).waitFor();
  mkdirSync(screenshotDir, { recursive: true });
  await bar(page).screenshot({ path: join(screenshotDir, `top-bar-${what}-${width}.png`) });
}

describe('the top bar keeps every control on one line', { timeout: 180_000 }, () => {
  const served = roomServer('gtm-top-bar-');
  let alice: BrowserContext;
  let page: Page;
  let link: { room: string; token: string };
  let viewUrl: string;
  const others: TestClient[] = [];

  /** Someone else joins: a client in this process, present as people are (a name, a colour). */
  function joinAs(name: string) {
    const client = connect(served.url, link.room, link.token);
    client.provider.awareness?.setLocalStateField('user', { name, color: '#0891b2' });
    others.push(client);
  }

  before(async () => {
    alice = await person(served.browser, 'Alice Smith');
  });
  after(() => {
    for (const client of others) client.destroy();
  });

  it('alone, at 1440, 1280 and 1024 px', async () => {
    const solo = await openEditor(alice, served.url);
    for (const width of WIDTHS) await assertOneLine(solo, width, 'alone');
    await solo.close();
  });

  it('with three people in the room: three avatars, no chip', async () => {
    page = await openWithCards(alice, served.url);
    const links = await shareAsRoom(page);
    viewUrl = links.viewUrl;
    const editUrl = links.editUrl;
    const parsed = parseRoomFragment(new URL(editUrl).hash);
    assert.ok(parsed, 'the edit link names a room');
    link = parsed;
    joinAs(OTHERS[0]!);
    joinAs(OTHERS[1]!);
    await bar(page).getByRole('list', { name: 'In this room: 3' }).waitFor({ timeout: 15_000 });
    assert.equal(await avatars(page).getByRole('listitem').count(), 3);
    assert.equal(await avatars(page).getByRole('listitem', { name: /more:/ }).count(), 0);
    for (const width of WIDTHS) await assertOneLine(page, width, 'three-people');
  });

  it('with six people: three avatars and a “+3” chip naming the others', async () => {
    for (const name of OTHERS.slice(2)) joinAs(name);
    await bar(page).getByRole('list', { name: 'In this room: 6' }).waitFor({ timeout: 15_000 });
    const items = avatars(page).getByRole('listitem');
    const names = await items.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    assert.equal(names.length, 4, 'three avatars and the chip');
    const shown = names.slice(0, 3);
    assert.equal(shown[0], 'Alice Smith (you)', 'you come first');
    const everyone = ['Alice Smith (you)', ...OTHERS];
    const hidden = everyone.filter((name) => !shown.includes(name));
    const chip = avatars(page).getByRole('listitem', { name: /^3 more: / });
    assert.equal(await chip.textContent(), '+3');
    const listed = ((await chip.getAttribute('aria-label')) ?? '').replace(/^3 more: /, '');
    assert.deepEqual(listed.split(', ').sort(), hidden.sort(), 'the chip names who it hides');
    assert.equal(await chip.getAttribute('title'), `3 more: ${listed}`, 'and says so on hover');
    // From the keyboard too: the chip opens a list of who it hides, Escape closes it.
    const more = chip.getByRole('button', { name: 'Show the 3 others here' });
    await more.focus();
    await page.keyboard.press('Enter');
    const list = bar(page).getByRole('list', { name: 'Also in this room' });
    assert.deepEqual(
      (await list.getByRole('listitem').allTextContents()).sort(),
      hidden.slice().sort(),
    );
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await page.screenshot({
      path: join(screenshotDir, 'top-bar-more-open.png'),
      clip: { x: 0, y: 0, width: 1024, height: 200 },
    });
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    assert.ok(await more.evaluate((el) => el === document.activeElement), 'focus goes back');
    for (const width of WIDTHS) await assertOneLine(page, width, 'six-people');
  });

  it('on a view link in that room: “View only”, four more in the chip, still one line', async () => {
    const victor = await person(served.browser, 'Victor View');
    try {
      const view = await openEditor(victor, viewUrl);
      await bar(view).getByRole('list', { name: 'In this room: 7' }).waitFor({ timeout: 15_000 });
      await bar(view).getByText('View only').waitFor();
      await avatars(view)
        .getByRole('listitem', { name: /^4 more: / })
        .waitFor();
      for (const width of WIDTHS) await assertOneLine(view, width, 'viewer');
    } finally {
      await victor.close();
    }
  });
});
