import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { valueOf } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import { sensitivity } from './sensitivity';
import { channel, diagramOf, edge, motion, revops, stage } from '../testing/forecast-diagram';

const STAGE_RATES = [0.2, 0.4, 0.5, 0.25, 0.6, 0.8] as const;

/**
 * 200 business units of 25 nodes each (14 channels, enrichment, scoring, CRM, a motion and a
 * 7-stage pipeline with a fast-track branch): 5,000 nodes and about 6,800 edges.
 */
function syntheticDiagram(units = 200): Diagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (let u = 0; u < units; u++) {
    const id = (name: string) => `${name}-${u}`;
    nodes.push(
      motion(id('motion'), { acv: 20_000 }),
      revops(id('enrich'), 'enrichment'),
      revops(id('score'), 'scoring'),
      revops(id('crm'), 'crm'),
    );
    edges.push(
      edge(id('enrich'), id('score'), { kind: 'dataflow' }),
      edge(id('score'), id('motion')),
      edge(id('motion'), id('s0')),
      edge(id('crm'), id('enrich'), { kind: 'dataflow' }),
      edge(id('s6'), id('score'), { kind: 'feedback' }),
      edge(id('s2'), id('s5'), { share: 0.1 }),
    );
    for (let s = 0; s < 7; s++) {
      const rate = STAGE_RATES[s];
      nodes.push(stage(id(`s${s}`), rate === undefined ? undefined : ['conversion', rate]));
      if (s > 0) edges.push(edge(id(`s${s - 1}`), id(`s${s}`)));
      edges.push(edge(id(`s${s}`), id('crm'), { kind: 'dataflow' }));
    }
    for (let c = 0; c < 14; c++) {
      nodes.push(
        channel(id(`ch${c}`), {
          volume: 100 + c,
          period: c % 2 ? 'week' : 'month',
          spend: 1000,
          metrics: [{ key: 'reply-rate', value: 0.03 }],
        }),
      );
      edges.push(edge(id(`ch${c}`), id('enrich')));
    }
  }
  return diagramOf(nodes, edges);
}

describe('forecast at scale', () => {
  // How long this takes is a benchmark figure (npm run bench, "forecast 5,000"), not a test.
  it('forecasts 5,000 nodes as 200 copies of one business unit', () => {
    const one = forecastDiagram(syntheticDiagram(1));
    const diagram = syntheticDiagram();
    expect(diagram.nodes).toHaveLength(5000);
    const all = forecastDiagram(diagram);
    const won = valueOf(one.totals.won);
    expect(won).toBeGreaterThan(0);
    expect(valueOf(all.totals.won)).toBeCloseTo(200 * won!, 6);
    expect(valueOf(all.totals.newArr)).toBeCloseTo(200 * valueOf(one.totals.newArr)!, 2);
    expect(all.channels).toHaveLength(200 * 14);
    expect(all.unknowns).toEqual(one.unknowns);
  });

  it('finds the drivers of every unit in the 5,000-node sensitivity, with the same swing', () => {
    const one = sensitivity(syntheticDiagram(1));
    const all = sensitivity(syntheticDiagram());
    expect(one.drivers.length).toBeGreaterThan(0);
    // New ARR takes the ACV of the diagram's first motion, so only one ACV driver is listed.
    const rates = one.drivers.filter((d) => d.key !== 'acv').length;
    expect(all.drivers).toHaveLength(200 * rates + 1);
    // A rate moves only its own unit's deals, so its swing is the one unit's swing; the ACV
    // moves all 200 units' revenue.
    const topRate = (s: typeof one) => s.drivers.find((d) => d.key !== 'acv')!.swing;
    expect(topRate(all)).toBeCloseTo(topRate(one), 6);
    const acv = (s: typeof one) => s.drivers.find((d) => d.key === 'acv')!.swing;
    expect(acv(all)).toBeCloseTo(200 * acv(one), 2);
  });
});
