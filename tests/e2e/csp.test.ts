import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser } from 'playwright-core';
import {
  launchBrowser,
  startServer,
  waitForSaved,
  openEditor,
  inspector,
  VIEWPORT,
  waitForDownload,
  downloadedText,
} from './harness';

/** The app runs under the strict Content Security Policy it is deployed with. */
describe('runs under the strict CSP', () => {
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

  it('breaks no rule of the policy while loading, editing, auditing, forecasting and exporting', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openEditor(context, server.url, page);
    const violations = () =>
      page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);

    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /^Product-led/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 10);
    await page
      .getByRole('group', { name: /\(stage\)$/ })
      .first()
      .click();
    await inspector(page).getByLabel('Title').waitFor();
    for (const tab of ['Problems', 'Forecast', 'Inspector']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.getByRole('tabpanel').waitFor();
    }
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Diagrams' }).click();
    await page.keyboard.press('Escape');
    for (const format of ['SVG', 'PNG', 'JSON']) {
      const download = await waitForDownload(page, async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: format, exact: true }).click();
      });
      assert.ok((await downloadedText(download)).length > 0, `${format} export has content`);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);

    // The collector works and the policy is enforced: an inline script is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
    );
    assert.equal(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
      undefined,
    );
    assert.match((await violations())[0] ?? '', /^script-src/);
  });
});
