import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { diagramToYDoc } from '../../collab/to-ydoc';
import * as edits from '../../model/edits/element-edits';
import type { Diagram } from '../../model/schema';
import { cleanDiagram } from '../../testing/test-diagrams';
import { createEditorStore } from '../editor-store';
import { createSharedDocument, REMOTE_BATCH_MS, type SharedDocument } from './shared-document';

/** Two peers of one room, linked as the server links them: every update reaches the other. */
function twoPeers(diagram: Diagram = cleanDiagram()) {
  const docA = diagramToYDoc(diagram);
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const link = { online: true, queueA: [] as Uint8Array[], queueB: [] as Uint8Array[] };
  docA.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'from-b') return;
    if (link.online) Y.applyUpdate(docB, update, 'from-a');
    else link.queueA.push(update);
  });
  docB.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'from-a') return;
    if (link.online) Y.applyUpdate(docA, update, 'from-b');
    else link.queueB.push(update);
  });
  const a = createSharedDocument(docA);
  const b = createSharedDocument(docB);
  return {
    a,
    b,
    offline: () => (link.online = false),
    online() {
      link.online = true;
      for (const u of link.queueA.splice(0)) Y.applyUpdate(docB, u, 'from-a');
      for (const u of link.queueB.splice(0)) Y.applyUpdate(docA, u, 'from-b');
    },
  };
}

const title = (doc: SharedDocument, id: string) => doc.read().nodes.find((n) => n.id === id)?.title;
const position = (doc: SharedDocument, id: string) =>
  doc.read().nodes.find((n) => n.id === id)?.position;
const flush = () => vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS + 1);

describe('shared document', () => {
  afterEach(() => vi.useRealTimers());

  it('undo takes back a comment thread I opened, and the other peer sees it go', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const card = a.read().nodes[0]!.id;
    const thread = {
      id: 'why',
      target: { type: 'node' as const, id: card },
      messages: [{ id: 'm1', author: 'Ana', text: 'Why 3%?', createdAt: '2026-12-01T10:00:00Z' }],
    };
    a.apply((d) => ({ ...d, comments: [thread] }), 'add-comment');
    await flush();
    expect(b.read().comments).toEqual([thread]);
    expect(a.canUndo()).toBe(true);
    a.undo();
    await flush();
    expect(a.read().comments).toBeUndefined();
    expect(b.read().comments).toBeUndefined();
  });

  it('undo undoes only my own edit, never the collaborator’s', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const [first, second] = a.read().nodes;
    a.apply((d) => edits.updateNode(d, first!.id, { title: 'Mine' }), 'update-node');
    b.apply((d) => edits.updateNode(d, second!.id, { title: 'Theirs' }), 'update-node');
    await flush();
    expect(title(a, second!.id)).toBe('Theirs');
    expect(a.canUndo()).toBe(true);
    a.undo();
    expect(title(a, first!.id)).toBe(first!.title);
    expect(title(a, second!.id)).toBe('Theirs');
    expect(a.canUndo()).toBe(false);
    await flush();
    expect(title(b, first!.id)).toBe(first!.title);
    expect(title(b, second!.id)).toBe('Theirs');
    a.redo();
    expect(title(a, first!.id)).toBe('Mine');
  });

  it('a peer that never edited has nothing to undo after a remote edit', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    a.apply((d) => edits.renameDiagram(d, 'Renamed by A'), 'rename');
    await flush();
    expect(b.read().name).toBe('Renamed by A');
    expect(b.canUndo()).toBe(false);
    b.undo();
    expect(b.read().name).toBe('Renamed by A');
  });

  it('two people changing different fields of one card both win', async () => {
    vi.useFakeTimers();
    const { a, b, offline, online } = twoPeers();
    const id = a.read().nodes[0]!.id;
    offline();
    a.apply((d) => edits.updateNode(d, id, { title: 'Title from A' }), 'update-node');
    const y = position(b, id)!.y;
    b.apply((d) => edits.moveNodes(d, new Map([[id, { x: 999, y }]])), 'move-nodes');
    online();
    await flush();
    for (const peer of [a, b]) {
      expect(title(peer, id)).toBe('Title from A');
      expect(position(peer, id)).toEqual({ x: 999, y });
    }
    expect(a.read()).toEqual(b.read());
  });

  it('a drag is one document change at the drop and one undo step', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const id = a.read().nodes[0]!.id;
    const start = position(a, id)!;
    const updates: Uint8Array[] = [];
    a.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    a.beginTransaction('gesture');
    for (let i = 1; i <= 20; i++)
      a.apply(
        (d) => edits.moveNodes(d, new Map([[id, { x: start.x + i * 10, y: start.y }]])),
        'move-nodes',
      );
    expect(position(a, id)).toEqual({ x: start.x + 200, y: start.y });
    await flush();
    expect(position(b, id)).toEqual(start);
    expect(updates).toHaveLength(0);
    a.endTransaction();
    expect(updates).toHaveLength(1);
    await flush();
    expect(position(b, id)).toEqual({ x: start.x + 200, y: start.y });
    a.undo();
    expect(position(a, id)).toEqual(start);
    expect(a.canUndo()).toBe(false);
  });

  it('a collaborator’s edit during my drag shows under it and survives the drop', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const [dragged, other] = a.read().nodes;
    const to = { x: 5, y: dragged!.position.y };
    a.beginTransaction('gesture');
    a.apply((d) => edits.moveNodes(d, new Map([[dragged!.id, to]])), 'move-nodes');
    b.apply((d) => edits.updateNode(d, other!.id, { title: 'Edited meanwhile' }), 'update-node');
    b.apply((d) => edits.updateNode(d, dragged!.id, { title: 'Dragged, renamed' }), 'update');
    await flush();
    expect(title(a, other!.id)).toBe('Edited meanwhile');
    expect(position(a, dragged!.id)).toEqual(to);
    a.endTransaction();
    await flush();
    for (const peer of [a, b]) {
      expect(title(peer, other!.id)).toBe('Edited meanwhile');
      expect(title(peer, dragged!.id)).toBe('Dragged, renamed');
      expect(position(peer, dragged!.id)).toEqual(to);
    }
  });

  it('typing is seen by others as it happens and undone as one step', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const id = a.read().nodes[0]!.id;
    const before = title(a, id);
    a.beginTransaction('typing');
    for (const text of ['A', 'Ab', 'Abc'])
      a.apply((d) => edits.updateNode(d, id, { title: text }), 'update-node');
    await flush();
    expect(title(b, id)).toBe('Abc');
    a.endTransaction();
    a.undo();
    expect(title(a, id)).toBe(before);
  });

  it('a burst of remote updates reaches the store once', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const store = createEditorStore(b.read(), 'room', b);
    let changes = 0;
    store.subscribe((s, p) => {
      if (s.diagram !== p.diagram) changes++;
    });
    const id = a.read().nodes[0]!.id;
    for (let i = 0; i < 30; i++)
      a.apply((d) => edits.updateNode(d, id, { title: `Title ${i}` }), 'update-node');
    expect(changes).toBe(0);
    await flush();
    expect(changes).toBe(1);
    expect(store.getState().diagram.nodes.find((n) => n.id === id)?.title).toBe('Title 29');
  });

  it('a remote change answered at once by a local write (a repair) reaches the store at once', () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const store = createEditorStore(b.read(), 'room', b);
    const id = a.read().nodes[0]!.id;
    a.apply((d) => edits.updateNode(d, id, { title: 'From Alice' }), 'update-node');
    // Inside the batch window, a write of neither peer's edits (as repairYDoc writes).
    b.ydoc.transact(() => b.ydoc.getMap('document').set('name', 'Repaired'), 'gtm-repair');
    expect(store.getState().diagram.nodes.find((n) => n.id === id)?.title).toBe('From Alice');
    expect(store.getState().diagram.name).toBe('Repaired');
  });

  it('a remote change keeps untouched cards as the same objects', async () => {
    vi.useFakeTimers();
    const { a, b } = twoPeers();
    const before = b.read();
    const [first, second] = before.nodes;
    a.apply((d) => edits.updateNode(d, first!.id, { title: 'Changed' }), 'update-node');
    await flush();
    const after = b.read();
    expect(after).not.toBe(before);
    expect(after.nodes.find((n) => n.id === second!.id)).toBe(second);
    expect(after.edges).toBe(before.edges);
  });

  it('a view link changes nothing', () => {
    const doc = diagramToYDoc(cleanDiagram());
    const view = createSharedDocument(doc, { readOnly: true });
    const before = view.read();
    view.apply((d) => edits.renameDiagram(d, 'Nope'), 'rename');
    expect(view.read()).toBe(before);
    expect(doc.getMap('document').get('name')).toBe(before.name);
  });
});
