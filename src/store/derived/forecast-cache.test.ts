import { describe, expect, it } from 'vitest';
import { createSeedStarter } from '../../model/templates/seed-starter';
import type { Diagram, DiagramNode } from '../../model/schema';
import { createEditorStore } from '../editor-store';
import { flowLineOf } from '../react/use-forecast';
import { createForecastCache } from './forecast-cache';

function moved(diagram: Diagram, id: string): Diagram {
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) =>
      node.id === id ? { ...node, position: { x: node.position.x + 40, y: 0 } } : node,
    ),
  };
}

function withNode(diagram: Diagram, id: string, edit: (node: DiagramNode) => DiagramNode) {
  return { ...diagram, nodes: diagram.nodes.map((node) => (node.id === id ? edit(node) : node)) };
}

describe('forecast memo', () => {
  it('keeps one forecast while cards are only dragged', () => {
    const { basisOf: forecastBasis, forecastOf } = createForecastCache();
    const diagram = createSeedStarter();
    const first = forecastOf(diagram);
    const dragged = moved(moved(diagram, 'stage-mql'), 'ch-inbound');
    expect(forecastBasis(dragged)).toBe(forecastBasis(diagram));
    expect(forecastOf(dragged)).toBe(first);
  });

  it('recomputes when a figure, a title, an edge or the meta changes', () => {
    const { forecastOf } = createForecastCache();
    const diagram = createSeedStarter();
    const base = forecastOf(diagram);
    const renamed = withNode(diagram, 'stage-mql', (node) => ({ ...node, title: 'MQL 2' }));
    expect(forecastOf(renamed)).not.toBe(base);
    const noEdges = { ...renamed, edges: [] };
    expect(forecastOf(noEdges)).not.toBe(forecastOf(renamed));
    const meta = { ...noEdges, meta: { ...noEdges.meta, currency: 'EUR' } };
    expect(forecastOf(meta).currency).toBe('EUR');
  });
});

describe('flow lines on cards', () => {
  const diagram = createSeedStarter();
  const flowLine = (d: Diagram, id: string) => flowLineOf(createEditorStore(d).getState(), id);

  it('gives channels their leads, stages their in and out, the close its won deals', () => {
    expect(flowLine(diagram, 'ch-outbound')).toEqual({ text: '≈ 32.5 leads/mo', reason: null });
    expect(flowLine(diagram, 'stage-mql')?.text).toBe('≈ 23.1 in/mo → 10.4 out');
    expect(flowLine(diagram, 'stage-won')?.text).toBe('≈ 0.78 won/mo');
    expect(flowLine(diagram, 'motion-1')?.text).toBe('≈ $14,048 new ARR/mo');
    expect(flowLine(diagram, 'crm-1')).toBeUndefined();
  });

  it('says "? no rate" with the reason when a stage or a channel lacks its rate', () => {
    const noRate = withNode(diagram, 'stage-mql', (node) => ({ ...node, data: {} }) as DiagramNode);
    expect(flowLine(noRate, 'stage-mql')).toEqual({
      text: '≈ 23.1 in/mo → ? no rate',
      reason: 'Stage "MQL" has no rate.',
    });
    expect(flowLine(noRate, 'stage-sql')).toEqual({
      text: '? in/mo',
      reason: 'Stage "MQL" has no rate.',
    });
    expect(flowLine(noRate, 'motion-1')?.text).toBe('? new ARR/mo');

    const silent = withNode(
      diagram,
      'ch-outbound',
      (node) =>
        ({
          ...node,
          data: { channelType: 'outbound', volume: 250, period: 'week' },
        }) as DiagramNode,
    );
    expect(flowLine(silent, 'ch-outbound')).toEqual({
      text: '? no rate',
      reason: 'Channel "Founder cold email" has no reply rate, visitor-to-lead or conversion rate.',
    });
  });
});
