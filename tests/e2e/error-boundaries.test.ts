import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { alert } from './fault-kit';
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
} from './harness';

/** A part of the editor that fails to draw shows a way out; the rest, and the diagram, stay usable. */
describe('a part that fails to draw', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    page = await openEditor(context, server.url);
    await page.getByLabel('Diagram name').fill('Boundary test');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await inspector(page).getByLabel('Title').fill('Webinars');
    await page.getByRole('button', { name: 'Add stage', exact: true }).click();
    await inspector(page).getByLabel('Title').fill('Discovery');
    await inspector(page).getByLabel('Connect to').selectOption({ label: 'Webinars (Channel)' });
    await inspector(page).getByRole('button', { name: 'Connect' }).click();
    await waitForSaved(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The boundary's documented test hook: the named part throws while it renders. It is compiled
   * in only by `vite build --mode e2e` (store/dev-channel.ts), never into a production build.
   */
  async function crashOnReload(part: string | null): Promise<void> {
    await page.evaluate((name) => {
      if (name === null) localStorage.removeItem('gtm-blueprint:crash-test');
      else localStorage.setItem('gtm-blueprint:crash-test', name);
    }, part);
    await page.reload();
    await page.getByRole('toolbar', { name: 'Palette' }).waitFor();
  }

  it('a failing side panel shows a way out; the canvas, palette and other tabs still work', async () => {
    await crashOnReload('forecast');
    await card(page, 'Webinars (channel)').waitFor();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const failed = alert(page, 'This panel failed to draw.');
    await failed.waitFor({ timeout: 3000 }).catch(() => {
      throw new Error('No crash-test hook in this build: build it with `vite build --mode e2e`.');
    });
    await failed.getByText('The Forecast panel hit an error').waitFor();

    const download = await waitForDownload(page, () =>
      failed.getByRole('button', { name: 'Download diagram as JSON' }).click(),
    );
    assert.equal(download.suggestedFilename(), 'boundary-test.json');
    const file = JSON.parse(await downloadedText(download)) as {
      nodes: { title: string }[];
      edges: unknown[];
    };
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), ['Discovery', 'Webinars']);
    assert.equal(file.edges.length, 1);

    // The rest of the editor carries on.
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await card(page, 'Segment (segment)').waitFor();
    await waitForSaved(page);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await inspector(page).getByLabel('Title').waitFor();
    assert.equal(await failed.count(), 0, 'another tab draws normally');

    // Fixed (the hook cleared): "Try again" draws the panel.
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await failed.waitFor();
    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await failed.getByRole('button', { name: 'Try again' }).click();
    await failed.waitFor({ state: 'detached' });
    assert.ok(await page.getByRole('tabpanel').isVisible());
  });

  it('a failing canvas leaves the diagram, the side panel and export working', async () => {
    await crashOnReload('canvas');
    const failed = alert(page, 'This panel failed to draw.');
    await failed.getByText('The canvas hit an error').waitFor();
    await page.getByRole('tab', { name: 'Problems' }).click();
    await page.getByRole('tabpanel').waitFor();
    await page.getByRole('button', { name: 'Add crm', exact: true }).click();
    await waitForSaved(page);
    const file = await exportJson(page);
    assert.deepEqual(file.nodes.map((n) => n.title).sort(), [
      'CRM',
      'Discovery',
      'Segment',
      'Webinars',
    ]);

    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await failed.getByRole('button', { name: 'Try again' }).click();
    await card(page, 'CRM (crm)').waitFor();
    assert.equal(await failed.count(), 0);
  });

  it('a failing card draws as a small error; the other cards and the handoff stay', async () => {
    await crashOnReload('card:Webinars');
    const broken = card(page, 'Webinars (channel)');
    await broken.getByRole('alert').filter({ hasText: 'This card failed to draw.' }).waitFor();
    await card(page, 'Discovery (stage)').getByText('Discovery', { exact: true }).waitFor();
    await page
      .getByRole('group', {
        name: /handoff from Webinars to Discovery|handoff from Discovery to Webinars/,
      })
      .waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await waitForSaved(page);

    await page.evaluate(() => localStorage.removeItem('gtm-blueprint:crash-test'));
    await broken.getByRole('button', { name: 'Try again' }).click();
    await broken.getByText('Webinars', { exact: true }).waitFor();
    assert.equal(await page.getByText('This card failed to draw.').count(), 0);
    await crashOnReload(null);
  });
});
