import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbVersionStore } from '../../persistence/versions';
import { cleanDiagram, setMetric } from '../../testing/test-diagrams';
import { createEditorStore, type EditorStore } from '../editor-store';
import { AUTO_VERSION_INTERVAL_MS, trackVersions } from './auto-versions';

let dbCount = 0;
function setUp(): { store: EditorStore; versions: IndexedDbVersionStore } {
  const store = createEditorStore(cleanDiagram(), 'diagram-1');
  const versions = new IndexedDbVersionStore(`review-slice-${++dbCount}`);
  store.getState().connectVersions(versions);
  return { store, versions };
}

const settle = async (store: EditorStore) => {
  for (let i = 0; i < 50 && store.getState().versionsStatus !== 'ready'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('review intents', () => {
  it('saves a named version with a note and lists it with its counts', async () => {
    const { store } = setUp();
    await settle(store);
    expect(await store.getState().saveVersion('Before QBR', 'Draft for Ana')).toBeNull();
    const [version] = store.getState().versions;
    expect(version).toMatchObject({
      name: 'Before QBR',
      note: 'Draft for Ana',
      kind: 'named',
      cards: cleanDiagram().nodes.length,
      findings: 0,
    });
  });

  it('marks as reviewed in one undo step, saves a dated version and audits drift against it', async () => {
    const { store } = setUp();
    await settle(store);
    await store.getState().markReviewed(new Date('2026-12-01T10:00:00Z'));
    const state = store.getState();
    expect(state.diagram.meta.lastReviewed).toBe('2026-12-01');
    expect(state.versions[0]).toMatchObject({ name: 'Review 2026-12-01', kind: 'reviewed' });
    expect(state.reviewBaseline?.reviewedAt).toBe('2026-12-01');

    store.getState().applyTransform((d) => setMetric(d, 'stage-proposal', 'win-rate', 0.3), 'edit');
    const drift = store
      .getState()
      .derived.auditOf(store.getState().diagram)
      .findings.filter((f) => f.ruleId === 'metric-drift');
    expect(drift.map((f) => f.message)).toEqual([
      'Drift on “Proposal”: Win rate moved up 50% since the review of 2026-12-01, from 20% to 30%.',
    ]);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().diagram.meta.lastReviewed).toBe(cleanDiagram().meta.lastReviewed);
  });

  it('restores a version as one undoable change, keeping the comment threads', async () => {
    const { store } = setUp();
    await settle(store);
    await store.getState().saveVersion('Full');
    const id = store.getState().versions[0]?.id as string;
    store.getState().deleteElements(['rev-sequencing'], []);
    store.getState().setAuthorName('Ana');
    store.getState().addComment({ type: 'node', id: 'stage-mql' }, 'Who owns this?');
    expect(await store.getState().restoreVersion(id)).toBeNull();
    const restored = store.getState().diagram;
    expect(restored.nodes.map((n) => n.id)).toContain('rev-sequencing');
    expect(restored.comments?.map((t) => t.messages[0]?.text)).toEqual(['Who owns this?']);
    store.getState().undo();
    expect(store.getState().diagram.nodes.map((n) => n.id)).not.toContain('rev-sequencing');
  });

  it('writes, replies to, edits and resolves comments, one undo step each, signed by the author', () => {
    const { store } = setUp();
    const s = () => store.getState();
    s().setAuthorName('  Ana  Lopez ');
    s().addComment({ type: 'node', id: 'stage-mql' }, 'Who owns MQL?');
    const thread = s().diagram.comments?.[0];
    expect(thread?.messages[0]).toMatchObject({ author: 'Ana Lopez', text: 'Who owns MQL?' });
    s().replyToComment(thread?.id as string, 'The SDR lead.');
    s().editComment(thread?.id as string, thread?.messages[0]?.id as string, 'Who owns MQL now?');
    s().resolveComment(thread?.id as string, true);
    expect(s().diagram.comments?.[0]).toMatchObject({ resolved: true });
    expect(s().diagram.comments?.[0]?.messages.map((m) => m.text)).toEqual([
      'Who owns MQL now?',
      'The SDR lead.',
    ]);
    s().undo();
    expect(s().diagram.comments?.[0]?.resolved).toBeUndefined();
    s().undo();
    s().undo();
    expect(s().diagram.comments?.[0]?.messages).toHaveLength(1);
    s().undo();
    expect(s().diagram.comments).toBeUndefined();
  });

  it('comments on a finding: a new thread the first time, its open thread after that', () => {
    const { store } = setUp();
    const s = () => store.getState();
    s().setAuthorName('Ana');
    const target = {
      type: 'finding',
      ruleId: 'stage-missing-owner',
      element: { type: 'node', id: 'stage-mql' },
    } as const;
    s().commentOn(target);
    expect(s().sideTab).toBe('Comments');
    expect(s().commentDraft).toEqual(target);
    expect(s().commentFocus).toEqual({ kind: 'draft' });
    s().clearCommentFocus();
    s().addComment(target, 'Who owns MQL?');
    const id = s().diagram.comments?.[0]?.id;
    s().showSideTab('Problems');
    s().commentOn(target);
    expect(s().sideTab).toBe('Comments');
    expect(s().commentFocus).toEqual({ kind: 'thread', threadId: id });
    expect(s().diagram.comments).toHaveLength(1);
    // A resolved thread is done with: the next comment starts a new one.
    s().resolveComment(id as string, true);
    s().commentOn(target);
    expect(s().commentFocus).toEqual({ kind: 'draft' });
  });

  it('compares with a stored version', async () => {
    const { store } = setUp();
    await settle(store);
    await store.getState().saveVersion('Q3');
    expect(
      await store.getState().compareWithVersion(store.getState().versions[0]?.id as string),
    ).toBeNull();
    expect(store.getState().comparison?.name).toBe('Q3');
    store.getState().compareWith(null);
    expect(store.getState().comparison).toBeNull();
  });
});

describe('automatic versions', () => {
  it('saves one on the first edit, then at most one an hour', async () => {
    const store = createEditorStore(cleanDiagram(), 'diagram-auto');
    const versions = new IndexedDbVersionStore(`review-auto-${++dbCount}`);
    let now = Date.parse('2026-12-03T09:00:00Z');
    const stop = trackVersions(store, versions, () => now);
    await settle(store);
    const edit = async (title: string) => {
      store.getState().updateNode('stage-mql', { title });
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await edit('MQL 1');
    expect(store.getState().versions.map((v) => v.kind)).toEqual(['auto']);
    now += AUTO_VERSION_INTERVAL_MS - 60_000;
    await edit('MQL 2');
    expect(store.getState().versions).toHaveLength(1);
    now += 60_000;
    await edit('MQL 3');
    expect(store.getState().versions.map((v) => v.kind)).toEqual(['auto', 'auto']);

    store.getState().compareWith({ name: 'Q3', diagram: cleanDiagram() });
    store.getState().loadDiagram(cleanDiagram(), 'diagram-other');
    expect(store.getState().comparison).toBeNull();
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().versions).toEqual([]);
    stop();
  });
});

describe('automatic versions when version storage is full', () => {
  it('says so once in a notice, and the diagram keeps changing and saving', async () => {
    const store = createEditorStore(cleanDiagram(), 'diagram-full');
    const versions = new IndexedDbVersionStore(`review-full-${++dbCount}`, {
      count: 1,
      bytes: 1e9,
    });
    await versions.save(
      'diagram-full',
      cleanDiagram(),
      { name: 'Kept', kind: 'named', findings: 0 },
      0,
    );
    let now = Date.parse('2026-12-03T09:00:00Z');
    const stop = trackVersions(store, versions, () => now);
    await settle(store);
    const edit = async (title: string) => {
      store.getState().updateNode('stage-mql', { title });
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await edit('MQL 1');
    expect(store.getState().notice).toMatchObject({ kind: 'warning' });
    expect(store.getState().notice?.text).toMatch(/^Version storage for this diagram is full/);
    expect(store.getState().diagram.nodes.find((n) => n.id === 'stage-mql')?.title).toBe('MQL 1');
    store.getState().setNotice(null);
    now += 2 * AUTO_VERSION_INTERVAL_MS;
    await edit('MQL 2');
    expect(store.getState().notice).toBeNull();
    stop();
  });
});
