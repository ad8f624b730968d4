import { describe, expect, it } from 'vitest';
import { slotPosition } from './bands';
import { createDiagram, createEdge, createNode } from './factories';
import type { Diagram, DiagramNode } from './schema';
import { defaultMetricFor, defaultMetricKey } from './metric-defaults';

const diagramOf = (nodes: DiagramNode[], edges: Diagram['edges'] = []): Diagram => ({
  ...createDiagram(),
  nodes,
  edges,
});

describe('defaultMetricFor', () => {
  it('measures an outbound channel by its reply rate and an inbound one by visitor-to-lead', () => {
    const outbound = createNode('channel', slotPosition('channels', 0), 'Channel');
    const typed = { ...outbound, data: { channelType: 'outbound' } } as DiagramNode;
    const inbound = { ...outbound, data: { channelType: 'inbound' } } as DiagramNode;
    expect(defaultMetricFor(diagramOf([typed]), typed)).toEqual({
      key: 'reply-rate',
      value: 0.035,
    });
    expect(defaultMetricFor(diagramOf([inbound]), inbound)).toEqual({
      key: 'visitor-to-lead',
      value: 0.02,
    });
    const cold = createNode('channel', slotPosition('channels', 1), 'Cold email');
    expect(defaultMetricKey(diagramOf([cold]), cold)).toBe('reply-rate');
  });

  it('reads a stage from its title, else from its place along the pipeline', () => {
    const mql = createNode('stage', slotPosition('sales', 0), 'MQL');
    expect(defaultMetricFor(diagramOf([mql]), mql)).toEqual({ key: 'mql-to-sql', value: 0.4 });
    const a = createNode('stage', slotPosition('sales', 5), 'Step A');
    const b = createNode('stage', slotPosition('sales', 1), 'Step B');
    const c = createNode('stage', slotPosition('sales', 2), 'Step C');
    const chain = diagramOf([a, b, c], [createEdge(a.id, b.id), createEdge(b.id, c.id)]);
    expect(defaultMetricKey(chain, a)).toBe('lead-to-mql');
    expect(defaultMetricKey(chain, b)).toBe('mql-to-sql');
    expect(defaultMetricKey(chain, c)).toBe('demo-to-opportunity');
    // Unconnected stages count by their place left to right.
    const loose = diagramOf([a, b, c]);
    expect(defaultMetricKey(loose, a)).toBe('demo-to-opportunity');
  });

  it('falls back to a plain conversion for the other kinds', () => {
    const crm = createNode('crm', slotPosition('revops', 0), 'CRM');
    expect(defaultMetricKey(diagramOf([crm]), crm)).toBe('conversion');
  });
});
