import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser, startServer, waitForSaved, openEditor, VIEWPORT } from './harness';

/** Persistent storage: asked for once at start, and the browser's answer is shown. */
describe('persistent storage', () => {
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

  /** Replaces the browser's answer, counting how often the app asks. */
  async function openWith(answer: 'granted' | 'denied' | 'missing'): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript((mode) => {
      const w = window as unknown as { persistCalls: number };
      w.persistCalls = 0;
      const proto = StorageManager.prototype as unknown as Record<string, unknown>;
      if (mode === 'missing') {
        delete proto.persist;
        delete proto.persisted;
        return;
      }
      proto.persisted = () => Promise.resolve(false);
      proto.persist = () => {
        w.persistCalls += 1;
        return Promise.resolve(mode === 'granted');
      };
    }, answer);
    return openEditor(context, server.url);
  }

  it('asks once at start and shows "Storage: persistent" when granted', async () => {
    const page = await openWith('granted');
    const badge = page.getByRole('img', { name: 'Storage: persistent' });
    await badge.waitFor();
    assert.match((await badge.getAttribute('title')) ?? '', /keeps your diagrams/);
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await waitForSaved(page);
    assert.equal(
      await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls),
      1,
    );
  });

  for (const answer of ['denied', 'missing'] as const) {
    it(`warns that storage may be cleared when the browser says no (${answer})`, async () => {
      const page = await openWith(answer);
      const badge = page.getByRole('img', { name: 'Storage: may be cleared by the browser' });
      await badge.waitFor();
      assert.match((await badge.getAttribute('title')) ?? '', /Export the ones you need to keep/);
      assert.equal(await page.getByRole('img', { name: 'Storage: persistent' }).count(), 0);
    });
  }
});
