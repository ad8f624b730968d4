import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiagram } from '../model/factories';
import { createEditorStore, type EditorStore } from './editor-store';
import { AUTOSAVE_DELAY_MS, DiagramSession, GESTURE_SAVE_HOLD_MS } from './session';
import { MemoryLibrary } from '../testing/test-library';

let store: EditorStore;
let library: MemoryLibrary;
let session: DiagramSession;

async function startSession(): Promise<void> {
  store = createEditorStore();
  library = new MemoryLibrary();
  session = new DiagramSession(store, library);
  await session.start();
}

const lastSaved = () => library.saves.at(-1)?.diagram;
const storedList = async () => (await library.lists()).diagrams;
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Moves the node one step, as each frame of a drag does. */
function dragStep(id: string, x: number): void {
  store.getState().moveNodes(new Map([[id, { x, y: 100 }]]));
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  session.stop();
  vi.useRealTimers();
});

describe('autosave around a drag', () => {
  it('saves an edit once the debounce has passed', async () => {
    await startSession();
    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS - 50);
    expect(lastSaved()?.nodes).toEqual([]);
    await wait(100);
    expect(lastSaved()).toBe(store.getState().diagram);
    expect(store.getState().saveState.status).toBe('saved');
  });

  it('holds the save while a card is dragged, and saves as the drag ends', async () => {
    await startSession();
    const id = store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    const beforeDrag = store.getState().diagram;
    expect(lastSaved()).toBe(beforeDrag);
    const saves = library.saves.length;

    store.getState().beginTransaction();
    for (let x = 20; x <= 200; x += 20) {
      dragStep(id, x);
      await wait(150);
    }
    // The pointer rests mid-drag for well over the debounce: still nothing written.
    await wait(2000);
    expect(library.saves.length).toBe(saves);
    expect(lastSaved()).toBe(beforeDrag);
    expect(store.getState().saveState.status).toBe('saving');

    store.getState().endTransaction();
    await wait(0);
    expect(library.saves.length).toBe(saves + 1);
    expect(lastSaved()).toBe(store.getState().diagram);
    expect(lastSaved()?.nodes[0]?.position.x).toBe(200);
    expect(store.getState().saveState.status).toBe('saved');
  });

  it('saves an edit still in its debounce when a drag starts, so a kill mid-drag keeps it', async () => {
    await startSession();
    const id = store.getState().addNode('channel');
    const added = store.getState().diagram;
    await wait(50);
    store.getState().beginTransaction();
    await wait(0);
    expect(lastSaved()).toBe(added);

    const saves = library.saves.length;
    dragStep(id, 300);
    await wait(1000);
    expect(library.saves.length).toBe(saves);
  });

  it('still saves a gesture left open past the limit, at most once per limit', async () => {
    await startSession();
    const id = store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    const saves = library.saves.length;

    store.getState().beginTransaction();
    dragStep(id, 50);
    await wait(GESTURE_SAVE_HOLD_MS - 100);
    expect(library.saves.length).toBe(saves);
    await wait(200);
    expect(library.saves.length).toBe(saves + 1);
    expect(lastSaved()).toBe(store.getState().diagram);

    // Measured from that save: the next one waits out a whole limit again.
    await wait(1000);
    dragStep(id, 80);
    await wait(GESTURE_SAVE_HOLD_MS - 1200);
    expect(library.saves.length).toBe(saves + 1);
    await wait(200);
    expect(library.saves.length).toBe(saves + 2);
    expect(lastSaved()?.nodes[0]?.position.x).toBe(80);
  });

  it('saves mid-drag when asked to flush (the tab is hidden or closed)', async () => {
    await startSession();
    const id = store.getState().addNode('channel');
    store.getState().beginTransaction();
    dragStep(id, 120);
    await session.flush();
    expect(lastSaved()).toBe(store.getState().diagram);
    expect(session.hasUnsavedChanges()).toBe(false);
  });

  it('keeps saving while a field stays focused (typing is not held)', async () => {
    await startSession();
    store.getState().beginTransaction('typing');
    store.getState().renameDiagram('Q3 plan');
    await wait(AUTOSAVE_DELAY_MS + 10);
    expect(lastSaved()?.name).toBe('Q3 plan');
    expect(store.getState().transaction).toBe('typing');
  });
});

describe('importing on a first visit', () => {
  const shared = () => ({ ...createDiagram('Shared plan'), nodes: [], edges: [] });

  it('takes the place of the untouched blank diagram start-up made', async () => {
    await startSession();
    const blankId = store.getState().diagramId;
    expect((await storedList()).map((s) => s.name)).toEqual(['Untitled diagram']);

    const diagram = shared();
    expect(await session.importDiagram(diagram)).toBe('replaced-blank');
    expect(store.getState().diagram).toBe(diagram);
    expect(store.getState().diagramId).toBe(blankId);
    expect((await storedList()).map((s) => s.name)).toEqual(['Shared plan']);
    expect(session.list().map((s) => s.name)).toEqual(['Shared plan']);

    // Only once: the next import is a diagram of its own.
    expect(await session.importDiagram(shared())).toBe('new');
    expect(await storedList()).toHaveLength(2);
  });

  it('keeps the start-up diagram once it has been edited', async () => {
    await startSession();
    store.getState().addNode('channel');
    expect(await session.importDiagram(shared())).toBe('new');
    const list = await storedList();
    expect(list.map((s) => [s.name, s.nodeCount])).toEqual([
      ['Untitled diagram', 1],
      ['Shared plan', 0],
    ]);
  });

  it('never replaces a diagram restored from the library', async () => {
    library = new MemoryLibrary();
    await library.save('d-old', createDiagram('Untitled diagram'), 0);
    await library.setCurrentId('d-old');
    store = createEditorStore();
    session = new DiagramSession(store, library);
    await session.start();
    expect(store.getState().diagramId).toBe('d-old');
    expect(await session.importDiagram(shared())).toBe('new');
    expect((await storedList()).map((s) => s.id)).toContain('d-old');
  });
});

const QUOTA = {
  ok: false,
  reason: 'quota',
  message: 'The browser storage is full, so changes are not being saved.',
} as const;
const UNAVAILABLE = {
  ok: false,
  reason: 'unavailable',
  message:
    'Browser storage is unavailable (private browsing?), so changes are kept in this tab only.',
} as const;

/** A library holding one saved diagram, open at start. */
async function libraryWith(name: string): Promise<MemoryLibrary> {
  const stored = new MemoryLibrary();
  await stored.save('d-saved', createDiagram(name), 0);
  await stored.setCurrentId('d-saved');
  return stored;
}

async function startOn(stored: MemoryLibrary): Promise<void> {
  library = stored;
  store = createEditorStore();
  session = new DiagramSession(store, library);
  await session.start();
}

describe('restoring at start-up', () => {
  it('says "restoring" until the saved diagram is back, then shows it', async () => {
    library = await libraryWith('Q3 plan');
    const release = library.hold();
    store = createEditorStore();
    session = new DiagramSession(store, library);
    const started = session.start();
    expect(store.getState().saveState.status).toBe('restoring');
    release();
    await started;
    expect(store.getState().diagram.name).toBe('Q3 plan');
    expect(store.getState().saveState.status).toBe('idle');
  });

  it('never replaces an edit made before the restore finished: it is kept as a new diagram', async () => {
    library = await libraryWith('Q3 plan');
    const release = library.hold();
    store = createEditorStore();
    session = new DiagramSession(store, library);
    const started = session.start();
    store.getState().addNode('channel');
    const edited = store.getState().diagram;
    release();
    await started;

    expect(store.getState().diagram).toBe(edited);
    expect(store.getState().diagramId).not.toBe('d-saved');
    expect(library.docs.get(store.getState().diagramId)?.diagram).toBe(edited);
    expect(library.docs.get('d-saved')?.diagram.name).toBe('Q3 plan');
    expect(store.getState().notice?.text).toMatch(
      /kept as a new diagram.*“Q3 plan” is under Diagrams/,
    );
  });

  it('opens a file imported during the restore after it, instead of being replaced by it', async () => {
    library = await libraryWith('Q3 plan');
    const release = library.hold();
    store = createEditorStore();
    session = new DiagramSession(store, library);
    const started = session.start();
    const imported = session.importDiagram(createDiagram('Imported'));
    release();
    await started;
    expect(await imported).toBe('new');
    expect(store.getState().diagram.name).toBe('Imported');
    expect((await storedList()).map((s) => s.name).sort()).toEqual(['Imported', 'Q3 plan']);
  });
  it('never leaves the editor restoring, and keeps saving, when the library throws', async () => {
    library = new MemoryLibrary();
    const save = library.save.bind(library);
    library.save = vi
      .fn(save)
      .mockRejectedValueOnce(new Error('Internal error opening backing store'));
    await startOn(library);
    expect(store.getState().saveState).toEqual({
      status: 'error',
      message: 'Saving failed: Internal error opening backing store',
    });
    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    expect(lastSaved()).toBe(store.getState().diagram);
    expect(store.getState().saveState.status).toBe('saved');
  });
});

describe('a copy saved by a newer version', () => {
  it('is left alone at start-up, with a message, and nothing is written until an edit', async () => {
    library = new MemoryLibrary();
    library.putNewer('d-future', 'Future plan', 2);
    await library.setCurrentId('d-future');
    await startOn(library);

    expect(store.getState().notice?.text).toMatch(
      /^Your last diagram was saved by a newer GTM Blueprint \(format version 2/,
    );
    expect(library.newer.get('d-future')).toBe(2);
    expect(library.saves).toEqual([]);
    expect(session.list().map((s) => s.name)).toEqual(['Future plan']);

    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    expect(library.saves).toHaveLength(1);
    expect(library.newer.get('d-future')).toBe(2);
  });

  it('is not opened from Diagrams: this tab says why and keeps its diagram', async () => {
    await startOn(await libraryWith('Q3 plan'));
    library.putNewer('d-future', 'Future plan', 3);
    expect(await session.openDiagram('d-future')).toBe(false);
    expect(store.getState().notice?.text).toMatch(
      /^This diagram was saved by a newer GTM Blueprint \(format version 3.*left exactly as it is/,
    );
    expect(store.getState().diagram.name).toBe('Q3 plan');
    expect(library.newer.has('d-future')).toBe(true);
  });
});

describe('storage errors', () => {
  it('retries a failed save with backoff and never switches saving off', async () => {
    await startSession();
    library.fail('save', UNAVAILABLE, 3);
    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    expect(store.getState().saveState.status).toBe('error');
    expect(store.getState().notice?.text).toBe(UNAVAILABLE.message);
    const saves = library.saves.length;

    // Retries after 1 s and 2 s fail; the one 4 s after that saves.
    await wait(1000 + 2000);
    expect(library.saves.length).toBe(saves);
    await wait(4000);
    expect(library.saves.length).toBe(saves + 1);
    expect(lastSaved()).toBe(store.getState().diagram);
    expect(store.getState().saveState.status).toBe('saved');
    expect(store.getState().notice).toBeNull();
  });

  it('keeps trying when storage fails at start-up, and restores once it answers', async () => {
    library = await libraryWith('Q3 plan');
    library.fail('currentId', UNAVAILABLE, 2);
    await startOn(library);
    expect(store.getState().saveState.status).toBe('error');
    expect(store.getState().notice?.text).toMatch(/kept in this tab only/);
    await wait(1000);
    expect(store.getState().diagram.name).toBe('Untitled diagram');
    await wait(2000);
    expect(store.getState().diagram.name).toBe('Q3 plan');
    expect(store.getState().saveState.status).toBe('idle');
    expect(store.getState().notice).toBeNull();
  });

  it('saves what was edited while storage was down as a new diagram, leaving the stored one', async () => {
    library = await libraryWith('Q3 plan');
    library.fail('currentId', UNAVAILABLE);
    library.fail('save', UNAVAILABLE);
    await startOn(library);
    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    expect(store.getState().saveState.status).toBe('error');
    await wait(60_000);
    const id = store.getState().diagramId;
    expect(library.docs.get(id)?.diagram).toBe(store.getState().diagram);
    expect(library.docs.get('d-saved')?.diagram.name).toBe('Q3 plan');
    expect(store.getState().saveState.status).toBe('saved');
  });

  it('reports a rename of a diagram that is not open that storage refused', async () => {
    await startOn(await libraryWith('Q3 plan'));
    await session.createDiagram(createDiagram('Other'));
    library.fail('rename', QUOTA);
    library.fail('save', QUOTA);
    expect(await session.renameDiagram('d-saved', 'Renamed')).toBe(false);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      text: `The diagram could not be renamed. ${QUOTA.message}`,
    });
    expect(library.docs.get('d-saved')?.diagram.name).toBe('Q3 plan');
    expect(session.list().map((s) => s.name)).toContain('Q3 plan');
  });

  it('reports a delete that storage refused, and keeps the diagram listed', async () => {
    await startOn(await libraryWith('Q3 plan'));
    await session.createDiagram(createDiagram('Other'));
    library.fail('remove', QUOTA);
    expect(await session.deleteDiagram('d-saved')).toBe(false);
    expect(store.getState().notice?.text).toBe(
      `The diagram could not be deleted. ${QUOTA.message}`,
    );
    expect(library.docs.has('d-saved')).toBe(true);
  });

  it('renames a diagram that is not open, and lists it under its new name', async () => {
    await startOn(await libraryWith('Q3 plan'));
    await session.createDiagram(createDiagram('Other'));
    expect(await session.renameDiagram('d-saved', 'Renamed')).toBe(true);
    expect(library.docs.get('d-saved')?.diagram.name).toBe('Renamed');
    expect(
      session
        .list()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Other', 'Renamed']);
  });

  it('does not switch away from a diagram whose changes storage refused', async () => {
    await startOn(await libraryWith('Q3 plan'));
    const other = await session.createDiagram(createDiagram('Other'));
    library.fail('save', QUOTA, 100);
    store.getState().addNode('channel');
    await wait(AUTOSAVE_DELAY_MS + 10);
    const unsaved = store.getState().diagram;
    expect(await session.openDiagram('d-saved')).toBe(false);
    expect(store.getState().diagram).toBe(unsaved);
    expect(store.getState().diagramId).toBe(other);
    expect(store.getState().notice?.text).toMatch(/not saved yet, so it stays open/);
  });
});
