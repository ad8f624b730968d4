import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Diagram } from '../model/schema';
import { CURRENT_VERSION } from '../model/version';
import { edge, node } from '../testing/test-diagrams';
import { parseYDoc, yDocToDiagram } from './from-ydoc';
import { repairYDoc } from './repair';
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
    expect(repairYDoc(bob, 'repair')).toBe(1);
    expect(repairYDoc(alice, 'repair')).toBe(1);
    exchange(alice, bob);
    expect(yDocToDiagram(alice)).toEqual(yDocToDiagram(bob));
    expect(yDocToDiagram(alice).edges.map((e) => e.id)).toEqual(['ab']);
  });

  it('leaves a valid doc alone and writes nothing', () => {
    const ydoc = diagramToYDoc(base);
    let updates = 0;
    ydoc.on('update', () => updates++);
    expect(repairYDoc(ydoc, 'repair')).toBe(0);
    expect(updates).toBe(0);
  });
});
