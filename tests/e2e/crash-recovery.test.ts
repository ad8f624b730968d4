import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  picture,
  expectPicture,
  launchOnProfile,
  dragCard,
  crashTab,
  type ProfileBrowser,
  type Moment,
} from './fault-kit';
import { startServer, waitForSaved, openEditor, card, inspector } from './harness';

/** A killed tab or browser loses nothing: every edit, and everything shown as saved, comes back. */
describe('a killed tab or browser loses nothing', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let profile: string;
  let chrome: ProfileBrowser | undefined;
  before(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'gtm-reliability-'));
  });
  after(async () => {
    await chrome?.kill();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('keeps every edit when the tab is killed one second later, at several moments', async () => {
    chrome = await launchOnProfile(profile);
    const { context } = chrome;
    let page = await openEditor(context, server.url, context.pages()[0]);
    let last = await picture(page);

    // A drag is saved as it ends (a save mid-drag would stall a big diagram's frames), so a
    // kill with the mouse button still down brings back the diagram as it was before the drag.
    const moments: Moment[] = [
      [
        'adding two nodes from the palette',
        async (p) => {
          await p.getByRole('button', { name: 'Add channel', exact: true }).click();
          await p.getByRole('button', { name: 'Add enrichment', exact: true }).click();
        },
      ],
      [
        'typing a title, the field still focused',
        async (p) => {
          await card(p, 'Channel (channel)').click();
          await inspector(p).getByLabel('Title').fill('Cold email');
        },
      ],
      [
        'connecting two nodes in the inspector',
        async (p) => {
          await card(p, 'Cold email (channel)').click();
          await inspector(p)
            .getByLabel('Connect to')
            .selectOption({ label: 'Enrichment (Enrichment)' });
          await inspector(p).getByRole('button', { name: 'Connect' }).click();
        },
      ],
      [
        'dragging a node, the mouse button still down',
        async (p) => {
          await dragCard(p, 'Cold email (channel)', 220, { drop: false });
        },
        'before the edit',
      ],
      [
        'dropping a dragged node',
        async (p) => {
          await dragCard(p, 'Cold email (channel)', 160, { drop: true });
        },
      ],
      [
        'renaming the diagram, the field still focused',
        async (p) => {
          await p.getByLabel('Diagram name').fill('Kill test');
        },
      ],
      [
        'deleting a node with its handoff',
        async (p) => {
          await card(p, 'Enrichment (enrichment)').click();
          await p.keyboard.press('Delete');
        },
      ],
    ];

    for (const [moment, edit, keeps = 'kept'] of moments) {
      await edit(page);
      const edited = await picture(page);
      assert.notDeepEqual(edited, last, `the edit (${moment}) changed the diagram`);
      const expected = keeps === 'kept' ? edited : last;
      await page.waitForTimeout(1000);
      await crashTab(context, page);
      page = await openEditor(context, server.url);
      await expectPicture(page, expected).catch((error: unknown) => {
        throw new Error(`Lost work after killing the tab while ${moment}.`, { cause: error });
      });
      last = expected;
    }
    assert.equal(last.nodes.length, 1, 'the last picture holds the one remaining card');
    assert.match(last.nodes[0] ?? '', /^Cold email \(channel\) at /);
    assert.equal(last.name, 'Kill test');
  });

  it('keeps everything shown as "Saved" when the whole browser is SIGKILLed', async () => {
    for (const [round, kind, title] of [
      [1, 'stage', 'Discovery'],
      [2, 'segment', 'Mid-market SaaS'],
      [3, 'crm', 'HubSpot'],
    ] as const) {
      chrome ??= await launchOnProfile(profile);
      const page = await openEditor(chrome.context, server.url, chrome.context.pages()[0]);
      await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
      await inspector(page).getByLabel('Title').fill(title);
      await card(page, `${title} (${kind})`).waitFor();
      await waitForSaved(page);
      const expected = await picture(page);

      await chrome.kill();
      chrome = await launchOnProfile(profile);
      const reopened = await openEditor(chrome.context, server.url, chrome.context.pages()[0]);
      await expectPicture(reopened, expected).catch((error: unknown) => {
        throw new Error(`Lost confirmed work after browser kill ${round}.`, { cause: error });
      });
      await chrome.kill();
      chrome = undefined;
    }
  });
});

/**
 * Background tabs get their timers throttled (Chrome's intensive throttling delays them up to a
 * minute) while BroadcastChannel messages still arrive. This reproduces that in one tab: while
 * `throttled` is set, timers of 250 ms or more wait until it is cleared.
 */
