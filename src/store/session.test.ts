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
    expect((await library.list()).map((s) => s.name)).toEqual(['Untitled diagram']);

    const diagram = shared();
    expect(await session.importDiagram(diagram)).toBe('replaced-blank');
    expect(store.getState().diagram).toBe(diagram);
    expect(store.getState().diagramId).toBe(blankId);
    expect((await library.list()).map((s) => s.name)).toEqual(['Shared plan']);
    expect(session.list().map((s) => s.name)).toEqual(['Shared plan']);

    // Only once: the next import is a diagram of its own.
    expect(await session.importDiagram(shared())).toBe('new');
    expect(await library.list()).toHaveLength(2);
  });

  it('keeps the start-up diagram once it has been edited', async () => {
    await startSession();
    store.getState().addNode('channel');
    expect(await session.importDiagram(shared())).toBe('new');
    const list = await library.list();
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
    expect((await library.list()).map((s) => s.id)).toContain('d-old');
  });
});
