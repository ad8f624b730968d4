import { describe, expect, it } from 'vitest';
import { channel, chain, diagramOf, edge, motion, stage } from '../testing/forecast-diagram';
import { isKnown } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import { forecastPeriods } from './forecast-periods';
import { goalSeek } from './goal-seek';
import { pipelineCoverage } from './pipeline-coverage';
import { sensitivity } from './sensitivity';

/** 1,000 emails a week × 5% reply → lead-to-mql 50% → win 20% → won, at an ACV of $12,000. */
function singlePath() {
  return diagramOf(
    [
      channel('email', {
        volume: 1200,
        period: 'month',
        spend: 3000,
        metrics: [{ key: 'reply-rate', value: 0.05 }],
      }),
      stage('mql', ['lead-to-mql', 0.5]),
      stage('opp', ['win-rate', 0.2]),
      stage('won'),
      motion('m', { acv: 12_000 }),
    ],
    [edge('email', 'mql'), ...chain('mql', 'opp', 'won'), edge('m', 'won')],
  );
}

describe('forecastPeriods', () => {
  it('gives each total per month, quarter and year', () => {
    const rows = forecastPeriods(forecastDiagram(singlePath())).rows;
    const arr = rows.find((row) => row.label === 'New ARR');
    // 1,200 × 5% = 60 leads → 30 → 6 won × $12,000 = $72,000 a month.
    expect(arr).toMatchObject({
      money: true,
      month: { value: 72_000 },
      quarter: { value: 216_000 },
      year: { value: 864_000 },
    });
    expect(rows.find((row) => row.label === 'Spend')?.year).toEqual({ value: 36_000 });
    expect(rows.find((row) => row.label === 'Won deals')?.quarter).toEqual({ value: 18 });
  });

  it('keeps an unknown figure unknown in every period, with its reason', () => {
    const diagram = singlePath();
    diagram.nodes = diagram.nodes.filter((node) => node.kind !== 'motion');
    const arr = forecastPeriods(forecastDiagram(diagram)).rows.find((r) => r.label === 'New ARR');
    expect(arr && !isKnown(arr.year) && arr.year.unknown).toMatch(/no sales motion/);
  });

  it('has no spend of $0 before any channel feeds the pipeline', () => {
    const diagram = singlePath();
    diagram.edges = diagram.edges.filter((e) => e.source !== 'email');
    const spend = forecastPeriods(forecastDiagram(diagram)).rows.find((r) => r.label === 'Spend');
    expect(spend && !isKnown(spend.month) && spend.month.unknown).toMatch(/No channel reaches/);
  });
});

describe('goalSeek', () => {
  it('finds the volume that reaches a new ARR target, together and per channel', () => {
    const seek = goalSeek(singlePath(), 144_000);
    expect(seek.current).toEqual({ value: 72_000 });
    expect(seek.scale).toEqual({ value: 2 });
    expect(seek.channels[0]).toMatchObject({
      id: 'email',
      period: 'month',
      volume: { value: 1200 },
    });
    expect(seek.channels[0]?.needed).toEqual({ value: 2400 });
  });

  it('gives the volume in the channel’s own period', () => {
    const diagram = singlePath();
    const email = diagram.nodes[0];
    if (email?.kind !== 'channel') throw new Error('channel first');
    email.data = { ...email.data, period: 'week', volume: 1200 * (12 / 52) };
    const needed = goalSeek(diagram, 144_000).channels[0]?.needed;
    expect(needed && isKnown(needed) && needed.value).toBeCloseTo(2400 * (12 / 52), 6);
  });

  it('says why no volume reaches the target when nothing is won', () => {
    const diagram = singlePath();
    const opp = diagram.nodes.find((node) => node.id === 'opp');
    if (opp?.kind !== 'stage') throw new Error('stage');
    opp.data = { metrics: [{ key: 'win-rate', value: 0 }] };
    const seek = goalSeek(diagram, 10_000);
    expect(isKnown(seek.scale)).toBe(false);
    expect(seek.channels[0]?.needed).toEqual({
      unknown: 'Channel "email" wins no deals, so more of its volume does not move new ARR.',
    });
  });
});

describe('pipelineCoverage', () => {
  it('prices a month of opportunities at the ACV against the forecast or a target', () => {
    const forecast = forecastDiagram(singlePath());
    // 30 opportunities × $12,000 = $360,000 of pipeline for $72,000 won: 5× (one over 20%).
    expect(pipelineCoverage(forecast)).toEqual({
      pipelineValue: { value: 360_000 },
      against: { value: 72_000 },
      coverage: { value: 5 },
    });
    expect(pipelineCoverage(forecast, 120_000).coverage).toEqual({ value: 3 });
  });
});

describe('sensitivity explanation', () => {
  it('explains equal bars on a single path', () => {
    const result = sensitivity(singlePath());
    expect(result.drivers.length).toBeGreaterThan(2);
    expect(result.explanation).toMatch(
      /^Every input moves new ARR by the same amount: .* 20% change in any one of them changes new ARR by 20%\./,
    );
  });

  it('gives none when the inputs move new ARR by different amounts', () => {
    const diagram = singlePath();
    // A second, parallel channel: its reply rate moves only its own share of the deals.
    diagram.nodes.push(
      channel('ads', {
        volume: 100,
        period: 'month',
        metrics: [{ key: 'conversion', value: 0.1 }],
      }),
    );
    diagram.edges.push(edge('ads', 'mql'));
    expect(sensitivity(diagram).explanation).toBeUndefined();
  });
});
