import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { seriousViolations } from './axe';
import {
  alert,
  saveStatus,
  picture,
  expectPicture,
  readStored,
  storedKeys,
  writeStored,
} from './fault-kit';
import {
  launchBrowser,
  startServer,
  waitForSaved,
  openEditor,
  card,
  inspector,
  VIEWPORT,
  waitForDownload,
  downloadedText,
  exportJson,
  pressKept,
} from './harness';

/** Storage that fails (a damaged copy, a full disk, no IndexedDB): work is kept, and the user is told. */
describe('storage faults', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshTab(init?: () => void): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page: await openEditor(context, server.url, page), errors };
  }

  it('sets a saved diagram that no longer reads aside, keeps its bytes, and starts afresh', async () => {
    const { page, errors } = await freshTab();
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);

    const id = String(await readStored(page, 'current'));
    // A write cut short: the start of the file and nothing after.
    const garbage = { text: '{"format":"gtm-blueprint","version":1,"nodes":[{"id":"n_', rev: 9 };
    await writeStored(page, `doc:${id}`, garbage);

    await page.reload();
    await alert(page, 'Your last diagram could not be read, so it was set aside').waitFor();
    await alert(page, 'nothing was deleted').waitFor();

    const key = (await storedKeys(page)).find((k) => k.startsWith(`quarantine:${id}:`));
    const quarantined = { key, value: key === undefined ? null : await readStored(page, key) };
    assert.ok(quarantined.key, 'the unreadable copy is kept under a quarantine key');
    assert.deepEqual(quarantined.value, garbage, 'byte for byte');

    // The fresh diagram works: edits save, and it exports.
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await waitForSaved(page);
    const file = await exportJson(page);
    assert.deepEqual(
      file.nodes.map((n) => n.title),
      ['Stage'],
    );
    assert.deepEqual(errors, []);
  });

  it('lists a diagram that no longer reads apart, under "Could not be read", to download', async () => {
    const { page, errors } = await freshTab();
    await page.getByLabel('Diagram name').fill('Q3 plan');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);
    const id = String(await readStored(page, 'current'));

    const diagrams = page.getByRole('dialog', { name: 'Diagrams' });
    const saved = diagrams.getByRole('list', { name: 'Saved diagrams' });
    const unreadable = diagrams.getByRole('list', { name: 'Diagrams that could not be read' });
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await diagrams.getByRole('button', { name: 'New diagram' }).click();
    await diagrams.waitFor({ state: 'detached' });
    await page.getByLabel('Diagram name').fill('Pipeline review');
    await waitForSaved(page);

    const garbage = '{"format":"gtm-blueprint","version":1,"name":"Q3 plan","nodes":[{"id":"n_';
    await writeStored(page, `doc:${id}`, { text: garbage, rev: 3 });
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    assert.equal(await unreadable.count(), 0, 'nothing is known to be damaged before it is read');
    await diagrams.getByRole('button', { name: 'Open Q3 plan', exact: true }).click();
    await alert(page, 'That diagram could not be read, so it was set aside').waitFor();
    assert.equal(await page.getByLabel('Diagram name').inputValue(), 'Pipeline review');

    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    const item = unreadable.getByRole('listitem', { name: 'Q3 plan' });
    await item.waitFor();
    assert.deepEqual(
      await saved
        .getByRole('listitem')
        .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label'))),
      ['Pipeline review'],
    );
    assert.equal(await item.getByRole('button', { name: /^Open/ }).count(), 0, 'it does not open');
    assert.deepEqual(await seriousViolations(page), [], 'no serious axe violations');
    const download = await waitForDownload(page, () =>
      item.getByRole('button', { name: 'Download the saved copy of Q3 plan' }).click(),
    );
    assert.equal(download.suggestedFilename(), 'q3-plan-unreadable.json');
    assert.equal(await downloadedText(download), garbage, 'the bytes as they were saved');

    // Still set aside, and still listed apart, after a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await item.waitFor();
    assert.equal(await saved.getByRole('listitem').count(), 1);
    assert.deepEqual(errors, []);
  });

  it('says so when storage is full, keeps editing and exporting, and saves once space frees', async () => {
    const { page, errors } = await freshTab(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if ((window as unknown as { quotaFull?: boolean }).quotaFull)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const setFull = (full: boolean) =>
      page.evaluate((value) => {
        (window as unknown as { quotaFull?: boolean }).quotaFull = value;
      }, full);

    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);

    await setFull(true);
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    const warning = alert(page, 'The browser storage is full, so changes are not being saved');
    await warning.waitFor();
    await saveStatus(page, 'Not saved').waitFor();
    assert.match(
      (await saveStatus(page, 'Not saved').getAttribute('title')) ?? '',
      /storage is full/,
    );

    // Still an editor: a title change lands, and the export holds everything in memory.
    await inspector(page).getByLabel('Title').fill('Discovery');
    await card(page, 'Discovery (stage)').waitFor();
    const file = await exportJson(page);
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), ['Channel', 'Discovery']);

    // Space frees up: the retry saves without another edit, and the warning goes.
    await saveStatus(page, 'Not saved').waitFor();
    await setFull(false);
    await saveStatus(page, 'Saved').waitFor({ timeout: 15_000 });
    await warning.waitFor({ state: 'detached' });

    // Full again, then freed: the next edit saves at once.
    await setFull(true);
    await page.getByRole('button', { name: 'Add crm', exact: true }).click();
    await warning.waitFor();
    await setFull(false);
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await waitForSaved(page);
    await warning.waitFor({ state: 'detached' });

    const expected = await picture(page);
    await page.reload();
    await expectPicture(page, expected);
    assert.equal(expected.nodes.length, 4);
    assert.deepEqual(errors, []);
  });

  for (const [how, init] of [
    [
      'indexedDB.open throws (Safari-style private mode)',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      },
    ],
    [
      'the open request fails (Firefox-style private mode)',
      () => {
        IDBFactory.prototype.open = function () {
          const request = {
            error: new DOMException(
              'A mutation operation was attempted on a database that did not allow mutations.',
              'InvalidStateError',
            ),
          } as unknown as IDBOpenDBRequest;
          setTimeout(() => request.onerror?.call(request, new Event('error')));
          return request;
        };
      },
    ],
  ] as const) {
    it(`keeps work in the tab when IndexedDB is unavailable: ${how}`, async () => {
      const { page, errors } = await freshTab(init);
      await alert(page, 'so changes are kept in this tab only').waitFor();
      await saveStatus(page, 'Not saved').waitFor();

      await page.getByRole('button', { name: 'Add channel', exact: true }).click();
      await inspector(page).getByLabel('Title').fill('Webinars');
      await card(page, 'Webinars (channel)').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await card(page, 'Channel (channel)').waitFor();
      await page.getByRole('button', { name: 'Redo' }).click();
      await card(page, 'Webinars (channel)').waitFor();
      await saveStatus(page, 'Not saved').waitFor();

      const file = await exportJson(page);
      assert.deepEqual(
        file.nodes.map((n) => n.title),
        ['Webinars'],
      );

      // Versions cannot be stored either: Ctrl+S says so instead of opening "Save page".
      await page.keyboard.press('Escape');
      const kept = await pressKept(page, 'Control+s');
      await page
        .getByRole('status')
        .filter({
          hasText: 'Versions cannot be saved: version storage is not available in this browser.',
        })
        .waitFor();
      assert.equal(kept, true, 'the key is kept from the browser');
      assert.deepEqual(errors, []);
    });
  }
});
