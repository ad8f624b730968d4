import { describe, expect, it } from 'vitest';
import { createDiagram, createEdge, createNode } from '../model/factories';
import { slotPosition } from '../model/bands';
import type { Diagram, DiagramNode } from '../model/schema';
import { createSyntheticDiagram } from '../testing/synthetic';
import { handlesFor, toFlowEdges, toFlowNodes, toRemoteDragged } from './to-flow';

function diagram(): Diagram {
  const channel = createNode('channel', slotPosition('channels', 0), 'Cold email');
  const enrich = createNode('enrichment', slotPosition('revops', 0), 'Clearbit');
  const lead = createNode('stage', slotPosition('sales', 0), 'Lead');
  const sql = createNode('stage', slotPosition('sales', 1), 'SQL');
  return {
    ...createDiagram(),
    nodes: [channel, enrich, lead, sql],
    edges: [
      createEdge(channel.id, enrich.id, { label: 'Raw replies' }),
      createEdge(lead.id, sql.id),
      createEdge(sql.id, channel.id, { kind: 'feedback' }),
    ],
  };
}

describe('model → React Flow mapping', () => {
  it('maps unchanged nodes to the identical flow objects, so only moved cards re-render', () => {
    const d = diagram();
    const first = toFlowNodes(d.nodes, new Set());
    const moved = d.nodes.map((n, i) =>
      i === 0 ? { ...n, position: { x: 999, y: n.position.y } } : n,
    );
    const second = toFlowNodes(moved, new Set());
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.position.x).toBe(999);
    expect(second.slice(1)).toEqual(first.slice(1));
    second.slice(1).forEach((node, i) => expect(node).toBe(first[i + 1]));
  });

  it('marks selection and names each card for screen readers', () => {
    const d = diagram();
    const nodes = toFlowNodes(d.nodes, new Set([d.nodes[2]!.id]));
    expect(nodes.map((n) => n.selected)).toEqual([false, false, true, false]);
    expect(nodes[0]?.ariaLabel).toBe('Cold email (channel)');
    expect(nodes[0]?.handles).toHaveLength(4);
  });

  it('routes edges by where their ends sit, and feedback round the left', () => {
    const d = diagram();
    const [channel, enrich, lead, sql] = d.nodes as [
      Diagram['nodes'][0],
      Diagram['nodes'][0],
      Diagram['nodes'][0],
      Diagram['nodes'][0],
    ];
    expect(handlesFor(d.edges[0]!, channel, enrich)).toEqual({
      sourceHandle: 'b',
      targetHandle: 't',
    });
    expect(handlesFor(d.edges[1]!, lead, sql)).toEqual({ sourceHandle: 'r', targetHandle: 'l' });
    expect(handlesFor(d.edges[1]!, sql, lead)).toEqual({ sourceHandle: 'l', targetHandle: 'r' });
    expect(handlesFor(d.edges[2]!, sql, channel)).toEqual({ sourceHandle: 'r', targetHandle: 'r' });
  });

  it('labels edges for screen readers and skips edges whose ends are missing', () => {
    const d = diagram();
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const edges = toFlowEdges(d, new Set(), byId);
    expect(edges[0]?.ariaLabel).toBe('Raw replies handoff from Cold email to Clearbit');
    expect(edges[1]?.ariaLabel).toBe('Unlabeled handoff from Lead to SQL');
    byId.delete(d.nodes[3]!.id);
    expect(toFlowEdges(d, new Set(), byId)).toHaveLength(1);
  });
});

describe('edges during a drag', () => {
  it('returns the same array when moving a node changes no edge', () => {
    const d = diagram();
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const first = toFlowEdges(d, new Set(), byId);
    const moved = d.nodes.map((n, i) =>
      i === 2 ? { ...n, position: { x: n.position.x - 30, y: n.position.y } } : n,
    );
    const second = toFlowEdges(
      { ...d, nodes: moved },
      new Set(),
      new Map(moved.map((n) => [n.id, n])),
    );
    expect(second).toBe(first);
  });
});

describe('toFlowNodes on a big diagram zoomed out', () => {
  it('hides the unselected cards (the overview picture draws them) and keeps the selected live', () => {
    const nodes = createSyntheticDiagram(3, 0).nodes;
    const first = nodes[0] as DiagramNode;
    const flow = toFlowNodes(nodes, new Set([first.id]), true);
    expect(flow.map((n) => Boolean(n.hidden))).toEqual([false, true, true]);
    expect(toFlowNodes(nodes, new Set([first.id]), false).some((n) => n.hidden)).toBe(false);
  });

  it('marks a card someone else drags as theirs, without moving the flow node', () => {
    const [flow] = toFlowNodes(diagram().nodes, new Set());
    if (!flow) throw new Error('no card');
    const mark = { name: 'Bob', color: '#0891b2' };
    const marked = toRemoteDragged(flow, mark);
    expect(marked.data).toEqual({ node: flow.data.node, remote: mark });
    expect(marked.draggable).toBe(false);
    // The card moves inside its node (GtmNode): React Flow's node keeps the document's place,
    // and the same mark gives the same flow node, so a move hands React Flow nothing new.
    expect(marked.position).toBe(flow.position);
    expect(toRemoteDragged(flow, mark)).toBe(marked);
  });
});
