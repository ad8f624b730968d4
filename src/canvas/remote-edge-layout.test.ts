import { describe, expect, it } from 'vitest';
import { layoutEdges } from '../drawing/edge-layout';
import { createDiagram, createEdge, createNode } from '../model/factories';
import { slotPosition } from '../model/bands';
import type { RemoteDrags } from '../store/shared/remote-drags';
import { withRemoteEdges } from './remote-edge-layout';

describe('withRemoteEdges', () => {
  const channel = createNode('channel', slotPosition('channels', 0), 'Cold email');
  const lead = createNode('stage', slotPosition('sales', 0), 'Lead');
  const sql = createNode('stage', slotPosition('sales', 1), 'SQL');
  const diagram = {
    ...createDiagram(),
    nodes: [channel, lead, sql],
    edges: [createEdge(channel.id, lead.id, { label: 'Replies' }), createEdge(lead.id, sql.id)],
  };
  const layout = layoutEdges(diagram.nodes, diagram.edges);
  const [toLead, toSql] = diagram.edges;
  const drags: RemoteDrags = new Map([
    [
      sql.id,
      {
        at: { x: sql.position.x + 300, y: sql.position.y + 40 },
        name: 'Bob',
        color: '#0891b2',
        clientId: 7,
        from: sql.position,
        endedAt: null,
      },
    ],
  ]);

  it('draws the dragged card’s edges to where it is, and leaves every other route alone', () => {
    const shown = withRemoteEdges(layout, diagram, drags);
    const moved = shown.routes.get(toSql!.id);
    expect(moved).not.toBe(layout.routes.get(toSql!.id));
    const end = moved?.points.at(-1);
    expect(end?.[0]).toBeGreaterThanOrEqual(sql.position.x + 300);
    expect(shown.routes.get(toLead!.id)).toBe(layout.routes.get(toLead!.id));
    expect(shown.labels.get(toLead!.id)).toBe(layout.labels.get(toLead!.id));
    expect(withRemoteEdges(layout, diagram, drags)).toBe(shown);
  });

  it('is the document’s layout itself when nobody drags', () => {
    expect(withRemoteEdges(layout, diagram, new Map())).toBe(layout);
  });
});
