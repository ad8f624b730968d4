import 'fake-indexeddb/auto';
import { createStore, get, keys, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDiagram, createNode } from '../model/factories';
import type { Diagram } from '../model/schema';
import { DiagramLibrary } from './library';

let dbCount = 0;

/**
 * A library on a database of its own, a second library on the same database (another tab) and
 * a raw handle on the same object store.
 */
function freshLibrary() {
  const name = `library-test-${++dbCount}`;
  return {
    library: new DiagramLibrary(name),
    otherTab: new DiagramLibrary(name),
    raw: createStore(name, 'library'),
  };
}

const names = async (library: DiagramLibrary) =>
  (await library.lists()).diagrams.map((s) => s.name);
const unreadableOf = async (library: DiagramLibrary) => (await library.lists()).unreadable;

const withCard = (diagram: Diagram, title: string): Diagram => ({
  ...diagram,
  nodes: [...diagram.nodes, createNode('channel', { x: 0, y: 0 }, title)],
});

/** Lets IndexedDB's queued work run `ticks` times, to start a second tab at every point of the first. */
async function ticks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((done) => setImmediate(done));
}

/** How many ticks an interleaving sweep covers: more than any one library call takes. */
const SWEEP = 24;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DiagramLibrary: copies that no longer read', () => {
  it('sets an unreadable copy aside byte for byte and lists it apart from the diagrams', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-good', createDiagram('Pipeline review'), 0);
    await library.save('d-bad', createDiagram('Q3 plan'), 0);
    // A write cut short: the start of the file and nothing after.
    const damaged = { text: '{"format":"gtm-blueprint","version":1,"nodes":[{"id":"n_', rev: 4 };
    await set('doc:d-bad', damaged, raw);
    // Until it is opened, nothing tells it apart.
    expect(await names(library)).toEqual(['Pipeline review', 'Q3 plan']);

    const loaded = await library.load('d-bad');
    expect(loaded.ok).toBe(false);
    if (loaded.ok || loaded.reason !== 'corrupt') throw new Error('expected a corrupt copy');
    expect(await get(loaded.quarantineKey, raw)).toEqual(damaged);
    expect(await get('doc:d-bad', raw)).toBeUndefined();

    expect(await names(library)).toEqual(['Pipeline review']);
    const unreadable = await unreadableOf(library);
    expect(unreadable).toEqual([
      {
        key: loaded.quarantineKey,
        id: 'd-bad',
        name: 'Q3 plan',
        setAsideAt: expect.any(Number) as number,
      },
    ]);
    expect(loaded.lists.unreadable).toEqual(unreadable);
    expect(await library.readUnreadable(loaded.quarantineKey)).toBe(damaged.text);
    expect(await library.load('d-bad')).toEqual({ ok: false, reason: 'missing' });
  });

  it('lists copies set aside by earlier versions, newest first, and reads any stored value', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-a', createDiagram('Alpha'), 0);
    await set('quarantine:d-a:1000', 'not json', raw);
    await set('quarantine:d-gone:2000', { text: 7 }, raw);
    await set('doc:d-a', { text: '{}', rev: 1 }, raw);

    const unreadable = await unreadableOf(library);
    expect(unreadable.map((u) => [u.id, u.name, u.setAsideAt])).toEqual([
      ['d-gone', '', 2000],
      ['d-a', 'Alpha', 1000],
    ]);
    expect(await library.readUnreadable('quarantine:d-a:1000')).toBe('not json');
    expect(await library.readUnreadable('quarantine:d-gone:2000')).toBe('{"text":7}');
    expect(await library.readUnreadable('doc:d-a')).toBeNull();
    expect(await library.readUnreadable('quarantine:d-none:1')).toBeNull();
  });

  it('keeps the name of a copy set aside when another diagram is deleted', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-keep', createDiagram('Keep me'), 0);
    await library.save('d-bad', createDiagram('Broken'), 0);
    await set('doc:d-bad', 'garbage', raw);
    await library.load('d-bad');
    await library.remove('d-keep');
    expect(await names(library)).toEqual([]);
    expect((await unreadableOf(library)).map((u) => u.name)).toEqual(['Broken']);
    expect((await keys(raw)).filter((key) => String(key).startsWith('quarantine:'))).toHaveLength(
      1,
    );
  });

  it('never sets aside or deletes a copy written by a newer version, and says which version', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-new', createDiagram('From the future'), 0);
    const future = {
      text: JSON.stringify({ ...createDiagram('From the future'), version: 99, lanes: [] }),
      rev: 7,
      savedAt: 1,
    };
    await set('doc:d-new', future, raw);

    expect(await library.load('d-new')).toEqual({ ok: false, reason: 'newer', version: 99 });
    expect(await get('doc:d-new', raw)).toEqual(future);
    expect((await keys(raw)).some((key) => String(key).startsWith('quarantine:'))).toBe(false);
    // Still listed (the newer app opens it), never under "Could not be read".
    expect(await names(library)).toEqual(['From the future']);
    expect(await unreadableOf(library)).toEqual([]);
    // Nor renamed over by the older app.
    expect(await library.rename('d-new', 'Renamed')).toEqual({
      ok: false,
      reason: 'newer',
      version: 99,
    });
    expect(await get('doc:d-new', raw)).toEqual(future);
  });
});

describe('DiagramLibrary: two tabs at once', () => {
  it("keeps another tab's save that lands while a damaged copy is being set aside", async () => {
    for (let delay = 0; delay < SWEEP; delay++) {
      const { library, otherTab, raw } = freshLibrary();
      await library.save('d-1', createDiagram('Plan'), 0);
      await set('doc:d-1', { text: 'garbage', rev: 1, savedAt: 1 }, raw);
      // The other tab still has the good version open and saves an edit of it.
      const edited = withCard(createDiagram('Plan'), 'Webinars');
      const [loaded, saved] = await Promise.all([
        library.load('d-1'),
        ticks(delay).then(() => otherTab.save('d-1', edited, 1)),
      ]);
      expect(saved.ok, `delay ${delay}`).toBe(true);
      const stored = await get<{ text: string }>('doc:d-1', raw);
      expect(stored?.text, `delay ${delay}: the other tab's save is stored`).toContain('Webinars');
      // Whichever came first, the garbage is kept apart and never mixed with the good copy.
      if (!loaded.ok && loaded.reason === 'corrupt')
        expect(await get(loaded.quarantineKey, raw)).toMatchObject({ text: 'garbage' });
    }
  });

  it("deleting one diagram never drops another tab's new diagram from the list", async () => {
    for (let delay = 0; delay < SWEEP; delay++) {
      const { library, otherTab } = freshLibrary();
      await library.save('d-old', createDiagram('Old plan'), 0);
      await library.save('d-keep', createDiagram('Keep'), 0);
      const [removed, saved] = await Promise.all([
        library.remove('d-old'),
        ticks(delay).then(() => otherTab.save('d-new', createDiagram('New plan'), 0)),
      ]);
      expect(removed.ok && saved.ok, `delay ${delay}`).toBe(true);
      expect((await names(library)).sort(), `delay ${delay}`).toEqual(['Keep', 'New plan']);
    }
  });

  it("renames a diagram that is not open on top of another tab's latest save", async () => {
    for (let delay = 0; delay < SWEEP; delay++) {
      const { library, otherTab } = freshLibrary();
      await library.save('d-1', createDiagram('Plan'), 0);
      const [renamed, saved] = await Promise.all([
        library.rename('d-1', 'Q3 plan'),
        ticks(delay).then(() => otherTab.save('d-1', withCard(createDiagram('Plan'), 'Ads'), 1)),
      ]);
      const loaded = await library.load('d-1');
      if (!loaded.ok) throw new Error('expected the diagram to load');
      expect(renamed.ok, `delay ${delay}`).toBe(true);
      // Either the rename came first (and the other tab's save is refused as a conflict, to be
      // offered as a copy there) or it came second and renamed the other tab's version.
      if (saved.ok) {
        expect(loaded.diagram.name, `delay ${delay}`).toBe('Q3 plan');
        expect(loaded.diagram.nodes.map((n) => n.title)).toEqual(['Ads']);
      } else {
        expect(saved.reason).toBe('conflict');
        expect(loaded.diagram.name).toBe('Q3 plan');
      }
    }
  });

  it('deletes a diagram and its index entry together: a failed delete leaves both', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-1', createDiagram('Plan'), 0);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const removed = await library.remove('d-1');
    expect(removed).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await get('doc:d-1', raw)).toBeDefined();
    expect(await names(library)).toEqual(['Plan']);
  });
});

describe('DiagramLibrary: a damaged index', () => {
  it('lists every stored diagram when the index is damaged, and the next save rebuilds it', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-a', withCard(createDiagram('Alpha'), 'Ads'), 0);
    await library.save('d-b', createDiagram('Beta'), 0);
    await set('index', 'not a list', raw);

    expect((await names(library)).sort()).toEqual(['Alpha', 'Beta']);
    await library.save('d-c', createDiagram('Gamma'), 0);
    const index = await get<{ id: string; name: string; nodeCount: number }[]>('index', raw);
    expect(index?.map((s) => [s.id, s.name, s.nodeCount]).sort()).toEqual([
      ['d-a', 'Alpha', 1],
      ['d-b', 'Beta', 0],
      ['d-c', 'Gamma', 0],
    ]);
  });

  it('lists a stored diagram the index lost, under the name in its file', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-a', createDiagram('Alpha'), 0);
    await library.save('d-b', createDiagram('Beta'), 0);
    await set('index', [{ id: 'd-b', name: 'Beta', updatedAt: 1, nodeCount: 0 }, 42], raw);
    expect((await names(library)).sort()).toEqual(['Alpha', 'Beta']);
    await library.remove('d-b');
    expect(await names(library)).toEqual(['Alpha']);
  });
});

describe('DiagramLibrary: storage errors', () => {
  it('opens the database again after it failed to open, instead of failing for good', async () => {
    const open = IDBFactory.prototype.open;
    const spy = vi.spyOn(IDBFactory.prototype, 'open').mockImplementationOnce(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    // Made after the spy: a library may open its database as soon as it is made.
    const { library } = freshLibrary();
    expect(await library.save('d-1', createDiagram('Plan'), 0)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    spy.mockImplementation(function (this: IDBFactory, ...args) {
      return open.apply(this, args);
    });
    expect(await library.save('d-1', createDiagram('Plan'), 0)).toMatchObject({ ok: true });
    expect(await names(library)).toEqual(['Plan']);
  });

  it('reports a rename that could not be written, and leaves the stored copy as it was', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-1', createDiagram('Plan'), 0);
    const before = await get('doc:d-1', raw);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await library.rename('d-1', 'Q3 plan')).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await get('doc:d-1', raw)).toEqual(before);
    expect(await library.rename('d-gone', 'Q3 plan')).toEqual({ ok: false, reason: 'missing' });
  });

  it('answers a save with both lists from the same transaction', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-a', createDiagram('Alpha'), 0);
    await set('quarantine:d-x:5', 'bytes', raw);
    const scans = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const saved = await library.save('d-b', createDiagram('Beta'), 0);
    if (!saved.ok) throw new Error('expected the save to succeed');
    expect(saved.lists.diagrams.map((s) => s.name)).toEqual(['Alpha', 'Beta']);
    expect(saved.lists.unreadable.map((u) => u.key)).toEqual(['quarantine:d-x:5']);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(scans).toHaveBeenCalledTimes(1);
  });
});
