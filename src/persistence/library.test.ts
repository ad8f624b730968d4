import 'fake-indexeddb/auto';
import { createStore, get, keys, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createDiagram } from '../model/factories';
import { DiagramLibrary } from './library';

let dbCount = 0;

/** A library on a database of its own, and a raw handle on the same object store. */
function freshLibrary() {
  const name = `library-test-${++dbCount}`;
  return { library: new DiagramLibrary(name), raw: createStore(name, 'library') };
}

describe('DiagramLibrary: copies that no longer read', () => {
  it('sets an unreadable copy aside byte for byte and lists it apart from the diagrams', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-good', createDiagram('Pipeline review'), 0);
    await library.save('d-bad', createDiagram('Q3 plan'), 0);
    // A write cut short: the start of the file and nothing after.
    const damaged = { text: '{"format":"gtm-blueprint","version":1,"nodes":[{"id":"n_', rev: 4 };
    await set('doc:d-bad', damaged, raw);
    // Until it is opened, nothing tells it apart.
    expect((await library.list()).map((s) => s.name)).toEqual(['Pipeline review', 'Q3 plan']);

    const loaded = await library.load('d-bad');
    expect(loaded.ok).toBe(false);
    if (loaded.ok || loaded.reason !== 'corrupt') throw new Error('expected a corrupt copy');
    expect(await get(loaded.quarantineKey, raw)).toEqual(damaged);
    expect(await get('doc:d-bad', raw)).toBeUndefined();

    expect((await library.list()).map((s) => s.name)).toEqual(['Pipeline review']);
    const unreadable = await library.listUnreadable();
    expect(unreadable).toEqual([
      {
        key: loaded.quarantineKey,
        id: 'd-bad',
        name: 'Q3 plan',
        setAsideAt: expect.any(Number) as number,
      },
    ]);
    expect(await library.readUnreadable(loaded.quarantineKey)).toBe(damaged.text);
    expect(await library.load('d-bad')).toEqual({ ok: false, reason: 'missing' });
  });

  it('lists copies set aside by earlier versions, newest first, and reads any stored value', async () => {
    const { library, raw } = freshLibrary();
    await library.save('d-a', createDiagram('Alpha'), 0);
    await set('quarantine:d-a:1000', 'not json', raw);
    await set('quarantine:d-gone:2000', { text: 7 }, raw);
    await set('doc:d-a', { text: '{}', rev: 1 }, raw);

    const unreadable = await library.listUnreadable();
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
    expect(await library.list()).toEqual([]);
    expect((await library.listUnreadable()).map((u) => u.name)).toEqual(['Broken']);
    expect((await keys(raw)).filter((key) => String(key).startsWith('quarantine:'))).toHaveLength(
      1,
    );
  });
});
