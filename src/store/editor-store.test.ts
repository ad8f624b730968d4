import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, bandTop } from '../model/bands';
import { createDiagram } from '../model/factories';
import { layerOf } from '../model/layers';
import { createEditorStore, redo, undo } from './editor-store';

const setup = () => createEditorStore(createDiagram('Test'), 'd1');

describe('editor store intents', () => {
  it('adds a node in its layer band, in free space, and selects it', () => {
    const store = setup();
    const a = store.getState().addNode('stage');
    const b = store.getState().addNode('stage');
    const [na, nb] = store.getState().diagram.nodes;
    expect(na?.id).toBe(a);
    expect(store.getState().selection.nodes).toEqual([b]);
    for (const node of [na, nb]) {
      const top = bandTop(layerOf(node!.kind));
      expect(node!.position.y).toBeGreaterThanOrEqual(top);
      expect(node!.position.y).toBeLessThan(top + BAND_HEIGHT);
    }
    expect(nb!.position.x).not.toBe(na!.position.x);
  });

  it('connects two nodes and refuses self-loops and duplicates with a reason', () => {
    const store = setup();
    const a = store.getState().addNode('channel');
    const b = store.getState().addNode('enrichment');
    expect(store.getState().connect(a, b).ok).toBe(true);
    expect(store.getState().connect(a, b)).toEqual({
      ok: false,
      reason: 'These two nodes are already connected.',
    });
    expect(store.getState().connect(a, a)).toMatchObject({ ok: false });
    expect(store.getState().diagram.edges).toHaveLength(1);
  });

  it('deleting a node removes the edges that touch it', () => {
    const store = setup();
    const a = store.getState().addNode('channel');
    const b = store.getState().addNode('enrichment');
    store.getState().connect(a, b);
    store.getState().deleteElements([a], []);
    expect(store.getState().diagram.nodes.map((n) => n.id)).toEqual([b]);
    expect(store.getState().diagram.edges).toEqual([]);
  });

  it('undo and redo step through document changes only', () => {
    const store = setup();
    const a = store.getState().addNode('segment');
    store.getState().select({ nodes: [], edges: [] });
    store.getState().setNotice({ kind: 'info', text: 'hello' });
    undo(store);
    expect(store.getState().diagram.nodes).toEqual([]);
    redo(store);
    expect(store.getState().diagram.nodes.map((n) => n.id)).toEqual([a]);
  });

  it('a drag of many frames is one undo step', () => {
    const store = setup();
    const a = store.getState().addNode('segment');
    const start = store.getState().diagram.nodes[0]!.position;
    store.getState().beginTransaction();
    for (let i = 1; i <= 30; i++) store.getState().moveNodes(new Map([[a, { x: i * 10, y: 100 }]]));
    store.getState().endTransaction();
    expect(store.getState().diagram.nodes[0]!.position).toEqual({ x: 300, y: 100 });
    undo(store);
    expect(store.getState().diagram.nodes[0]!.position).toEqual(start);
    undo(store);
    expect(store.getState().diagram.nodes).toEqual([]);
  });

  it('a transaction with no change adds no undo step', () => {
    const store = setup();
    store.getState().addNode('segment');
    store.getState().beginTransaction();
    store.getState().endTransaction();
    undo(store);
    expect(store.getState().diagram.nodes).toEqual([]);
    expect(store.getState().history).toEqual({ canUndo: false, canRedo: true });
  });

  it('says which kind of transaction is open, outside the undo history', () => {
    const store = setup();
    store.getState().addNode('segment');
    store.getState().beginTransaction();
    expect(store.getState().transaction).toBe('gesture');
    store.getState().endTransaction();
    expect(store.getState().transaction).toBeNull();
    store.getState().beginTransaction('typing');
    expect(store.getState().transaction).toBe('typing');
    undo(store);
    expect(store.getState().transaction).toBeNull();
    expect(store.getState().diagram.nodes).toEqual([]);
  });

  it('loading a diagram starts a fresh history', () => {
    const store = setup();
    store.getState().addNode('segment');
    store.getState().loadDiagram(createDiagram('Other'), 'd2');
    expect(store.getState().history).toEqual({ canUndo: false, canRedo: false });
    undo(store);
    expect(store.getState().diagram.name).toBe('Other');
  });

  it('undo drops the ids it removes from the selection', () => {
    const store = setup();
    const a = store.getState().addNode('segment');
    expect(store.getState().selection.nodes).toEqual([a]);
    undo(store);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('updates data without writing undefined fields', () => {
    const store = setup();
    const a = store.getState().addNode('stage');
    store
      .getState()
      .updateNodeData({ id: a, kind: 'stage' }, { owner: 'SDR team', nextAction: undefined });
    expect(store.getState().diagram.nodes[0]!.data).toEqual({ owner: 'SDR team' });
  });
});

describe('band constraint', () => {
  it('keeps a dragged node inside its layer band', () => {
    const store = setup();
    const a = store.getState().addNode('channel');
    store.getState().moveNodes(new Map([[a, { x: 500, y: 5000 }]]));
    const node = store.getState().diagram.nodes[0]!;
    expect(node.position.x).toBe(500);
    expect(node.position.y).toBeLessThan(bandTop('channels') + BAND_HEIGHT);
    expect(node.position.y).toBeGreaterThan(bandTop('channels'));
  });
});

describe('clipboard and selection intents', () => {
  it('copy and paste gives new ids and keeps only edges inside the selection', () => {
    const store = setup();
    const a = store.getState().addNode('channel');
    const b = store.getState().addNode('enrichment');
    const c = store.getState().addNode('stage');
    store.getState().connect(a, b, { label: 'Raw replies' });
    store.getState().connect(b, c);
    store.getState().select({ nodes: [a, b], edges: [] });
    const fragment = store.getState().copySelection()!;
    expect(fragment.edges).toHaveLength(1);
    store.getState().paste(fragment);
    const { diagram, selection } = store.getState();
    expect(diagram.nodes).toHaveLength(5);
    expect(diagram.edges).toHaveLength(3);
    expect(selection.nodes).toHaveLength(2);
    expect(selection.nodes).not.toContain(a);
    const pastedEdge = diagram.edges.at(-1)!;
    expect(pastedEdge.label).toBe('Raw replies');
    expect(selection.nodes).toContain(pastedEdge.source);
    expect(selection.nodes).toContain(pastedEdge.target);
  });

  it('select all, nudge and clear', () => {
    const store = setup();
    const a = store.getState().addNode('stage');
    const x = store.getState().diagram.nodes[0]!.position.x;
    store.getState().selectAll();
    expect(store.getState().selection.nodes).toEqual([a]);
    store.getState().nudge(10, 0);
    expect(store.getState().diagram.nodes[0]!.position.x).toBe(x + 10);
    store.getState().clearSelection();
    expect(store.getState().selection.nodes).toEqual([]);
  });

  it('applies a transform as one undo step', () => {
    const store = setup();
    store.getState().addNode('stage');
    store.getState().applyTransform((d) => ({ ...d, name: 'Renamed', nodes: [] }));
    expect(store.getState().diagram.name).toBe('Renamed');
    undo(store);
    expect(store.getState().diagram.nodes).toHaveLength(1);
  });
});
