import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cleanDiagram } from '../testing/test-diagrams';
import { AUTO_KEEP_MS, IndexedDbVersionStore, planPrune, type VersionSummary } from './versions';

let dbCount = 0;
const freshStore = (quota?: { count: number; bytes: number }) =>
  new IndexedDbVersionStore(`versions-test-${++dbCount}`, quota);

const named = { name: 'Q3 review', kind: 'named', findings: 2 } as const;

describe('version storage', () => {
  it('saves a version and reads it back through the file gate, listed newest first', async () => {
    const store = freshStore();
    const diagram = cleanDiagram();
    const first = await store.save('d1', diagram, { ...named, note: 'Before the offsite' }, 1_000);
    const second = await store.save(
      'd1',
      { ...diagram, name: 'Later' },
      { ...named, name: 'Q4' },
      2_000,
    );
    await store.save('d2', diagram, named, 3_000);
    expect(first.ok && second.ok).toBe(true);
    const list = await store.list('d1');
    expect(list.map((v) => v.name)).toEqual(['Q4', 'Q3 review']);
    expect(list[1]).toMatchObject({
      note: 'Before the offsite',
      cards: diagram.nodes.length,
      edges: diagram.edges.length,
      findings: 2,
      kind: 'named',
    });
    const read = await store.read(list[1]?.id as string);
    if (!read.ok) throw new Error(read.message);
    const { $schema: _schema, ...file } = read.diagram;
    expect(file).toEqual(diagram);
  });

  it('refuses a version when named ones fill the quota, with a message, and stores nothing', async () => {
    const store = freshStore({ count: 2, bytes: 10_000_000 });
    const diagram = cleanDiagram();
    await store.save('d1', diagram, named, 1);
    await store.save('d1', diagram, named, 2);
    const third = await store.save('d1', diagram, named, 3);
    expect(third).toMatchObject({ ok: false, reason: 'full' });
    expect(!third.ok && third.message).toMatch(
      /^Version storage for this diagram is full \(2 versions, 0 MB\)\. Delete old versions in History/,
    );
    expect(await store.list('d1')).toHaveLength(2);
  });

  it('makes room by dropping the oldest automatic version, never a named one', async () => {
    const store = freshStore({ count: 2, bytes: 10_000_000 });
    const diagram = cleanDiagram();
    await store.save('d1', diagram, { name: 'auto 1', kind: 'auto', findings: 0 }, 1);
    await store.save('d1', diagram, named, 2);
    const next = await store.save('d1', diagram, { name: 'auto 2', kind: 'auto', findings: 0 }, 3);
    expect(next).toMatchObject({ ok: true, pruned: 1 });
    expect((await store.list('d1')).map((v) => v.name)).toEqual(['auto 2', 'Q3 review']);
  });

  it('reports a missing version plainly', async () => {
    expect(await freshStore().read('nope')).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('planPrune', () => {
  const v = (id: string, kind: VersionSummary['kind'], createdAt: number): VersionSummary => ({
    id,
    diagramId: 'd',
    name: id,
    kind,
    createdAt,
    cards: 1,
    edges: 0,
    findings: 0,
    bytes: 100,
  });
  const now = 200 * 86_400_000;

  it('drops automatic versions older than 90 days and keeps named ones forever', () => {
    const old = now - AUTO_KEEP_MS - 1;
    const plan = planPrune(
      [v('a-old', 'auto', old), v('a-new', 'auto', now - 1000), v('n-old', 'named', 0)],
      { bytes: 100 },
      now,
    );
    expect(plan).toEqual({ drop: ['a-old'], fits: true });
  });

  it('counts bytes against the quota too', () => {
    const plan = planPrune([v('a', 'auto', now), v('b', 'reviewed', now)], { bytes: 100 }, now, {
      count: 10,
      bytes: 250,
    });
    expect(plan).toEqual({ drop: ['a'], fits: true });
    expect(
      planPrune([v('b', 'reviewed', now)], { bytes: 200 }, now, { count: 10, bytes: 250 }).fits,
    ).toBe(false);
  });
});
