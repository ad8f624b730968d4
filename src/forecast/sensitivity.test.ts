import { describe, expect, it } from 'vitest';
import { diagramSchema, type Diagram } from '../model/schema';
import fixture from '../../tests/fixtures/forecast-direct-vs-partner.json';
import { valueOf } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import { sensitivity } from './sensitivity';
import { channel, diagramOf, edge, stage } from '../testing/forecast-diagram';

/** The slow, obvious way: change one metric (or the ACV) and forecast again. */
function rerunArr(diagram: Diagram, nodeId: string, key: string, value: number): number {
  const copy = structuredClone(diagram);
  const node = copy.nodes.find((n) => n.id === nodeId);
  if (!node?.data) throw new Error(`no data on ${nodeId}`);
  if (key === 'acv' && node.kind === 'motion') node.data.acv = value;
  else {
    const metric = node.data.metrics?.find((m) => m.key === key);
    if (!metric) throw new Error(`no ${key} on ${nodeId}`);
    metric.value = value;
  }
  return valueOf(forecastDiagram(copy).totals.newArr) ?? NaN;
}

describe('sensitivity', () => {
  const diagram = diagramSchema.parse(fixture);

  it('ranks every driver of new ARR by swing, each matching a full re-forecast', () => {
    const result = sensitivity(diagram);
    expect(valueOf(result.baseline)).toBeCloseTo(63_000);
    // Stage rates and the ACV scale all won deals (±20% → $50,400..$75,600, swing $25,200);
    // direct conversion carries 1.625 of 2.625 deals, partner conversion 1 of 2.625.
    expect(result.drivers.map((d) => [d.label, Math.round(d.swing)])).toEqual([
      ['Lead · Lead to MQL', 25_200],
      ['MQL · MQL to SQL', 25_200],
      ['Opportunity · Win rate', 25_200],
      ['Sales-led · ACV', 25_200],
      ['Direct: cold email · Reply rate', 15_600],
      ['Partners: referrals · Conversion', 9600],
    ]);
    for (const d of result.drivers) {
      expect(d.arrLow).toBeCloseTo(rerunArr(diagram, d.nodeId, d.key, d.low), 6);
      expect(d.arrHigh).toBeCloseTo(rerunArr(diagram, d.nodeId, d.key, d.high), 6);
    }
  });

  it('clamps rates to 0..1', () => {
    const sure = structuredClone(diagram);
    const mql = sure.nodes.find((n) => n.id === 'mql');
    if (mql?.kind === 'stage' && mql.data?.metrics?.[0]) mql.data.metrics[0].value = 0.9;
    const driver = sensitivity(sure, { delta: 0.5 }).drivers.find((d) => d.nodeId === 'mql');
    expect(driver).toMatchObject({ base: 0.9, low: 0.45, high: 1 });
    expect(driver?.arrHigh).toBeCloseTo(rerunArr(sure, 'mql', 'mql-to-sql', 1), 6);
  });

  it('has no drivers when new ARR is unknown', () => {
    const result = sensitivity(
      diagramOf(
        [
          channel('Ads', {
            volume: 10,
            period: 'month',
            metrics: [{ key: 'conversion', value: 1 }],
          }),
          stage('Lead'),
        ],
        [edge('Ads', 'Lead')],
      ),
    );
    expect(result.drivers).toEqual([]);
    expect(result.baseline).toEqual({
      unknown: 'The diagram has no sales motion, so the ACV is unknown.',
    });
  });
});
