import { describe, expect, it } from 'vitest';
import { diagramSchema } from '../model/schema';
import fixture from '../../tests/fixtures/forecast-direct-vs-partner.json';
import { unsourcedMetrics } from './unsourced-metrics';
import { diagramOf, stage } from '../testing/forecast-diagram';

describe('unsourcedMetrics', () => {
  it('lists the metrics with no source, in diagram order', () => {
    expect(unsourcedMetrics(diagramSchema.parse(fixture))).toEqual([
      { nodeId: 'partner', nodeTitle: 'Partners: referrals', key: 'conversion', value: 0.4 },
      { nodeId: 'mql', nodeTitle: 'MQL', key: 'mql-to-sql', value: 0.5 },
    ]);
  });

  it('counts a blank source as none', () => {
    const diagram = diagramOf([stage('SQL', ['mql-to-sql', 0.4])], []);
    const sql = diagram.nodes[0];
    if (sql?.kind === 'stage' && sql.data?.metrics?.[0]) sql.data.metrics[0].source = '  ';
    expect(unsourcedMetrics(diagram)).toHaveLength(1);
  });
});
