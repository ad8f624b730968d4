import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Diagram } from '../model/schema';
import { CURRENT_VERSION } from '../model/version';
import { edge, node } from '../testing/test-diagrams';
import { parseYDoc, yDocToDiagram } from './from-ydoc';
import { REPAIR_ORIGIN, repairYDoc, watchForRepairs, type Repair } from './repair';
import { applyDiagramToYDoc, diagramToYDoc } from './to-ydoc';

const base: Diagram = {
  format: 'gtm-blueprint',
  version: CURRENT_VERSION,
  name: 'Race',
  meta: {},
  nodes: [node('stage', 'a', 'A'), node('stage', 'b', 'B'), node('stage', 'c', 'C')],
  edges: [edge('ab', 'a', 'b')],
};

function exchange(x: Y.Doc, y: Y.Doc): void {
  Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
  Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
}

describe('repairYDoc', () => {
  it('a card deleted while someone joins an edge to it: the merge is repaired the same way on both sides', () => {
    const alice = diagramToYDoc(base);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    applyDiagramToYDoc(alice, { ...base, nodes: base.nodes.filter((n) => n.id !== 'c') }, 'alice');
    applyDiagramToYDoc(bob, { ...base, edges: [...base.edges, edge('bc', 'b', 'c')] }, 'bob');
    exchange(alice, bob);
    expect(parseYDoc(bob).ok).toBe(false);
    expect(repairYDoc(bob, 'repair')).toEqual({ edges: 1, threads: 0, stageMappings: 0 });
    expect(repairYDoc(alice, 'repair')).toEqual({ edges: 1, threads: 0, stageMappings: 0 });
    exchange(alice, bob);
    expect(yDocToDiagram(alice)).toEqual(yDocToDiagram(bob));
    expect(yDocToDiagram(alice).edges.map((e) => e.id)).toEqual(['ab']);
  });

  it('leaves a valid doc alone and writes nothing', () => {
    const ydoc = diagramToYDoc(base);
    let updates = 0;
    ydoc.on('update', () => updates++);
    expect(repairYDoc(ydoc, 'repair')).toEqual({ edges: 0, threads: 0, stageMappings: 0 });
    expect(updates).toBe(0);
  });

  it('removes threads about a missing card or edge and CRM stages mapped to a missing card, and keeps the rest', () => {
    const message = { id: 'm', author: 'Bob', text: 'Why?', createdAt: '2026-12-04T10:00:00Z' };
    const withRefs: Diagram = {
      ...base,
      comments: [
        { id: 't-c', target: { type: 'node', id: 'c' }, messages: [message] },
        { id: 't-ab', target: { type: 'edge', id: 'ab' }, messages: [message] },
        {
          id: 't-finding',
          target: {
            type: 'finding',
            ruleId: 'stage-missing-exit-criteria',
            element: { type: 'node', id: 'b' },
          },
          messages: [message],
        },
        {
          id: 't-diagram',
          target: { type: 'finding', ruleId: 'missing-layer', element: { type: 'diagram' } },
          messages: [message],
        },
      ],
      actuals: { stageMap: { Demo: 'c', Qualify: 'a', Won: '@won' } },
    };
    const alice = diagramToYDoc(withRefs);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    // Alice deletes B (its edge and threads with it); Bob, unaware, still has them and adds more.
    applyDiagramToYDoc(
      alice,
      {
        ...withRefs,
        nodes: withRefs.nodes.filter((n) => n.id !== 'b'),
        edges: [],
        comments: withRefs.comments!.filter((t) => t.id === 't-c' || t.id === 't-diagram'),
      },
      'alice',
    );
    applyDiagramToYDoc(
      bob,
      { ...withRefs, nodes: withRefs.nodes.filter((n) => n.id !== 'c') },
      'bob',
    );
    exchange(alice, bob);
    expect(parseYDoc(bob).ok).toBe(false);
    expect(repairYDoc(bob)).toEqual({ edges: 0, threads: 1, stageMappings: 1 });
    const repaired = parseYDoc(bob);
    expect(repaired.ok ? [] : repaired.problems).toEqual([]);
    const diagram = yDocToDiagram(bob);
    expect(diagram.nodes.map((n) => n.id)).toEqual(['a']);
    expect(diagram.comments?.map((t) => t.id)).toEqual(['t-diagram']);
    expect(diagram.actuals?.stageMap).toEqual({ Qualify: 'a', Won: '@won' });
  });
});

describe('watchForRepairs', () => {
  function dangling(): { doc: Y.Doc; update: Uint8Array } {
    const doc = diagramToYDoc(base);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    applyDiagramToYDoc(doc, { ...base, edges: [...base.edges, edge('bc', 'b', 'c')] }, 'own');
    applyDiagramToYDoc(other, { ...base, nodes: base.nodes.filter((n) => n.id !== 'c') }, 'x');
    return { doc, update: Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)) };
  }

  it('repairs in the same round as the remote change and reports it; the repair is one update of its own', () => {
    const { doc, update } = dangling();
    const repairs: Repair[] = [];
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    watchForRepairs(doc, { canWrite: () => true, onRepaired: (r) => repairs.push(r) });
    Y.applyUpdate(doc, update, 'server');
    expect(parseYDoc(doc).ok).toBe(true);
    expect(repairs).toEqual([{ edges: 1, threads: 0, stageMappings: 0 }]);
    expect(origins).toEqual(['server', REPAIR_ORIGIN]);
  });

  it('a view link never writes a repair, and stopping the watch stops it', () => {
    const viewer = dangling();
    watchForRepairs(viewer.doc, { canWrite: () => false });
    Y.applyUpdate(viewer.doc, viewer.update, 'server');
    expect(parseYDoc(viewer.doc).ok).toBe(false);

    const stopped = dangling();
    const stop = watchForRepairs(stopped.doc, { canWrite: () => true });
    stop();
    Y.applyUpdate(stopped.doc, stopped.update, 'server');
    expect(parseYDoc(stopped.doc).ok).toBe(false);
  });
});
