import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../bands';
import { createDiagram, createNode } from '../factories';
import type { Diagram } from '../schema';
import {
  addEdge,
  addNode,
  deleteElements,
  setNodeField,
  updateEdges,
  updateNodeData,
} from './element-edits';
import { freeSlotFor } from './placement';

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('placing a new card', () => {
  it('never lands on a card, even one dragged off the grid', () => {
    const slot = freeSlotFor(createDiagram(), 'stage');
    let diagram: Diagram = {
      ...createDiagram(),
      nodes: [createNode('stage', { x: slot.x + 37, y: slot.y }, 'Dragged')],
    };
    for (let i = 0; i < 12; i++) diagram = addNode(diagram, 'stage').diagram;
    const positions = diagram.nodes.map((n) => n.position);
    positions.forEach((a, i) =>
      positions.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)),
    );
  });
});

describe('edits', () => {
  const base = () => {
    const a = addNode(createDiagram(), 'channel');
    const b = addNode(a.diagram, 'enrichment');
    const c = addNode(b.diagram, 'stage');
    let diagram = addEdge(c.diagram, a.node.id, b.node.id);
    diagram = addEdge(diagram, b.node.id, c.node.id);
    return { diagram, ids: [a.node.id, b.node.id, c.node.id] };
  };

  it('return the same diagram when there is nothing to do', () => {
    const { diagram, ids } = base();
    expect(addEdge(diagram, ids[0]!, ids[1]!)).toBe(diagram);
    expect(updateEdges(diagram, [], { kind: 'feedback' })).toBe(diagram);
    expect(updateNodeData(diagram, 'gone', { notes: 'x' })).toBe(diagram);
    expect(deleteElements(diagram, [], [])).toBe(diagram);
  });

  it('share every untouched node and edge with the diagram they edit', () => {
    const { diagram, ids } = base();
    const edited = updateNodeData(diagram, ids[2]!, { owner: 'AE team' });
    expect(edited.nodes[0]).toBe(diagram.nodes[0]);
    expect(edited.edges).toBe(diagram.edges);
  });
});

describe('setting a field by name', () => {
  it('writes what the schema of the kind accepts and refuses the rest, unchanged', () => {
    const { diagram, node } = addNode(createDiagram(), 'stage');
    const owned = setNodeField(diagram, node.id, 'owner', 'SDR team');
    expect(owned.nodes[0]?.data).toEqual({ owner: 'SDR team' });
    expect(setNodeField(owned, node.id, 'maxDays', -3)).toBe(owned);
    expect(setNodeField(owned, node.id, 'vendor', 'HubSpot')).toBe(owned);
    expect(setNodeField(owned, node.id, 'owner', 'x'.repeat(5000))).toBe(owned);
    expect(setNodeField(owned, node.id, 'owner', undefined).nodes[0]?.data).toEqual({});
  });
});
