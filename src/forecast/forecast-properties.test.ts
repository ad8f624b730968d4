import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateKey } from '../model/metrics';
import type { Diagram, DiagramEdge, DiagramNode, Period } from '../model/schema';
import { isKnown, valueOf, type Estimate } from './estimate';
import { forecastDiagram } from './forecast-diagram';
import { sensitivity } from './sensitivity';
import { channel, diagramOf, edge, motion, revops, stage } from '../testing/forecast-diagram';

interface Spec {
  readonly stages: readonly { readonly key: RateKey; readonly rate: number | null }[];
  /** Forward links only (from < to), so the pipeline is acyclic. */
  readonly links: readonly {
    readonly from: number;
    readonly to: number;
    readonly share: number | null;
  }[];
  readonly feedback: readonly { readonly from: number; readonly to: number }[];
  readonly channels: readonly {
    readonly volume: number;
    readonly period: Period;
    readonly conversion: number;
    readonly targets: readonly number[];
  }[];
}

const KEYS: readonly RateKey[] = [
  'lead-to-mql',
  'mql-to-sql',
  'demo-to-opportunity',
  'win-rate',
  'conversion',
];
/**
 * Real rates are 0 or at least a hundredth of a percent; subnormal rates would underflow to 0 on
 * one side of the forward/backward comparison only, which no diagram can reach.
 */
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));

function specArb(options: { unknownRates: boolean }) {
  return fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      stages: fc.array(
        fc.record({
          key: fc.constantFrom(...KEYS),
          rate: options.unknownRates ? fc.option(rate, { freq: 4 }) : rate,
        }),
        { minLength: n, maxLength: n },
      ),
      links: fc
        .array(
          fc.record({
            a: fc.nat(n - 1),
            b: fc.nat(n - 1),
            share: fc.option(rate, { freq: 2 }),
          }),
          { maxLength: 14 },
        )
        .map((pairs) =>
          pairs
            .filter((p) => p.a !== p.b)
            .map((p) => ({ from: Math.min(p.a, p.b), to: Math.max(p.a, p.b), share: p.share })),
        ),
      feedback: fc
        .array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1) }), { maxLength: 4 })
        .map((pairs) => pairs.filter((p) => p.from !== p.to)),
      channels: fc.array(
        fc.record({
          volume: fc.integer({ min: 0, max: 10_000 }),
          period: fc.constantFrom<Period>('week', 'month', 'quarter'),
          conversion: rate,
          targets: fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  );
}

/**
 * The diagram a spec describes. With `passThrough`, each channel reaches its first stages
 * through enrichment → scoring, with a CRM loop on the side; without, it is wired straight.
 */
function build(spec: Spec, options: { passThrough: boolean; feedback: boolean }): Diagram {
  const nodes: DiagramNode[] = [motion('Motion', { acv: 10_000 })];
  const edges: DiagramEdge[] = [edge('Motion', 'S0')];
  spec.stages.forEach((s, i) => {
    nodes.push(stage(`S${i}`, s.rate === null ? undefined : [s.key, s.rate]));
    edges.push(edge(`S${i}`, 'CRM', { kind: 'dataflow' }));
  });
  nodes.push(revops('CRM', 'crm'));
  for (const link of spec.links) {
    edges.push(
      edge(`S${link.from}`, `S${link.to}`, link.share === null ? {} : { share: link.share }),
    );
  }
  if (options.feedback) {
    for (const back of spec.feedback)
      edges.push(edge(`S${back.from}`, `S${back.to}`, { kind: 'feedback' }));
  }
  spec.channels.forEach((c, i) => {
    const id = `C${i}`;
    nodes.push(
      channel(id, {
        volume: c.volume,
        period: c.period,
        spend: 1000,
        metrics: [{ key: 'conversion', value: c.conversion }],
      }),
    );
    let last = id;
    if (options.passThrough) {
      nodes.push(revops(`E${i}`, 'enrichment'), revops(`Q${i}`, 'scoring'));
      edges.push(
        edge(id, `E${i}`),
        edge(`E${i}`, `Q${i}`),
        edge(`Q${i}`, `E${i}`, { kind: 'dataflow' }),
      );
      last = `Q${i}`;
    }
    for (const t of c.targets) edges.push(edge(last, `S${t}`));
  });
  return diagramOf(nodes, edges);
}

/** With no channel wired to a stage there is nothing to forecast, and every total is unknown. */
function feedsPipeline(spec: Spec): boolean {
  return spec.channels.some((c) => c.targets.length > 0);
}

function close(a: Estimate, b: Estimate): boolean {
  if (!isKnown(a) || !isKnown(b)) return isKnown(a) === isKnown(b);
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

describe('forecast properties', () => {
  it('never wins more deals than it has leads', () => {
    fc.assert(
      fc.property(specArb({ unknownRates: false }), (spec) => {
        const { totals, channels } = forecastDiagram(
          build(spec, { passThrough: true, feedback: true }),
        );
        if (!feedsPipeline(spec)) return;
        const leads = valueOf(totals.leads) as number;
        const won = valueOf(totals.won) as number;
        expect(won).toBeLessThanOrEqual(leads * (1 + 1e-9));
        for (const c of channels) {
          expect(valueOf(c.won) as number).toBeLessThanOrEqual(
            (valueOf(c.leads) as number) * (1 + 1e-9),
          );
        }
      }),
    );
  });

  it('conserves flow through pass-through nodes: same stage flows as wiring channels straight', () => {
    fc.assert(
      fc.property(specArb({ unknownRates: true }), (spec) => {
        const via = forecastDiagram(build(spec, { passThrough: true, feedback: false }));
        const straight = forecastDiagram(build(spec, { passThrough: false, feedback: false }));
        expect(via.stages.map((s) => s.id)).toEqual(straight.stages.map((s) => s.id));
        via.stages.forEach((s, i) => {
          expect(close(s.inflow, straight.stages[i]!.inflow)).toBe(true);
          expect(close(s.outflow, straight.stages[i]!.outflow)).toBe(true);
        });
        expect(close(via.totals.won, straight.totals.won)).toBe(true);
      }),
    );
  });

  it('sums the leads of the channels that reach a stage, and every won deal, to the totals', () => {
    fc.assert(
      fc.property(specArb({ unknownRates: true }), (spec) => {
        const { totals, channels } = forecastDiagram(
          build(spec, { passThrough: true, feedback: true }),
        );
        if (!feedsPipeline(spec)) {
          expect(Object.values(totals).filter(isKnown)).toEqual([]);
          return;
        }
        let leads = 0;
        let won = 0;
        let wonKnown = true;
        for (const c of channels) {
          if (c.entryStageIds.length > 0) leads += valueOf(c.leads) as number;
          if (isKnown(c.won)) won += c.won.value;
          else wonKnown = false;
        }
        expect(close(totals.leads, { value: leads })).toBe(true);
        expect(isKnown(totals.won)).toBe(wonKnown);
        if (wonKnown) expect(close(totals.won, { value: won })).toBe(true);
      }),
    );
  });

  it('carries no flow on feedback edges', () => {
    fc.assert(
      fc.property(specArb({ unknownRates: true }), (spec) => {
        const with_ = forecastDiagram(build(spec, { passThrough: true, feedback: true }));
        const without = forecastDiagram(build(spec, { passThrough: true, feedback: false }));
        expect(with_.stages).toEqual(without.stages);
        expect(with_.totals).toEqual(without.totals);
      }),
    );
  });

  it('ends on any loop of ordinary edges and marks every stage on it unknown', () => {
    fc.assert(
      fc.property(
        specArb({ unknownRates: false }),
        fc.array(fc.record({ a: fc.nat(7), b: fc.nat(7) }), { minLength: 1, maxLength: 4 }),
        (spec, backs) => {
          const n = spec.stages.length;
          const diagram = build(spec, { passThrough: true, feedback: true });
          const extra = backs
            .map((p) => ({ from: p.a % n, to: p.b % n }))
            .filter((p) => p.from !== p.to);
          for (const p of extra) diagram.edges.push(edge(`S${p.from}`, `S${p.to}`));
          const forecast = forecastDiagram(diagram);

          const next = new Map<number, number[]>();
          for (const l of [...spec.links, ...extra])
            next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
          const onLoop = (start: number) => {
            const seen = new Set<number>();
            const stack = [...(next.get(start) ?? [])];
            while (stack.length > 0) {
              const at = stack.pop() as number;
              if (at === start) return true;
              if (seen.has(at)) continue;
              seen.add(at);
              stack.push(...(next.get(at) ?? []));
            }
            return false;
          };
          for (let i = 0; i < n; i++) {
            if (!onLoop(i)) continue;
            const inflow = forecast.stages.find((s) => s.id === `S${i}`)?.inflow;
            expect(inflow && !isKnown(inflow) && inflow.unknown).toMatch(/loops back on itself/);
          }
        },
      ),
    );
  });

  it('prices each sensitivity driver exactly as a full re-forecast would', () => {
    fc.assert(
      fc.property(specArb({ unknownRates: false }), (spec) => {
        const diagram = build(spec, { passThrough: true, feedback: true });
        for (const driver of sensitivity(diagram).drivers) {
          for (const [input, arr] of [
            [driver.low, driver.arrLow],
            [driver.high, driver.arrHigh],
          ] as const) {
            const copy = structuredClone(diagram);
            const node = copy.nodes.find((n) => n.id === driver.nodeId);
            if (node?.kind === 'motion' && node.data) node.data.acv = input;
            const metric = node?.data?.metrics?.find((m) => m.key === driver.key);
            if (metric) metric.value = input;
            const rerun = valueOf(forecastDiagram(copy).totals.newArr) as number;
            expect(Math.abs(arr - rerun)).toBeLessThanOrEqual(1e-6 * Math.max(1, rerun));
          }
        }
      }),
    );
  });
});
