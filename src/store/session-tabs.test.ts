import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDiagram, createNode } from '../model/factories';
import type { Diagram } from '../model/schema';
import { CURRENT_VERSION } from '../model/version';
import { DiagramLibrary } from '../persistence/library';
import { createEditorStore, type EditorStore } from './editor-store';
import { AUTOSAVE_DELAY_MS, DiagramSession } from './session';

/**
 * Sessions over the real IndexedDB library (fake-indexeddb), two of them standing for two tabs
 * of one browser: one database, one BroadcastChannel. Real timers: IndexedDB's own work is queued
 * on them.
 */
let dbCount = 0;
const open: DiagramSession[] = [];

interface Tab {
  store: EditorStore;
  session: DiagramSession;
  library: DiagramLibrary;
}

function browser() {
  const name = `session-tabs-${++dbCount}`;
  const channelName = `channel-${name}`;
  return {
    raw: createStore(name, 'library'),
    library: new DiagramLibrary(name),
    async openTab(): Promise<Tab> {
      // sessionStorage is per tab; in Node there is none, so each tab opens the diagram saved last.
      const store = createEditorStore();
      const library = new DiagramLibrary(name);
      const session = new DiagramSession(store, library, { channelName });
      open.push(session);
      await session.start();
      return { store, session, library };
    },
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const titles = (diagram: Diagram | undefined) => diagram?.nodes.map((n) => n.title).sort() ?? [];

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await pause(10);
  }
}

function addCard(tab: Tab, title: string): void {
  const id = tab.store.getState().addNode('channel');
  tab.store.getState().updateNode(id, { title });
}

async function storedDiagrams(library: DiagramLibrary): Promise<Map<string, Diagram>> {
  const { diagrams } = await library.lists();
  const out = new Map<string, Diagram>();
  for (const summary of diagrams) {
    const loaded = await library.load(summary.id);
    if (loaded.ok) out.set(summary.name, loaded.diagram);
  }
  return out;
}

afterEach(() => {
  for (const session of open.splice(0)) session.stop();
  vi.restoreAllMocks();
});

describe('two tabs editing one diagram', () => {
  it('loses nothing: a quiet tab follows the other, and a tab that edited too keeps a copy', async () => {
    const { library, openTab } = browser();
    const a = await openTab();
    a.store.getState().renameDiagram('Shared plan');
    await a.session.flush();
    const b = await openTab();
    expect(b.store.getState().diagramId).toBe(a.store.getState().diagramId);

    // A edits while B only looks: B shows A's edit.
    addCard(a, 'Webinars');
    await a.session.flush();
    await until(() => titles(b.store.getState().diagram).includes('Webinars'), 'B follows A');

    // Both edit at once: the second save is refused, never written over the first.
    addCard(a, 'Podcast');
    addCard(b, 'Events');
    await Promise.all([a.session.flush(), b.session.flush()]);
    const refused = [a, b].filter((tab) => tab.store.getState().saveState.status === 'error');
    expect(refused).toHaveLength(1);
    const loser = refused[0]!;
    expect(loser.store.getState().notice?.text).toMatch(/changed in another tab/);
    await loser.session.saveAsCopy();

    const stored = await storedDiagrams(library);
    expect([...stored.keys()].sort()).toEqual(['Shared plan', 'Shared plan (copy)']);
    const all = new Set([...stored.values()].flatMap((d) => titles(d)));
    expect([...all].sort()).toEqual(['Events', 'Podcast', 'Webinars']);
  });

  it("never replaces an edit made while the other tab's newer save is being read", async () => {
    const { openTab } = browser();
    const a = await openTab();
    await a.session.flush();
    const b = await openTab();
    let release = () => undefined as void;
    const gate = new Promise<void>((done) => (release = done));
    const load = b.library.load.bind(b.library);
    const reads = vi.spyOn(b.library, 'load').mockImplementation(async (id) => {
      await gate;
      return load(id);
    });

    addCard(a, 'Webinars');
    await a.session.flush();
    await until(() => reads.mock.calls.length > 0, "B reads A's save");
    addCard(b, 'Events');
    release();
    await until(
      () => /changed in another tab/.test(b.store.getState().notice?.text ?? ''),
      'B is told',
    );
    expect(titles(b.store.getState().diagram)).toEqual(['Events']);
    await b.session.flush();
    expect(b.store.getState().saveState.status).toBe('error');
    await b.session.saveAsCopy();
    expect(titles(b.store.getState().diagram)).toEqual(['Events']);
    expect(titles(a.store.getState().diagram)).toEqual(['Webinars']);
  });

  it("keeps another tab's diagram listed while this tab deletes one of its own", async () => {
    const { library, openTab } = browser();
    const a = await openTab();
    a.store.getState().renameDiagram('Keep');
    await a.session.flush();
    const doomed = await a.session.createDiagram(createDiagram('Doomed'));
    const b = await openTab();
    await b.session.createDiagram(createDiagram('New in B'));
    await Promise.all([
      a.session.deleteDiagram(doomed!),
      b.session.renameDiagram(b.store.getState().diagramId, 'New in B, renamed'),
    ]);
    const names = (await library.lists()).diagrams.map((s) => s.name).sort();
    expect(names).toEqual(['Keep', 'New in B, renamed']);
    await until(
      () =>
        a.session
          .list()
          .map((s) => s.name)
          .includes('New in B, renamed'),
      "A's list shows B's diagram",
    );
  });
});

describe('a stored copy is written only when the user changes it', () => {
  it('keeps the stored bytes of an opened diagram until it is edited', async () => {
    const { raw, openTab } = browser();
    const diagram = {
      ...createDiagram('Old file'),
      nodes: [createNode('channel', { x: 0, y: 0 })],
    };
    // Bytes another version could have written: pretty-printed, keys in another order.
    const { nodes, ...rest } = diagram;
    const text = JSON.stringify({ nodes, ...rest }, null, 4);
    const doc = { text, rev: 5, savedAt: 1 };
    await set('doc:d-old', doc, raw);
    await set('current', 'd-old', raw);

    const tab = await openTab();
    expect(tab.store.getState().diagram.name).toBe('Old file');
    await pause(AUTOSAVE_DELAY_MS * 3);
    await tab.session.flush();
    expect(await get('doc:d-old', raw)).toEqual(doc);

    tab.store.getState().renameDiagram('Old file, edited');
    await tab.session.flush();
    const saved = await get<{ text: string; rev: number }>('doc:d-old', raw);
    expect(saved?.rev).toBe(6);
    expect(JSON.parse(saved?.text ?? '{}')).toMatchObject({ name: 'Old file, edited' });
  });
  it('opens a version-1 file through its migration and writes it only once edited', async () => {
    const { raw, openTab } = browser();
    const text = readFileSync(
      resolve(import.meta.dirname, '../../tests/fixtures/migrations/v1-sales-led.json'),
      'utf8',
    );
    const doc = { text, rev: 2, savedAt: 1 };
    await set('doc:d-v1', doc, raw);
    await set('current', 'd-v1', raw);

    const tab = await openTab();
    expect(tab.store.getState().diagram.version).toBe(CURRENT_VERSION);
    await pause(AUTOSAVE_DELAY_MS * 3);
    await tab.session.flush();
    expect(await get('doc:d-v1', raw)).toEqual(doc);

    const [first] = tab.store.getState().diagram.nodes;
    tab.store.getState().updateNode(first!.id, { title: 'Edited' });
    await tab.session.flush();
    const saved = await get<{ text: string; rev: number }>('doc:d-v1', raw);
    expect(saved?.rev).toBe(3);
    expect(JSON.parse(saved?.text ?? '{}')).toMatchObject({ version: CURRENT_VERSION });
  });
});

describe('one transaction per save', () => {
  it('saves an edit and refreshes both lists in one transaction and one key scan', async () => {
    const { openTab } = browser();
    const tab = await openTab();
    await tab.session.createDiagram(createDiagram('Other'));
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const scans = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    addCard(tab, 'Webinars');
    await tab.session.flush();
    await until(() => tab.store.getState().saveState.status === 'saved', 'saved');
    expect(scans).toHaveBeenCalledTimes(1);
    // The save with its lists, and the note of which diagram is open.
    expect(transactions).toHaveBeenCalledTimes(2);
    expect(tab.session.list().find((s) => s.name === 'Other')?.nodeCount).toBe(1);
  });
});
