import { describe, expect, it } from 'vitest';
import { isKnown, valueOf, type Estimate } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import type { Forecast } from './forecast-types';
import {
  chain,
  channel,
  diagramOf,
  edge,
  motion,
  revops,
  stage,
} from '../testing/forecast-diagram';

function value(estimate: Estimate | null | undefined): number | undefined {
  return estimate ? valueOf(estimate) : undefined;
}

function stageOf(forecast: Forecast, id: string) {
  const found = forecast.stages.find((s) => s.id === id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
}

/** 1,000 emails a month at 5% reply → 50 leads → 10 MQL → 5 SQL (= opportunities) → 1 won. */
const straight = () =>
  diagramOf(
    [
      channel('Email', {
        volume: 1000,
        period: 'month',
        spend: 5000,
        metrics: [{ key: 'reply-rate', value: 0.05 }],
      }),
      revops('Enrich', 'enrichment'),
      revops('Score', 'scoring'),
      motion('Sales-led', { acv: 30_000, metrics: [{ key: 'sales-cycle-days', value: 60 }] }),
      stage('Lead', ['lead-to-mql', 0.2]),
      stage('MQL', ['mql-to-sql', 0.5]),
      stage('Opportunity', ['win-rate', 0.2]),
      stage('Won'),
    ],
    [
      ...chain('Email', 'Enrich', 'Score', 'Lead', 'MQL', 'Opportunity', 'Won'),
      edge('Sales-led', 'Lead'),
      edge('Won', 'Score', { kind: 'feedback' }),
    ],
  );

describe('forecastDiagram', () => {
  it('runs a straight pipeline through enrichment and scoring (hand-computed)', () => {
    const forecast = forecastDiagram(straight());
    expect(forecast.channels).toHaveLength(1);
    const email = forecast.channels[0]!;
    expect(value(email.leads)).toBeCloseTo(50);
    expect(value(email.won)).toBeCloseTo(1);
    expect(value(email.cac)).toBeCloseTo(5000);
    expect(email.entryStageIds).toEqual(['Lead']);

    expect(forecast.stages.map((s) => s.id)).toEqual(['Lead', 'MQL', 'Opportunity', 'Won']);
    expect(value(stageOf(forecast, 'Lead').outflow)).toBeCloseTo(10);
    expect(value(stageOf(forecast, 'MQL').outflow)).toBeCloseTo(5);
    expect(value(stageOf(forecast, 'Won').inflow)).toBeCloseTo(1);
    expect(stageOf(forecast, 'Won').isClose).toBe(true);
    expect(stageOf(forecast, 'Won').rate).toBeNull();

    const { totals } = forecast;
    expect(value(totals.leads)).toBeCloseTo(50);
    expect(value(totals.mql)).toBeCloseTo(10);
    expect(value(totals.sql)).toBeCloseTo(5);
    expect(value(totals.opportunities)).toBeCloseTo(5);
    expect(value(totals.won)).toBeCloseTo(1);
    expect(value(totals.newArr)).toBeCloseTo(30_000);
    // 5 opportunities × 20% × $30,000 ÷ 60 days.
    expect(value(totals.salesVelocity)).toBeCloseTo(500);
    expect(forecast.motionId).toBe('Sales-led');
    expect(forecast.unknowns).toEqual([]);
    expect(forecast.currency).toBe('USD');
  });

  it('splits a stage by edge share, the remainder evenly among edges without one', () => {
    const diagram = diagramOf(
      [
        channel('Ads', {
          volume: 200,
          period: 'month',
          metrics: [{ key: 'conversion', value: 0.5 }],
        }),
        stage('A', ['conversion', 0.5]),
        stage('B', ['conversion', 0.4]),
        stage('C', ['conversion', 0.1]),
        stage('D', ['conversion', 1]),
        stage('Won'),
      ],
      [
        edge('Ads', 'A'),
        edge('A', 'B', { share: 0.5 }),
        edge('A', 'C'),
        edge('A', 'D'),
        ...chain('B', 'Won'),
        ...chain('C', 'Won'),
        ...chain('D', 'Won'),
      ],
    );
    const forecast = forecastDiagram(diagram);
    // 100 leads → A passes 50: B 25, C 12.5, D 12.5 → won 10 + 1.25 + 12.5.
    expect(value(stageOf(forecast, 'B').inflow)).toBeCloseTo(25);
    expect(value(stageOf(forecast, 'C').inflow)).toBeCloseTo(12.5);
    expect(value(stageOf(forecast, 'D').inflow)).toBeCloseTo(12.5);
    expect(value(forecast.totals.won)).toBeCloseTo(23.75);
    expect(value(forecast.channels[0]?.won)).toBeCloseTo(23.75);
    expect(forecast.notes).toEqual([]);
  });

  it('scales shares that add up to more than 100% and says so', () => {
    const diagram = diagramOf(
      [
        channel('Ads', {
          volume: 100,
          period: 'month',
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        stage('A', ['conversion', 1]),
        stage('B'),
        stage('C'),
      ],
      [edge('Ads', 'A'), edge('A', 'B', { share: 0.9 }), edge('A', 'C', { share: 0.6 })],
    );
    const forecast = forecastDiagram(diagram);
    expect(value(stageOf(forecast, 'B').inflow)).toBeCloseTo(60);
    expect(value(stageOf(forecast, 'C').inflow)).toBeCloseTo(40);
    expect(value(forecast.totals.won)).toBeCloseTo(100);
    expect(forecast.notes).toEqual([
      `The shares on stage "A"'s edges add up to 150%; they were scaled to 100%.`,
    ]);
  });

  it('carries no flow on feedback edges, so a loop through one is finite', () => {
    const diagram = straight();
    diagram.edges.push(edge('Won', 'Lead', { kind: 'feedback' }));
    diagram.edges.push(edge('Opportunity', 'MQL', { kind: 'feedback' }));
    const forecast = forecastDiagram(diagram);
    expect(value(forecast.totals.won)).toBeCloseTo(1);
    expect(value(stageOf(forecast, 'Lead').inflow)).toBeCloseTo(50);
    expect(forecast.unknowns).toEqual([]);
  });

  it('marks stages in a loop of ordinary edges unknown instead of looping forever', () => {
    const diagram = straight();
    diagram.edges.push(edge('Opportunity', 'MQL'));
    const forecast = forecastDiagram(diagram);
    const reason = 'The pipeline loops back on itself ("MQL" → "Opportunity" → "MQL").';
    expect(value(stageOf(forecast, 'Lead').outflow)).toBeCloseTo(10);
    expect(stageOf(forecast, 'MQL').inflow).toEqual({ unknown: reason });
    expect(stageOf(forecast, 'Won').inflow).toEqual({ unknown: reason });
    expect(forecast.totals.won).toEqual({ unknown: reason });
    expect(forecast.channels[0]?.cac).toEqual({ unknown: reason });
    expect(forecast.unknowns).toContain(reason);
  });

  it('makes everything downstream of a missing rate unknown, with the reason', () => {
    const diagram = straight();
    diagram.nodes[5] = stage('MQL');
    const forecast = forecastDiagram(diagram);
    const reason = 'Stage "MQL" has no rate.';
    expect(value(forecast.totals.mql)).toBeCloseTo(10);
    expect(value(stageOf(forecast, 'MQL').inflow)).toBeCloseTo(10);
    expect(stageOf(forecast, 'MQL').outflow).toEqual({ unknown: reason });
    expect(stageOf(forecast, 'Opportunity').inflow).toEqual({ unknown: reason });
    expect(forecast.totals.won).toEqual({ unknown: reason });
    expect(forecast.totals.newArr).toEqual({ unknown: reason });
    expect(forecast.channels[0]?.won).toEqual({ unknown: reason });
    expect(forecast.unknowns).toEqual([
      reason,
      'No stage carries the "MQL to SQL" rate, so SQLs cannot be counted.',
    ]);
  });

  it('ignores a missing rate where nothing flows', () => {
    const diagram = straight();
    diagram.nodes.push(stage('Unused'));
    diagram.edges.push(edge('Unused', 'Won'));
    const forecast = forecastDiagram(diagram);
    expect(value(forecast.totals.won)).toBeCloseTo(1);
    expect(forecast.unknowns).toEqual([]);
  });

  it('converts weekly and quarterly volume and spend to months', () => {
    const diagram = diagramOf(
      [
        channel('Weekly', {
          volume: 120,
          period: 'week',
          spend: 300,
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        channel('Quarterly', {
          volume: 300,
          period: 'quarter',
          spend: 900,
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        channel('Monthly', {
          volume: 7,
          period: 'month',
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        channel('Undated', { volume: 7, metrics: [{ key: 'conversion', value: 1 }] }),
        stage('Won'),
      ],
      [
        edge('Weekly', 'Won'),
        edge('Quarterly', 'Won'),
        edge('Monthly', 'Won'),
        edge('Undated', 'Won'),
      ],
    );
    const [weekly, quarterly, monthly, undated] = forecastDiagram(diagram).channels;
    expect(value(weekly?.volumePerMonth)).toBeCloseTo(520);
    expect(value(weekly?.spendPerMonth)).toBeCloseTo(1300);
    expect(value(quarterly?.volumePerMonth)).toBeCloseTo(100);
    expect(value(quarterly?.spendPerMonth)).toBeCloseTo(300);
    expect(value(monthly?.volumePerMonth)).toBe(7);
    expect(undated?.leads).toEqual({
      unknown: 'Channel "Undated" has no period (week, month or quarter).',
    });
  });

  it('prefers reply rate or visitor-to-lead over a plain conversion on a channel', () => {
    const diagram = diagramOf(
      [
        channel('Blog', {
          volume: 10_000,
          period: 'month',
          metrics: [
            { key: 'conversion', value: 0.5 },
            { key: 'visitor-to-lead', value: 0.02 },
          ],
        }),
        channel('Bare', { volume: 10, period: 'month' }),
        stage('Won'),
      ],
      [edge('Blog', 'Won'), edge('Bare', 'Won')],
    );
    const [blog, bare] = forecastDiagram(diagram).channels;
    expect(blog?.conversionKey).toBe('visitor-to-lead');
    expect(value(blog?.leads)).toBeCloseTo(200);
    expect(bare?.leads).toEqual({
      unknown: 'Channel "Bare" has no reply rate, visitor-to-lead or conversion rate.',
    });
  });

  it('splits a channel evenly among the first stages it reaches', () => {
    const diagram = diagramOf(
      [
        channel('Ads', {
          volume: 100,
          period: 'month',
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        revops('Enrich'),
        revops('CRM', 'crm'),
        stage('SMB', ['conversion', 0.5]),
        stage('Enterprise', ['conversion', 0.1]),
        stage('Won'),
      ],
      [
        ...chain('Ads', 'Enrich', 'CRM', 'SMB', 'Won'),
        edge('CRM', 'Enrich', { kind: 'dataflow' }),
        edge('Enrich', 'Enterprise'),
        edge('Enterprise', 'Won'),
      ],
    );
    const forecast = forecastDiagram(diagram);
    expect(forecast.channels[0]?.entryStageIds).toEqual(['Enterprise', 'SMB']);
    expect(value(stageOf(forecast, 'SMB').inflow)).toBeCloseTo(50);
    expect(value(stageOf(forecast, 'Enterprise').inflow)).toBeCloseTo(50);
    expect(value(forecast.totals.won)).toBeCloseTo(30);
  });

  it('reports a channel that reaches no stage: it wins nothing and has no CAC', () => {
    const diagram = straight();
    diagram.nodes.push(
      channel('Events', {
        volume: 2,
        period: 'quarter',
        spend: 9000,
        metrics: [{ key: 'conversion', value: 0.5 }],
      }),
    );
    const forecast = forecastDiagram(diagram);
    const events = forecast.channels[1]!;
    expect(value(events.won)).toBe(0);
    const reason =
      'Channel "Events" does not reach a pipeline stage, so its leads are not forecast.';
    expect(events.cac).toEqual({ unknown: reason });
    // Its leads never enter the pipeline, so they are not counted in the totals either.
    expect(value(events.leads)).toBeCloseTo(1 / 3);
    expect(value(forecast.totals.leads)).toBeCloseTo(50);
    expect(value(forecast.totals.won)).toBeCloseTo(1);
  });

  it('leaves the totals known when a channel that reaches no stage has no volume', () => {
    const diagram = straight();
    diagram.nodes.push(channel('Webinars', { period: 'month' }));
    const forecast = forecastDiagram(diagram);
    const webinars = forecast.channels[1]!;
    expect(webinars.leads).toEqual({ unknown: 'Channel "Webinars" has no volume.' });
    for (const total of Object.values(forecast.totals)) expect(isKnown(total)).toBe(true);
    expect(value(forecast.totals.leads)).toBeCloseTo(50);
    expect(forecast.notes).toContain(
      'Channel "Webinars" does not reach a pipeline stage, so its leads are not forecast.',
    );
  });

  it('forecasts nothing while no channel feeds the pipeline, with stages at zero', () => {
    const diagram = straight();
    diagram.edges = diagram.edges.filter((e) => e.source !== 'Email');
    const forecast = forecastDiagram(diagram);
    const reason = 'No channel reaches a pipeline stage yet, so there is nothing to forecast.';
    for (const total of Object.values(forecast.totals)) expect(total).toEqual({ unknown: reason });
    expect(forecast.unknowns).toContain(reason);
    expect(forecast.stages.map((s) => value(s.inflow))).toEqual(forecast.stages.map(() => 0));
  });

  describe('motion and ACV', () => {
    it('takes the motion wired to the pipeline when there are several', () => {
      const diagram = straight();
      diagram.nodes.push(motion('PLG', { acv: 2000 }));
      const forecast = forecastDiagram(diagram);
      expect(forecast.motionId).toBe('Sales-led');
      expect(value(forecast.acv)).toBe(30_000);
    });

    it('refuses to guess between wired motions with different ACVs', () => {
      const diagram = straight();
      diagram.nodes.push(motion('PLG', { acv: 2000 }));
      diagram.edges.push(edge('PLG', 'MQL'));
      const forecast = forecastDiagram(diagram);
      expect(forecast.motionId).toBeNull();
      expect(forecast.totals.newArr).toEqual({
        unknown:
          'Motions "Sales-led", "PLG" have different ACVs; connect only one to the pipeline.',
      });
    });

    it('names a missing ACV and a missing motion', () => {
      const noAcv = straight();
      noAcv.nodes[3] = motion('Sales-led', {});
      expect(forecastDiagram(noAcv).totals.newArr).toEqual({
        unknown: 'Motion "Sales-led" has no ACV.',
      });
      const noMotion = straight();
      noMotion.nodes.splice(3, 1);
      expect(forecastDiagram(noMotion).unknowns).toContain(
        'The diagram has no sales motion, so the ACV is unknown.',
      );
    });

    it('takes the sales cycle from a single stage when the motion has none', () => {
      const diagram = straight();
      diagram.nodes[3] = motion('Sales-led', { acv: 30_000 });
      diagram.nodes[6] = stage(
        'Opportunity',
        ['win-rate', 0.2],
        [{ key: 'sales-cycle-days', value: 30 }],
      );
      expect(value(forecastDiagram(diagram).totals.salesVelocity)).toBeCloseTo(1000);
    });
  });

  it('falls back to the motion win rate and demo-to-opportunity stages for velocity', () => {
    const diagram = straight();
    diagram.nodes[3] = motion('Sales-led', {
      acv: 30_000,
      metrics: [
        { key: 'win-rate', value: 0.25 },
        { key: 'sales-cycle-days', value: 50 },
      ],
    });
    diagram.nodes[6] = stage('Opportunity', ['demo-to-opportunity', 0.2]);
    const { totals } = forecastDiagram(diagram);
    // 5 SQLs × 20% → 1 opportunity; 1 × 25% × $30,000 ÷ 50 days.
    expect(value(totals.opportunities)).toBeCloseTo(1);
    expect(value(totals.salesVelocity)).toBeCloseTo(150);
  });

  it('notes a close whose win rate is not applied', () => {
    const diagram = straight();
    diagram.nodes[7] = stage('Won', ['win-rate', 0.2]);
    const forecast = forecastDiagram(diagram);
    expect(value(forecast.totals.won)).toBeCloseTo(1);
    expect(forecast.notes).toContain(
      'Stage "Won" ends the pipeline, so its "Win rate" rate is not applied: its inflow counts as won deals.',
    );
  });

  it('forecasts no figure for an empty diagram, for one reason, rather than $0', () => {
    const forecast = forecastDiagram(diagramOf([], []));
    const reason = 'No channel reaches a pipeline stage yet, so there is nothing to forecast.';
    expect(forecast.totals.leads).toEqual({ unknown: reason });
    expect(forecast.totals.won).toEqual({ unknown: reason });
    expect(forecast.totals.newArr).toEqual({ unknown: reason });
    expect(forecast.unknowns).toEqual([reason]);
    expect(forecast.stages).toEqual([]);
  });
});
