import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/schema';
import type { Period } from '../model/schema';
import { channel, chain, diagramOf, edge, motion, stage } from '../testing/forecast-diagram';
import { isKnown, MAX_FIGURE, type Estimate } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import type { Forecast } from './forecast-types';
import { formatCount, formatEstimate, formatMoney, formatPercent } from './format';
import { sensitivity } from './sensitivity';

const email = channel('email', {
  volume: 1000,
  period: 'month',
  metrics: [{ key: 'reply-rate', value: 0.1 }],
});

describe('a pipeline with no way out', () => {
  it('has unknown won deals and new ARR with the reason, never a known $0', () => {
    const feed = edge('email', 'a');
    const diagram = diagramOf(
      [
        email,
        stage('a', ['lead-to-mql', 0.5]),
        stage('b', ['mql-to-sql', 0.5]),
        motion('m', { acv: 10_000 }),
      ],
      [feed, ...chain('a', 'b', 'a')],
    );
    const forecast = forecastDiagram(diagram);
    expect(isKnown(forecast.totals.won)).toBe(false);
    expect(isKnown(forecast.totals.newArr)).toBe(false);
    const reason = (forecast.totals.newArr as { unknown: string }).unknown;
    expect(reason).toMatch(
      /^The pipeline loops back on itself \("a" → "b" → "a"\) and no stage after it ends the pipeline/,
    );
    expect(forecast.unknowns).toContain(reason);
  });

  it('stays unknown when a close elsewhere receives nothing', () => {
    const feed = edge('email', 'a');
    const diagram = diagramOf(
      [
        email,
        stage('a', ['lead-to-mql', 0.5]),
        stage('b', ['mql-to-sql', 0.5]),
        stage('won'),
        motion('m', { acv: 10_000 }),
      ],
      [feed, ...chain('a', 'b', 'a')],
    );
    expect(isKnown(forecastDiagram(diagram).totals.newArr)).toBe(false);
  });

  it('is still known when the loop has an exit to a close that is fed elsewhere', () => {
    const feed = edge('email', 'a');
    const diagram = diagramOf(
      [email, stage('a', ['lead-to-mql', 0.5]), stage('won'), motion('m', { acv: 10_000 })],
      [feed, edge('a', 'won')],
    );
    expect(forecastDiagram(diagram).totals.newArr).toEqual({ value: 100 * 0.5 * 10_000 });
  });
});

/** Every figure of a forecast, named, for the property below. */
function figures(forecast: Forecast): [string, Estimate][] {
  const out: [string, Estimate][] = [
    ['acv', forecast.acv],
    ['cycle', forecast.salesCycleDays],
    ...Object.entries(forecast.totals),
  ];
  for (const c of forecast.channels) {
    out.push(
      [`${c.id}.volume`, c.volumePerMonth],
      [`${c.id}.leads`, c.leads],
      [`${c.id}.won`, c.won],
    );
    out.push(
      [`${c.id}.spend`, c.spendPerMonth],
      [`${c.id}.cac`, c.cac],
      [`${c.id}.conv`, c.conversion],
    );
  }
  for (const s of forecast.stages) out.push([`${s.id}.in`, s.inflow], [`${s.id}.out`, s.outflow]);
  return out;
}

/** Rates at the edges: 0, 1, subnormal, tiny, and anything between. */
const extremeRate = fc.oneof(
  fc.constantFrom(0, 1, 5e-324, 1e-300, 1e-12, 0.5),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const extremeMoney = fc.oneof(
  fc.constantFrom(0, 1e-300, 1, LIMITS.money),
  fc.double({ min: 0, max: LIMITS.money, noNaN: true }),
);
const extremeVolume = fc.oneof(
  fc.constantFrom(0, 1e-300, LIMITS.volume),
  fc.double({ min: 0, max: LIMITS.volume, noNaN: true }),
);
const cycle = fc.oneof(
  fc.constantFrom(1, LIMITS.days),
  fc.double({ min: 1, max: LIMITS.days, noNaN: true }),
);

describe('every forecast figure is finite and sane (properties)', () => {
  it('over extreme volumes, spends, ACVs, rates and cycles', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            volume: extremeVolume,
            spend: extremeMoney,
            rate: extremeRate,
            period: fc.constantFrom<Period>('week', 'month', 'quarter'),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(extremeRate, { minLength: 1, maxLength: 5 }),
        extremeMoney,
        cycle,
        (channels, rates, acv, days) => {
          const stages = rates.map((rate, i) =>
            stage(`s${i}`, [i === rates.length - 2 ? 'win-rate' : 'conversion', rate]),
          );
          stages.push(stage('won'));
          const ids = stages.map((s) => s.id);
          const diagram = diagramOf(
            [
              ...channels.map((c, i) =>
                channel(`c${i}`, {
                  volume: c.volume,
                  spend: c.spend,
                  period: c.period,
                  metrics: [{ key: 'conversion', value: c.rate }],
                }),
              ),
              ...stages,
              motion('m', { acv, metrics: [{ key: 'sales-cycle-days', value: days }] }),
            ],
            [...channels.map((_, i) => edge(`c${i}`, 's0')), ...chain(...ids), edge('m', 's0')],
          );
          const forecast = forecastDiagram(diagram);
          for (const [name, estimate] of figures(forecast)) {
            if (!isKnown(estimate)) {
              expect(estimate.unknown, name).toMatch(/^[A-Z"].*\.$/);
              continue;
            }
            expect(Number.isFinite(estimate.value), name).toBe(true);
            expect(Math.abs(estimate.value), name).toBeLessThanOrEqual(MAX_FIGURE);
            for (const text of [
              formatEstimate(estimate, formatMoney),
              formatEstimate(estimate, formatCount),
              formatEstimate(estimate, formatPercent),
            ]) {
              expect(text, name).not.toMatch(/∞|NaN/);
              expect(text.replace(/\D/g, '').length, name).toBeLessThanOrEqual(22);
            }
          }
          const drivers = sensitivity(diagram);
          for (const d of drivers.drivers) {
            expect(Number.isFinite(d.arrLow) && Number.isFinite(d.arrHigh)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a CAC over a deal count of 1e-300 is unknown with a reason, not infinite', () => {
    const diagram = diagramOf(
      [
        channel('c', {
          volume: 1,
          spend: LIMITS.money,
          period: 'month',
          metrics: [{ key: 'conversion', value: 1e-300 }],
        }),
        stage('won'),
      ],
      [edge('c', 'won')],
    );
    const cac = forecastDiagram(diagram).channels[0]?.cac;
    expect(cac && !isKnown(cac) && cac.unknown).toMatch(/too large to mean anything/);
  });

  it('new ARR past a thousand trillion is unknown with a reason', () => {
    const diagram = diagramOf(
      [
        channel('c', {
          volume: LIMITS.volume,
          period: 'week',
          metrics: [{ key: 'conversion', value: 1 }],
        }),
        stage('won'),
        motion('m', { acv: LIMITS.money }),
      ],
      [edge('c', 'won'), edge('m', 'won')],
    );
    const arr = forecastDiagram(diagram).totals.newArr;
    expect(isKnown(arr)).toBe(false);
  });
});
