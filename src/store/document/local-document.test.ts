import { describe, expect, it, vi } from 'vitest';
import { createDiagram } from '../../model/factories';
import type { Diagram } from '../../model/schema';
import { createEditorStore } from '../editor-store';
import type { DocumentBackend } from './document-backend';
import { HISTORY_LIMIT, createLocalDocument } from './local-document';

const renamed = (name: string) => (d: Diagram) => ({ ...d, name });

describe('the local document backend', () => {
  it('applies a transform as one undo step and tells its listeners', () => {
    const doc = createLocalDocument(createDiagram('A'));
    const listener = vi.fn();
    doc.subscribe(listener);
    doc.apply(renamed('B'), 'rename');
    expect(doc.read().name).toBe('B');
    expect(listener).toHaveBeenCalled();
    expect([doc.canUndo(), doc.canRedo()]).toEqual([true, false]);
    doc.undo();
    expect(doc.read().name).toBe('A');
    doc.redo();
    expect(doc.read().name).toBe('B');
  });

  it('adds no step for a transform that returns its input', () => {
    const doc = createLocalDocument(createDiagram('A'));
    const before = doc.read();
    doc.apply((d) => d, 'nothing');
    expect(doc.read()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('groups a transaction into one step, and undo closes an open one first', () => {
    const doc = createLocalDocument(createDiagram('A'));
    doc.beginTransaction();
    doc.apply(renamed('B'), 'rename');
    doc.apply(renamed('C'), 'rename');
    doc.undo();
    expect(doc.read().name).toBe('A');
    doc.redo();
    expect(doc.read().name).toBe('C');
  });

  it('starts a fresh history on load and keeps at most HISTORY_LIMIT steps', () => {
    const doc = createLocalDocument(createDiagram('A'));
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) doc.apply(renamed(`n${i}`), 'rename');
    let steps = 0;
    while (doc.canUndo()) {
      doc.undo();
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    doc.load(createDiagram('Other'));
    expect([doc.canUndo(), doc.canRedo()]).toEqual([false, false]);
  });
});

describe('the editor store over any backend', () => {
  it('changes the diagram only through apply, one call per intent, and mirrors the backend', () => {
    const local = createLocalDocument(createDiagram('A'));
    const labels: string[] = [];
    const backend: DocumentBackend = {
      ...local,
      apply(transform, label) {
        labels.push(label);
        local.apply(transform, label);
      },
    };
    const store = createEditorStore(local.read(), 'd1', backend);
    const a = store.getState().addNode('channel');
    const b = store.getState().addNode('enrichment');
    store.getState().connect(a, b);
    store.getState().renameDiagram('B');
    expect(labels).toEqual(['add-node', 'add-node', 'connect', 'rename']);

    // A change made behind the store's back (a collaborator's edit) shows in the store, and a
    // selected card the change removed is no longer selected.
    store.getState().select({ nodes: [a], edges: [] });
    local.apply((d) => ({ ...d, nodes: d.nodes.filter((n) => n.id !== a), edges: [] }), 'remote');
    expect(store.getState().diagram).toBe(local.read());
    expect(store.getState().selection.nodes).toEqual([]);
  });
});
