import { describe, expect, it } from 'vitest';
import { NODE_WIDTH } from '../model/bands';
import { addEdge, addNode } from '../model/edits/element-edits';
import { freeSlotFor } from '../model/edits/placement';
import { createDiagram, createNode } from '../model/factories';
import type { Diagram } from '../model/schema';
import { runAudit } from '../rules/engine';
import { createEditorStore, undo } from './editor-store';

describe('placing a new card from the palette', () => {
  it('the palette and a quick fix put a new card in the same free slot', () => {
    // Channel → stage with no enrichment: the fix inserts an enrichment card in the RevOps
    // band, where a CRM card sits in the first slot and a tool was dragged off the grid.
    const revops = freeSlotFor(createDiagram(), 'crm');
    const channel = createNode('channel', freeSlotFor(createDiagram(), 'channel'), 'Outbound');
    const stage = createNode('stage', freeSlotFor(createDiagram(), 'stage'), 'SQL');
    const base: Diagram = addEdge(
      {
        ...createDiagram(),
        nodes: [
          channel,
          stage,
          createNode('crm', revops, 'CRM'),
          createNode('tool', { x: revops.x + NODE_WIDTH + 70, y: revops.y }, 'Dialer'),
        ],
      },
      channel.id,
      stage.id,
      { label: 'Replies' },
    );
    const store = createEditorStore(base);
    const id = store.getState().addNode('enrichment');
    const paletteCard = store.getState().diagram.nodes.find((n) => n.id === id)!;

    const fix = runAudit(base).findings.find((f) => f.ruleId === 'missing-enrichment')?.fix;
    expect(fix).toBeDefined();
    const fixCard = fix!.apply(base).nodes.find((n) => n.kind === 'enrichment')!;
    expect(fixCard.position).toEqual(paletteCard.position);
    expect(fixCard.position.x).toBeGreaterThan(revops.x + 2 * NODE_WIDTH);
  });
});

describe('bulk edits', () => {
  it('changing the kind of several edges at once is one undo step', () => {
    const { diagram } = (() => {
      const a = addNode(createDiagram(), 'channel');
      const b = addNode(a.diagram, 'enrichment');
      const c = addNode(b.diagram, 'stage');
      const d = addEdge(addEdge(c.diagram, a.node.id, b.node.id), b.node.id, c.node.id);
      return { diagram: d };
    })();
    const store = createEditorStore(diagram);
    const edgeIds = diagram.edges.map((e) => e.id);
    store.getState().updateEdges(edgeIds, { kind: 'feedback' });
    expect(store.getState().diagram.edges.map((e) => e.kind)).toEqual(['feedback', 'feedback']);
    undo(store);
    expect(store.getState().diagram.edges.map((e) => e.kind)).toEqual([undefined, undefined]);
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('setting the owner of several stages at once is one undo step', () => {
    const store = createEditorStore(createDiagram());
    const ids = [store.getState().addNode('stage'), store.getState().addNode('stage')];
    store.getState().updateNodeData(
      ids.map((id) => ({ id, kind: 'stage' as const })),
      { owner: 'SDR team' },
    );
    expect(store.getState().diagram.nodes.map((n) => n.data)).toEqual([
      { owner: 'SDR team' },
      { owner: 'SDR team' },
    ]);
    undo(store);
    expect(store.getState().diagram.nodes.map((n) => n.data)).toEqual([undefined, undefined]);
    expect(store.getState().diagram.nodes).toHaveLength(2);
  });
});
