/**
 * What the room specs share: the server as people run it, one browser context per person, and
 * the steps everyone takes to open a diagram and share it as a room.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { card, inspector, launchBrowser, openEditor } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(process.env.GTM_DIST ?? join(ROOT, 'dist'));

/** `gtm-blueprint serve` as a child process on a free port, serving the built app. */
export async function serve(
  dataDir: string,
  port = 0,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/gtm-blueprint.mjs'),
      'serve',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--dist',
      DIST,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/[^\s]+\/)/.exec(out);
      if (match) done(match[1] as string);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
    setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 20_000);
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export interface RoomServer {
  readonly url: string;
  readonly browser: Browser;
  /** Stops the server (SIGTERM), as a restart begins. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data folder. */
  start(): Promise<void>;
}

/**
 * A server with a data folder of its own and one browser for a describe block: started in its
 * `before` hook, stopped and removed in its `after` hook.
 */
export function roomServer(prefix: string): RoomServer {
  let data = '';
  let server: { url: string; stop(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let port = 0;
  before(async () => {
    data = mkdtempSync(join(tmpdir(), prefix));
    server = await serve(data);
    port = Number(new URL(server.url).port);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the room server starts in the before hook');
    return value;
  };
  return {
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
    stop: () => started(server).stop(),
    async start() {
      server = await serve(data, port);
    },
  };
}

/** Each person has a browser context of their own (own storage), with a name already chosen. */
export async function person(browser: Browser, name: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({
    content: `try { localStorage.setItem('gtm-blueprint:author-name', ${JSON.stringify(name)}); } catch {}`,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

/** Waits for the save status (or any status line) to read `text`. */
export const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });

/** Opens the editor on a new diagram of two cards: a stage and a scoring card. */
export async function openWithCards(context: BrowserContext, url: string): Promise<Page> {
  const page = await openEditor(context, url);
  for (const kind of ['stage', 'scoring'])
    await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
  await page.locator('.react-flow__node').nth(1).waitFor();
  return page;
}

/** Share → Invite to edit, as a person does it; answers both links once the room is synced. */
export async function shareAsRoom(page: Page): Promise<{ editUrl: string; viewUrl: string }> {
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('menuitem', { name: 'Invite to edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people to this diagram' });
  await dialog.waitFor();
  const editUrl = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const viewUrl = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  await dialog.getByRole('button', { name: 'Copy edit link' }).click();
  await dialog.getByRole('button', { name: 'Copied edit link' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the links dialog passes axe');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), editUrl);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await status(page, 'Synced');
  return { editUrl, viewUrl };
}

/** The cards on the canvas by accessible name. */
export async function cardTitles(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
}

export async function selectCard(page: Page, name: string | RegExp) {
  await card(page, name)
    .first()
    .click({ position: { x: 20, y: 10 } });
}

/** Sets a field in the inspector as a person types it, then leaves the field. */
export async function typeInto(page: Page, label: string, text: string) {
  const field = inspector(page).getByLabel(label, { exact: true }).first();
  await field.fill(text);
  await field.blur();
}
